package org.hlspipeline.processor.kafka;

import org.apache.kafka.streams.processor.api.ProcessorContext;

/**
 * What "now" means for decisions that depend on time (gap deadlines, idle expiry) in one task.
 *
 * <p>While records flow, now is the task's stream time: the largest record timestamp processed so far, a pure
 * function of the log. Replaying the topics therefore takes the same decisions at the same records, however fast
 * the replay runs. Only when the task has gone quiet (no record for {@link #IDLE_AFTER_MILLIS}, which during a
 * replay means it has caught up) does the wall clock stand in, so a stalled stream on a silent partition still
 * gets its gap declared.
 */
public final class TaskClock {

    public static final long IDLE_AFTER_MILLIS = 2_000;

    private final ProcessorContext<?, ?> context;
    private long lastRecordWallClock;

    /** A task starts busy: restored state must not expire before the backlog behind it has been read. */
    public TaskClock(ProcessorContext<?, ?> context) {
        this.context = context;
        this.lastRecordWallClock = context.currentSystemTimeMs();
    }

    public void recordProcessed() {
        lastRecordWallClock = context.currentSystemTimeMs();
    }

    public long streamTime() {
        return context.currentStreamTimeMs();
    }

    /** The time a wall-clock punctuation at {@code wallClockMillis} may act on. */
    public long punctuationTime(long wallClockMillis) {
        boolean idle = wallClockMillis - lastRecordWallClock >= IDLE_AFTER_MILLIS;
        return idle ? Math.max(wallClockMillis, streamTime()) : streamTime();
    }
}
