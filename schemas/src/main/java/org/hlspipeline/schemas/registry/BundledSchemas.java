package org.hlspipeline.schemas.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.avro.Schema;

/**
 * The table of schema versions the project ships, with their fixed embedded-mode ids.
 *
 * <p>Rules, because records on disk in {@code ./data} and in flight between processes carry these ids:
 * <ul>
 *   <li>Append only. An id is never reused and an entry's schema is never edited.</li>
 *   <li>Each entry's schema is a frozen copy (a resource file next to this class), not the generated class's
 *       {@code getClassSchema()}: editing an {@code .avsc} must not silently change what an old id means.</li>
 *   <li>Changing a shipped {@code .avsc} therefore needs a new entry with the next id and a new frozen file
 *       ({@code BundledSchemaRegistryTest} fails until it exists).</li>
 * </ul>
 */
public final class BundledSchemas {

    public static final BundledSchema STREAM_EVENT_V1 =
            new BundledSchema(1, "hls.stream-events-value", frozen("StreamEvent-v1.avsc"));

    public static final BundledSchema CHANNEL_COMMAND_V1 =
            new BundledSchema(2, "hls.channel-commands-value", frozen("ChannelCommand-v1.avsc"));

    public static final BundledSchema BROADCAST_V1 =
            new BundledSchema(3, "hls.broadcasts-value", frozen("Broadcast-v1.avsc"));

    public static final BundledSchema AIRED_SEGMENT_V1 =
            new BundledSchema(4, "hls.as-run-value", frozen("AiredSegment-v1.avsc"));

    public static final BundledSchema LIVE_WINDOW_V1 =
            new BundledSchema(5, "hls.live-windows-value", frozen("LiveWindow-v1.avsc"));

    /** Segments gain an initialisation section (EXT-X-MAP), a byte range and a key (EXT-X-KEY). */
    public static final BundledSchema STREAM_EVENT_V2 =
            new BundledSchema(6, "hls.stream-events-value", frozen("StreamEvent-v2.avsc"));

    /** The window's segments carry the same three. */
    public static final BundledSchema LIVE_WINDOW_V2 =
            new BundledSchema(7, "hls.live-windows-value", frozen("LiveWindow-v2.avsc"));

    /**
     * Renditions become VIDEO, AUDIO or SUBTITLES, with EXT-X-MEDIA's group attributes, and a VOD item's
     * renditions gain an initialisation section, byte ranges and a key.
     */
    public static final BundledSchema CHANNEL_COMMAND_V2 =
            new BundledSchema(8, "hls.channel-commands-value", frozen("ChannelCommand-v2.avsc"));

    /** Rendition descriptions gain the type, the group attributes, the variant's groups and I-frame playlists. */
    public static final BundledSchema STREAM_EVENT_V3 =
            new BundledSchema(9, "hls.stream-events-value", frozen("StreamEvent-v3.avsc"));

    /** Alerts carry items, so they change with the item schema. */
    public static final BundledSchema BROADCAST_V2 =
            new BundledSchema(10, "hls.broadcasts-value", frozen("Broadcast-v2.avsc"));

    /** Every shipped version, by ascending id. */
    public static final List<BundledSchema> ALL = List.of(
            STREAM_EVENT_V1, CHANNEL_COMMAND_V1, BROADCAST_V1, AIRED_SEGMENT_V1, LIVE_WINDOW_V1, STREAM_EVENT_V2,
            LIVE_WINDOW_V2, CHANNEL_COMMAND_V2, STREAM_EVENT_V3, BROADCAST_V2);

    private BundledSchemas() {
    }

    private static Schema frozen(String resource) {
        try (InputStream in = BundledSchemas.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("bundled schema resource " + resource + " is missing from the jar");
            }
            return new Schema.Parser().parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled schema " + resource, e);
        }
    }
}
