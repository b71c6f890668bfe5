package org.hlspipeline.bench;

import java.util.concurrent.TimeUnit;

import org.hlspipeline.processor.window.RenditionWindow;
import org.hlspipeline.processor.window.StreamState;
import org.hlspipeline.processor.ingest.StreamStateCodecs;
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

/**
 * The store codecs (Avro single-object encoding). {@code WINDOW.encode} is the per-segment store and changelog
 * write; {@code WINDOW.decode} is the per-segment store read and the per-request read at the edge.
 * {@code STREAM.decode} is read on every record; {@code STREAM.encode} runs at most once a minute per stream.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class StoreCodecBenchmark {

    @State(Scope.Thread)
    public static class Values {
        RenditionWindow window;
        byte[] windowBytes;
        StreamState stream;
        byte[] streamBytes;

        @Setup
        public void setUp() {
            window = Fixtures.fullWindow(Fixtures.STREAM_ID, Fixtures.RENDITION);
            windowBytes = StreamStateCodecs.WINDOW.encode(window);
            stream = Fixtures.describedStream(Fixtures.STREAM_ID);
            streamBytes = StreamStateCodecs.STREAM.encode(stream);
            Fixtures.check(StreamStateCodecs.WINDOW.decode(windowBytes).equals(window), "window round trip");
            Fixtures.check(StreamStateCodecs.STREAM.decode(streamBytes).equals(stream), "stream round trip");
        }
    }

    @Benchmark
    public byte[] windowEncode(Values s) {
        return StreamStateCodecs.WINDOW.encode(s.window);
    }

    @Benchmark
    public RenditionWindow windowDecode(Values s) {
        return StreamStateCodecs.WINDOW.decode(s.windowBytes);
    }

    @Benchmark
    public byte[] streamEncode(Values s) {
        return StreamStateCodecs.STREAM.encode(s.stream);
    }

    @Benchmark
    public StreamState streamDecode(Values s) {
        return StreamStateCodecs.STREAM.decode(s.streamBytes);
    }
}
