package org.hlspipeline.processor.playout;

/** How programming goes on after an interrupt or alert. */
public enum ResumePolicy {
    /** The cut item continues where it was cut. */
    RESUME,
    /** The next queued item plays; the cut item is dropped. */
    SKIP,
    /** The interrupt's items replaced the queue: what was cut and queued is gone. */
    REPLACE,
    /** Programming continues where it would be had the alert not aired (alerts only). */
    JOIN_IN_PROGRESS
}
