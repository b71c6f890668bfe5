package org.hlspipeline.bench;

import java.util.concurrent.TimeUnit;

import org.hlspipeline.processor.hls.PlaylistRenderer;
import org.hlspipeline.processor.window.RenditionWindow;
import org.hlspipeline.processor.window.StreamState;
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
 * Rendering at the edge, from the stored values: the media playlist of a 6-segment window (model conversion
 * included, as the query path does it) and the master playlist of a 4-rendition ladder.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RenderBenchmark {

    @State(Scope.Thread)
    public static class Values {
        RenditionWindow window;
        StreamState stream;

        @Setup
        public void setUp() {
            window = Fixtures.fullWindow(Fixtures.STREAM_ID, Fixtures.RENDITION);
            stream = Fixtures.describedStream(Fixtures.STREAM_ID);
        }
    }

    @Benchmark
    public byte[] renderMedia(Values s) {
        return PlaylistRenderer.renderMediaBytes(s.window.toPlaylist());
    }

    @Benchmark
    public byte[] renderMaster(Values s) {
        return PlaylistRenderer.renderMasterBytes(s.stream.toMasterPlaylist().orElseThrow());
    }
}
