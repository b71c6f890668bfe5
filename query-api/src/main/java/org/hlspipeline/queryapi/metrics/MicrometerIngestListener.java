package org.hlspipeline.queryapi.metrics;

import java.util.concurrent.TimeUnit;

import org.hlspipeline.processor.kafka.DeadLetterReason;
import org.hlspipeline.processor.ingest.IngestListener;
import org.hlspipeline.processor.window.SegmentOutcome;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The processor's reports as Prometheus metrics. Names keep the seed orchestrator's
 * ({@code hls_segments_registered_total}, {@code hls_streams_ended_total}) and add what operating a live
 * pipeline needs: duplicates, lost and late segments, dead letters by reason, event-to-visible latency.
 * Counters count this instance's processing; sum them across instances.
 */
@Component
class MicrometerIngestListener implements IngestListener {

    private final MeterRegistry registry;
    private final Counter registered;
    private final Counter duplicates;
    private final Counter late;
    private final Counter lost;
    private final Counter ended;
    private final Counter expired;
    private final Counter targetExceeded;
    private final Timer eventToVisible;

    MicrometerIngestListener(MeterRegistry registry) {
        this.registry = registry;
        this.registered = Counter.builder("hls.segments.registered")
                .description("Segments recorded (shown or waiting for an earlier one)").register(registry);
        this.duplicates = Counter.builder("hls.segments.duplicate")
                .description("Segment events that repeated a recorded segment (no-ops)").register(registry);
        this.late = Counter.builder("hls.segments.late")
                .description("Segments that arrived after being declared lost or after leaving the window")
                .register(registry);
        this.lost = Counter.builder("hls.segments.lost")
                .description("Sequences declared lost at the gap deadline (shown as EXT-X-GAP)").register(registry);
        this.ended = Counter.builder("hls.streams.ended").description("Streams ended").register(registry);
        this.expired = Counter.builder("hls.streams.expired")
                .description("Streams removed from the stores after the idle TTL").register(registry);
        this.targetExceeded = Counter.builder("hls.segments.target.duration.exceeded")
                .description("Renditions that received a segment longer than their target duration")
                .register(registry);
        this.eventToVisible = Timer.builder("hls.event.to.visible")
                .description("From a segment event's timestamp to its being applied in the store")
                .publishPercentileHistogram().register(registry);
    }

    @Override
    public void segmentApplied(String streamId, String rendition, SegmentOutcome outcome, long eventToVisibleMillis) {
        switch (outcome) {
            case APPENDED, PENDING -> {
                registered.increment();
                eventToVisible.record(Math.max(0, eventToVisibleMillis), TimeUnit.MILLISECONDS);
            }
            case DUPLICATE -> duplicates.increment();
            case LATE -> late.increment();
            default -> { }
        }
    }

    @Override
    public void gapsDeclared(String streamId, String rendition, long lostSegments) {
        lost.increment(lostSegments);
    }

    @Override
    public void targetDurationExceeded(String streamId, String rendition, long durationMicros, int targetSeconds) {
        targetExceeded.increment();
    }

    @Override
    public void streamEnded(String streamId) {
        ended.increment();
    }

    @Override
    public void streamExpired(String streamId) {
        expired.increment();
    }

    @Override
    public void deadLettered(DeadLetterReason reason, String detail) {
        registry.counter("hls.dlq.records", "reason", reason.code()).increment();
    }
}
