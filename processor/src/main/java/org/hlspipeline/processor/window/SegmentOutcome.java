package org.hlspipeline.processor.window;

/** What became of one segment event. */
public enum SegmentOutcome {
    /** Extended the contiguous run: visible in the playlist. */
    APPENDED,
    /** Arrived ahead of a missing sequence: waits, hidden, until the gap fills or its deadline passes. */
    PENDING,
    /** Same sequence, same URI as one already recorded: a no-op. */
    DUPLICATE,
    /** Same sequence, another URI: the first one wins, this one goes to the dead-letter topic. */
    CONFLICT,
    /** A sequence that was declared lost, or has already slid out of the window: dropped and counted. */
    LATE,
    /** The stream has ended: rejected, to the dead-letter topic. */
    STREAM_ENDED
}
