package org.hlspipeline.bench;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.hlspipeline.processor.hls.PlaylistRenderer;
import org.hlspipeline.processor.window.RenditionWindow;
import org.hlspipeline.processor.window.StreamState;
import org.hlspipeline.processor.ingest.StreamStateCodecs;
import org.hlspipeline.processor.ingest.WindowKeys;

/**
 * Prints the encoded sizes of the stored values and what they add up to at the scale target (10,000 streams ×
 * 4 renditions, 2 s segments). Raw key + value bytes only: RocksDB and Kafka add their own per-record overhead
 * and compression on top.
 *
 * <pre>java -cp bench/target/benchmarks.jar org.hlspipeline.bench.StateSizes [streams] [renditions]</pre>
 */
public final class StateSizes {

    private StateSizes() {
    }

    public static void main(String[] args) {
        int streams = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int renditions = args.length > 1 ? Integer.parseInt(args[1]) : Fixtures.LADDER.length;
        double segmentSeconds = Fixtures.SEGMENT_MICROS / 1e6;

        RenditionWindow window = Fixtures.fullWindow(Fixtures.STREAM_ID, Fixtures.RENDITION);
        int windowValue = StreamStateCodecs.WINDOW.encode(window).length;
        int windowNoPdt = StreamStateCodecs.WINDOW.encode(
                Fixtures.fullWindow(Fixtures.STREAM_ID, Fixtures.RENDITION, s -> false)).length;
        int windowAllPdt = StreamStateCodecs.WINDOW.encode(
                Fixtures.fullWindow(Fixtures.STREAM_ID, Fixtures.RENDITION, s -> true)).length;
        int windowKey = utf8(WindowKeys.of(Fixtures.STREAM_ID, Fixtures.RENDITION));
        StreamState stream = Fixtures.describedStream(Fixtures.STREAM_ID);
        int streamValue = StreamStateCodecs.STREAM.encode(stream).length;
        int streamKey = utf8(Fixtures.STREAM_ID);
        int mediaPlaylist = PlaylistRenderer.renderMediaBytes(window.toPlaylist()).length;
        int masterPlaylist = PlaylistRenderer.renderMasterBytes(stream.toMasterPlaylist().orElseThrow()).length;

        long windowCount = (long) streams * renditions;
        long windowsStore = windowCount * (windowKey + windowValue);
        long streamsStore = (long) streams * (streamKey + streamValue);
        double eventsPerSecond = windowCount / segmentSeconds;
        // Every segment rewrites its window; the stream record at most once a minute per stream.
        double changelogPerSecond = eventsPerSecond * (windowKey + windowValue) + streams / 60.0 * (streamKey + streamValue);

        line("window value, 6 segments, every other with PDT (B)", windowValue);
        line("window value, 6 segments, no PDT / all PDT (B)", windowNoPdt + " / " + windowAllPdt);
        line("window key '" + WindowKeys.of(Fixtures.STREAM_ID, Fixtures.RENDITION) + "' (B)", windowKey);
        line("stream value, 4 described renditions (B)", streamValue);
        line("stream key '" + Fixtures.STREAM_ID + "' (B)", streamKey);
        line("rendered media playlist, 6 segments (B)", mediaPlaylist);
        line("rendered master playlist, 4 variants (B)", masterPlaylist);
        System.out.println();
        System.out.printf(Locale.ROOT, "At %,d streams x %d renditions, %.0f s segments:%n", streams, renditions,
                segmentSeconds);
        line("segment events per second", String.format(Locale.ROOT, "%,.0f", eventsPerSecond));
        line("stream-windows store, key+value", mib(windowsStore));
        line("streams store, key+value", mib(streamsStore));
        line("both stores, key+value", mib(windowsStore + streamsStore));
        line("changelog writes, key+value per second", mib((long) changelogPerSecond) + "/s");
        line("changelog writes per hour, before compaction", gib((long) (changelogPerSecond * 3600)));
        line("render cache, one media playlist per window", mib(windowCount * mediaPlaylist));
    }

    private static int utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    private static void line(String label, Object value) {
        System.out.printf(Locale.ROOT, "%-55s %s%n", label, value);
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%,d B (%.2f MiB)", bytes, bytes / 1048576.0);
    }

    private static String gib(long bytes) {
        return String.format(Locale.ROOT, "%,d B (%.2f GiB)", bytes, bytes / 1073741824.0);
    }
}
