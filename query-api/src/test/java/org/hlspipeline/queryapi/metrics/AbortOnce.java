package org.hlspipeline.queryapi.metrics;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.hlspipeline.processor.ingest.IngestListener;
import org.hlspipeline.processor.kafka.DeadLetterReason;
import org.hlspipeline.processor.window.SegmentOutcome;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A fault injected into a real instance: the ingest listener throws once, from inside the processor step that
 * has just applied a segment (its store writes and count done, the transaction not yet committed). The stream
 * thread dies, Kafka Streams aborts the transaction and a new thread processes the records again.
 *
 * <p>Named as a source ({@code spring.main.sources}), never scanned: it carries no stereotype, so no other test's
 * instance picks it up.
 */
class AbortOnce {

    /** The stream whose {@link #THROW_AT}th applied segment throws; null: nothing throws. */
    static volatile String stream;
    static final int THROW_AT = 10;
    static final AtomicInteger applied = new AtomicInteger();
    static final AtomicBoolean thrown = new AtomicBoolean();

    @Bean
    @Primary
    IngestListener abortingIngestListener(MicrometerIngestListener metrics) {
        return new IngestListener() {
            @Override
            public void segmentApplied(String streamId, String rendition, SegmentOutcome outcome, long millis) {
                metrics.segmentApplied(streamId, rendition, outcome, millis);
                if (streamId.equals(stream) && applied.incrementAndGet() == THROW_AT
                        && thrown.compareAndSet(false, true)) {
                    throw new IllegalStateException("injected fault after applying segment " + THROW_AT);
                }
            }

            @Override
            public void gapsDeclared(String streamId, String rendition, long lostSegments) {
                metrics.gapsDeclared(streamId, rendition, lostSegments);
            }

            @Override
            public void targetDurationExceeded(String streamId, String rendition, long micros, int targetSeconds) {
                metrics.targetDurationExceeded(streamId, rendition, micros, targetSeconds);
            }

            @Override
            public void streamEnded(String streamId) {
                metrics.streamEnded(streamId);
            }

            @Override
            public void streamExpired(String streamId) {
                metrics.streamExpired(streamId);
            }

            @Override
            public void deadLettered(DeadLetterReason reason, String detail) {
                metrics.deadLettered(reason, detail);
            }
        };
    }
}
