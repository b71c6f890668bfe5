package org.hlspipeline.tools.load;

import java.util.concurrent.atomic.AtomicLong;

import org.hlspipeline.tools.cli.ToolClock;

/** A clock that only moves when the run sleeps or the test moves it: sleeping takes no real time. */
final class FakeClock implements ToolClock {

    private final AtomicLong now = new AtomicLong(5_000_000_000L);
    private final AtomicLong slept = new AtomicLong();

    @Override
    public long nanoTime() {
        return now.get();
    }

    @Override
    public void sleepUntil(long nanoTime) {
        long before = now.get();
        if (nanoTime > before) {
            slept.addAndGet(nanoTime - before);
            now.set(nanoTime);
        }
    }

    void advance(long nanos) {
        now.addAndGet(nanos);
    }

    long sleptNanos() {
        return slept.get();
    }
}
