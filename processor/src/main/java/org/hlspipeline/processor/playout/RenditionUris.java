package org.hlspipeline.processor.playout;

import java.util.List;

import org.hlspipeline.processor.hls.ByteRange;
import org.hlspipeline.processor.hls.InitSection;
import org.hlspipeline.processor.hls.SegmentKey;
import org.hlspipeline.processor.hls.SegmentMedia;

/**
 * Where one rendition of a VOD asset's segments are: a URI template ({@code {n}} is the segment number) or an
 * explicit list, one URI per segment; and what its segments need to be played: the initialisation section of an
 * fMP4 asset, one byte range per segment when they are sub-ranges of their URIs, and the key they are encrypted
 * with (see docs/architecture.md, Channel media).
 *
 * @param map        the rendition's initialisation section (EXT-X-MAP), or null (MPEG-TS)
 * @param byteRanges one per segment, or empty when each segment is its whole URI
 * @param key        the key, or null in the clear
 */
public record RenditionUris(String template, List<String> uris, InitSection map, List<ByteRange> byteRanges,
                            SegmentKey key) {

    public RenditionUris {
        uris = uris == null ? List.of() : List.copyOf(uris);
        byteRanges = byteRanges == null ? List.of() : List.copyOf(byteRanges);
        if ((template == null) == uris.isEmpty()) {
            throw new IllegalArgumentException("give either a uriTemplate or a list of uris");
        }
        if (template != null && !template.contains("{n}")) {
            throw new IllegalArgumentException("uriTemplate must contain {n}: " + template);
        }
    }

    /** Self-contained segments in the clear (MPEG-TS). */
    public RenditionUris(String template, List<String> uris) {
        this(template, uris, null, List.of(), null);
    }

    public static RenditionUris template(String template) {
        return new RenditionUris(template, List.of());
    }

    /** These URIs with an initialisation section, byte ranges and a key. */
    public RenditionUris withMedia(InitSection newMap, List<ByteRange> newRanges, SegmentKey newKey) {
        return new RenditionUris(template, uris, newMap, newRanges, newKey);
    }

    /** The URI of the segment at {@code index} (0-based in the asset), numbered {@code number}. */
    public String uri(int index, long number) {
        return template != null ? template.replace("{n}", Long.toString(number)) : uris.get(index);
    }

    /**
     * What the segment at {@code index}, numbered {@code number}, needs besides its URI. A key that leaves the IV
     * to the media sequence number gets the asset's own number as its IV: the channel renumbers the segment, and
     * the IV must stay the one it was encrypted with.
     */
    public SegmentMedia media(int index, long number) {
        if (map == null && byteRanges.isEmpty() && key == null) {
            return SegmentMedia.NONE;
        }
        return new SegmentMedia(map, byteRanges.isEmpty() ? null : byteRanges.get(index),
                key == null ? null : key.statingIv(number));
    }
}
