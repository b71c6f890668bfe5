package org.hlspipeline.tools.tail;

import java.util.concurrent.atomic.AtomicInteger;

import org.hlspipeline.tools.cli.ToolClock;

/**
 * The system clock, counting the waits between two reads of a playlist: a test that expects nothing to happen
 * waits until the tool has looked several times, however slow the machine, instead of sleeping a guessed time.
 */
final class CountingClock implements ToolClock {

    private final AtomicInteger waits = new AtomicInteger();

    @Override
    public long nanoTime() {
        return SYSTEM.nanoTime();
    }

    @Override
    public void sleepUntil(long nanoTime) throws InterruptedException {
        waits.incrementAndGet();
        SYSTEM.sleepUntil(nanoTime);
    }

    /** How many waits the tool has begun so far. */
    int waits() {
        return waits.get();
    }
}
