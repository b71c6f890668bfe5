package org.hlspipeline.tools.cli;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Where a command that runs for a while (tail, load) reads the time and waits; tests substitute a clock they
 * drive, so that waiting takes no real time.
 */
public interface ToolClock {

    long nanoTime();

    /** Returns once {@link #nanoTime()} has reached {@code nanoTime} (at once if it has). */
    void sleepUntil(long nanoTime) throws InterruptedException;

    default void sleep(Duration duration) throws InterruptedException {
        sleepUntil(nanoTime() + duration.toNanos());
    }

    ToolClock SYSTEM = new ToolClock() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void sleepUntil(long nanoTime) throws InterruptedException {
            long left;
            while ((left = nanoTime - System.nanoTime()) > 0) {
                TimeUnit.NANOSECONDS.sleep(left);
            }
        }
    };
}
