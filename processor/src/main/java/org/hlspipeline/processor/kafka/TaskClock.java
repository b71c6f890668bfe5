package org.hlspipeline.processor.kafka;

import java.util.OptionalLong;

import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * What "now" means for decisions that depend on time (gap deadlines, idle expiry, channel boundaries) in one task.
 *
 * <p>While records flow, now is the task's stream time: the largest record timestamp processed so far, a pure
 * function of the log. Replaying the topics therefore takes the same decisions at the same records, however fast
 * the replay runs. Only when the task has gone quiet (no record for {@link #IDLE_AFTER_MILLIS}, which during a
 * replay means it has caught up) does the wall clock stand in, so a stalled stream on a silent partition still
 * gets its gap declared.
 *
 * <p>Quiet is not caught up when a task takes over a partition with a backlog and its first fetch is slow: a
 * standby promoted after an owner died can sit for seconds before the records published meanwhile arrive, and the
 * wall clock would decide boundaries those records change. {@link #awaitBacklog} makes such a task wait until it
 * has read the last record that was waiting when it started, for at most {@link #BACKLOG_WAIT_MILLIS}.
 */
public final class TaskClock {

    public static final long IDLE_AFTER_MILLIS = 2_000;

    /**
     * How long a backlog may hold the wall clock back: a backlog that never arrives (its tail a transaction
     * marker, or the topic truncated) must not stop a channel for good.
     */
    public static final long BACKLOG_WAIT_MILLIS = 60_000;

    private final ProcessorContext<?, ?> context;
    private final long startedWallClock;
    private long lastRecordWallClock;
    private String backlogTopic;
    private long backlogLastOffset = -1;

    /** A task starts busy: restored state must not expire before the backlog behind it has been read. */
    public TaskClock(ProcessorContext<?, ?> context) {
        this.context = context;
        this.startedWallClock = context.currentSystemTimeMs();
        this.lastRecordWallClock = startedWallClock;
    }

    /** Holds the wall clock back until the record at {@code lastUnread} of this task's {@code topic} is read. */
    public void awaitBacklog(String topic, OptionalLong lastUnread) {
        if (lastUnread.isPresent()) {
            this.backlogTopic = topic;
            this.backlogLastOffset = lastUnread.getAsLong();
        }
    }

    public void recordProcessed() {
        lastRecordWallClock = context.currentSystemTimeMs();
        if (backlogTopic != null) {
            RecordMetadata record = context.recordMetadata().orElse(null);
            if (record != null && record.topic().equals(backlogTopic) && record.offset() >= backlogLastOffset) {
                backlogTopic = null;
            }
        }
    }

    public long streamTime() {
        return context.currentStreamTimeMs();
    }

    /** The time a wall-clock punctuation at {@code wallClockMillis} may act on. */
    public long punctuationTime(long wallClockMillis) {
        boolean backlog = backlogTopic != null && wallClockMillis - startedWallClock < BACKLOG_WAIT_MILLIS;
        boolean idle = !backlog && wallClockMillis - lastRecordWallClock >= IDLE_AFTER_MILLIS;
        return idle ? Math.max(wallClockMillis, streamTime()) : streamTime();
    }
}
