package org.hlspipeline.processor.ingest;

import org.hlspipeline.processor.window.SegmentOutcome;
import org.hlspipeline.processor.kafka.DeadLetterReason;

/**
 * What the stream processor reports as it goes, for metrics and logs. The processor module knows nothing of
 * Micrometer; the application adapts this to its registry.
 */
public interface IngestListener {

    IngestListener NONE = new IngestListener() {
    };

    /** A segment event was applied; {@code eventToVisibleMillis} is wall clock minus the record's timestamp. */
    default void segmentApplied(String streamId, String rendition, SegmentOutcome outcome, long eventToVisibleMillis) {
    }

    default void gapsDeclared(String streamId, String rendition, long lostSegments) {
    }

    default void targetDurationExceeded(String streamId, String rendition, long durationMicros, int targetSeconds) {
    }

    default void streamEnded(String streamId) {
    }

    default void streamExpired(String streamId) {
    }

    default void deadLettered(DeadLetterReason reason, String detail) {
    }
}
