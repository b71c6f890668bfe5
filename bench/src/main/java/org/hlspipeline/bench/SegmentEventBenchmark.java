package org.hlspipeline.bench;

import java.util.concurrent.TimeUnit;

import org.hlspipeline.processor.hls.PlaylistRenderer;
import org.hlspipeline.processor.window.RenditionWindow;
import org.hlspipeline.processor.window.StreamState;
import org.hlspipeline.processor.ingest.StreamStateCodecs;
import org.hlspipeline.processor.window.RenditionWindow.WindowChange;
import org.hlspipeline.processor.window.WindowSegment;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The pure part of one segment event, end to end, as {@code StreamEventProcessor} does it in the steady state:
 * read the stream record and the window from store bytes, apply the segment, write the window back as bytes.
 * (The stream record is rewritten only once a minute, and the gap index is untouched when nothing is pending,
 * so neither is written here.) The second benchmark adds one render of the new window version, which the edge
 * does once per version per instance. RocksDB, Kafka and the event's own deserialization are not included.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SegmentEventBenchmark {

    @State(Scope.Thread)
    public static class Stored {
        byte[] streamBytes;
        byte[] windowBytes;
        WindowSegment next;
        long nowMillis;

        @Setup
        public void setUp() {
            RenditionWindow window = Fixtures.fullWindow(Fixtures.STREAM_ID, Fixtures.RENDITION);
            windowBytes = StreamStateCodecs.WINDOW.encode(window);
            streamBytes = StreamStateCodecs.STREAM.encode(Fixtures.describedStream(Fixtures.STREAM_ID));
            next = Fixtures.nextSegment(Fixtures.STREAM_ID, Fixtures.RENDITION);
            nowMillis = Fixtures.nextArrivalMillis();
            Fixtures.checkSteadyState(window, window.add(next, nowMillis));
        }
    }

    @Benchmark
    public byte[] ingest(Stored s, Blackhole bh) {
        StreamState stream = StreamStateCodecs.STREAM.decode(s.streamBytes);
        RenditionWindow window = StreamStateCodecs.WINDOW.decode(s.windowBytes);
        WindowChange change = window.add(s.next, s.nowMillis);
        bh.consume(stream.withRendition(Fixtures.RENDITION, s.nowMillis));
        return StreamStateCodecs.WINDOW.encode(change.window());
    }

    @Benchmark
    public byte[] ingestAndRender(Stored s, Blackhole bh) {
        StreamState stream = StreamStateCodecs.STREAM.decode(s.streamBytes);
        RenditionWindow window = StreamStateCodecs.WINDOW.decode(s.windowBytes);
        WindowChange change = window.add(s.next, s.nowMillis);
        bh.consume(stream.withRendition(Fixtures.RENDITION, s.nowMillis));
        bh.consume(StreamStateCodecs.WINDOW.encode(change.window()));
        return PlaylistRenderer.renderMediaBytes(change.window().toPlaylist());
    }
}
