package org.hlspipeline.tools.load;

import java.time.Duration;
import java.util.OptionalLong;

/**
 * Where a run stands, for the progress display.
 *
 * @param elapsedNanos    since the first record was handed over
 * @param acknowledged    segment events acknowledged
 * @param failed          records that failed (any kind)
 * @param plannedSegments segment events the run is to send, if known
 * @param plannedTime     how long the run is to last, for a run that stops at a time (else null)
 * @param behindNanos     how late the last segment event went out against its due time (0 when unthrottled)
 * @param completed       the run has sent everything it planned and every answer is in
 */
record LoadSnapshot(long elapsedNanos, long acknowledged, long failed, OptionalLong plannedSegments,
                    Duration plannedTime, long behindNanos, boolean completed) {

    LoadSnapshot(long elapsedNanos, long acknowledged, long failed, OptionalLong plannedSegments,
                 Duration plannedTime, long behindNanos) {
        this(elapsedNanos, acknowledged, failed, plannedSegments, plannedTime, behindNanos, false);
    }

    /** 0 to 1: by the events for a run that stops at a count, else by the time. */
    double fraction() {
        if (completed) {
            return 1;
        }
        double fraction;
        if (plannedTime != null) {
            fraction = elapsedNanos / (double) plannedTime.toNanos();
        } else if (plannedSegments.isPresent() && plannedSegments.getAsLong() > 0) {
            fraction = (acknowledged + failed) / (double) plannedSegments.getAsLong();
        } else {
            fraction = 0;
        }
        return Math.max(0, Math.min(1, fraction));
    }

    /** Seconds left, from the time for a timed run, else from the average rate so far; empty if unknown. */
    OptionalLong secondsLeft() {
        if (completed) {
            return OptionalLong.of(0);
        }
        if (plannedTime != null) {
            return OptionalLong.of(Math.max(0, (plannedTime.toNanos() - elapsedNanos + 999_999_999) / 1_000_000_000));
        }
        long done = acknowledged + failed;
        if (plannedSegments.isEmpty() || done == 0 || elapsedNanos <= 0) {
            return OptionalLong.empty();
        }
        double perEvent = elapsedNanos / (double) done;
        long left = Math.max(0, plannedSegments.getAsLong() - done);
        return OptionalLong.of((long) Math.ceil(left * perEvent / 1e9));
    }
}
