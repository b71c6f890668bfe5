package org.hlspipeline.queryapi.metrics;

import org.hlspipeline.processor.kafka.PlacementListener;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Records that arrived away from their key's murmur2 partition and took the extra hop, by input topic:
 * {@code hls_misplaced_records_total{topic}}. Above zero, some producer uses another partitioner than Java's
 * default (see docs/partitioning.md); the log names the keys. Counts this instance's processing.
 */
@Component
class MicrometerPlacementListener implements PlacementListener {

    private final MeterRegistry registry;

    MicrometerPlacementListener(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void misplaced(String topic, String key, int partition, int keyPartition) {
        registry.counter("hls.misplaced.records", "topic", topic).increment();
    }
}
