package org.hlspipeline.bench;

import java.util.concurrent.TimeUnit;

import org.hlspipeline.processor.window.RenditionWindow;
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

/**
 * {@link RenditionWindow#add}: the next segment applied to a full 6-segment window, the steady state of a live
 * rendition (one segment slides out, one comes in). The inputs are the same every time, so each invocation does
 * exactly that work; the new window is returned so that it cannot be eliminated.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class WindowApplyBenchmark {

    @State(Scope.Thread)
    public static class FullWindow {
        RenditionWindow window;
        WindowSegment next;
        long nowMillis;

        @Setup
        public void setUp() {
            window = Fixtures.fullWindow(Fixtures.STREAM_ID, Fixtures.RENDITION);
            next = Fixtures.nextSegment(Fixtures.STREAM_ID, Fixtures.RENDITION);
            nowMillis = Fixtures.nextArrivalMillis();
            Fixtures.checkSteadyState(window, window.add(next, nowMillis));
        }
    }

    @Benchmark
    public WindowChange windowAdd(FullWindow s) {
        return s.window.add(s.next, s.nowMillis);
    }
}
