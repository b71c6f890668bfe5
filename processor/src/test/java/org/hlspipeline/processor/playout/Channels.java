package org.hlspipeline.processor.playout;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Channels, assets and items for tests, in the domain's words. Times are whole seconds after {@link #T0}. */
public final class Channels {

    public static final long T0 = Instant.parse("2026-11-21T20:00:00Z").toEpochMilli() * 1000;
    public static final long TWO_SECONDS = 2_000_000;
    public static final List<LadderRendition> LADDER = List.of(
            new LadderRendition("720p", 2_500_000, null, "1280x720", "avc1.4d401f,mp4a.40.2", 25.0),
            new LadderRendition("480p", 1_000_000, null, "854x480", "avc1.4d401e,mp4a.40.2", 25.0));

    private Channels() {
    }

    public static long at(double seconds) {
        return T0 + Math.round(seconds * 1_000_000);
    }

    /** An asset of {@code count} 2 s segments at https://cdn.example/{name}/{rendition}/seg{n}.ts. */
    public static VodAsset asset(String name, int count) {
        return VodAsset.uniform(Map.of(
                "720p", RenditionUris.template("https://cdn.example/" + name + "/720p/seg{n}.ts"),
                "480p", RenditionUris.template("https://cdn.example/" + name + "/480p/seg{n}.ts")),
                count, TWO_SECONDS, 0);
    }

    public static Item item(String name, int count) {
        return Item.of(name, ItemKind.PROGRAM, name.toUpperCase(), asset(name, count));
    }

    public static ChannelConfig config(Item filler) {
        return new ChannelConfig(LADDER, 6, 2, filler, true, AdMarkers.DATERANGE);
    }

    /** A channel configured at T0 with the given items queued at T0. */
    public static ChannelState channel(Item filler, Item... items) {
        ChannelState state = Playout.schedule(ChannelState.create("tv1"),
                new PlayoutCommand.Configure(config(filler)), T0);
        return Playout.schedule(state, new PlayoutCommand.Enqueue(List.of(items), false), T0);
    }

    /** "ep1#2" for segment 2 of ep1, with a "|" before it when it starts a discontinuity. */
    public static List<String> labels(List<ChannelSegment> segments) {
        return segments.stream().map(s -> (s.discontinuity() ? "|" : "") + s.itemId() + "#"
                + s.uris().get("720p").replaceAll(".*seg(\\d+)\\.ts", "$1")).toList();
    }
}
