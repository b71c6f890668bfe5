package org.hlspipeline.processor.window;

import java.util.Objects;

/** A segment that arrived ahead of a missing sequence, and when it arrived (event time). */
public record PendingSegment(WindowSegment segment, long arrivedAtMillis) {

    public PendingSegment {
        Objects.requireNonNull(segment, "segment");
    }
}
