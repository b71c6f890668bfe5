package org.hlspipeline.tools.load;

import java.util.concurrent.TimeUnit;

/** Where a load run reads the time and waits for the next event's turn; tests substitute a clock they drive. */
interface LoadClock {

    long nanoTime();

    /** Returns once {@link #nanoTime()} has reached {@code nanoTime} (at once if it has). */
    void sleepUntil(long nanoTime) throws InterruptedException;

    LoadClock SYSTEM = new LoadClock() {
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
