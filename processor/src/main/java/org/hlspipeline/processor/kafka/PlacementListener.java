package org.hlspipeline.processor.kafka;

/** Told of every record that arrived away from its key's murmur2 partition, for metrics. */
@FunctionalInterface
public interface PlacementListener {

    PlacementListener NONE = (topic, key, partition, keyPartition) -> { };

    /** A record keyed {@code key} arrived on {@code partition} of {@code topic}; it belongs on {@code keyPartition}. */
    void misplaced(String topic, String key, int partition, int keyPartition);
}
