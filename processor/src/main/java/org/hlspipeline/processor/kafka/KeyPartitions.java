package org.hlspipeline.processor.kafka;

import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;

/**
 * Where Java's default partitioner puts a String key: murmur2 of the key's bytes as the String serializer writes
 * them. Interactive queries look for a key on exactly that partition (Kafka Streams' default partitioner, given
 * the same serializer), so it is the partition a key's state must live on (see docs/partitioning.md).
 */
public final class KeyPartitions {

    private static final StringSerializer KEYS = new StringSerializer();

    private KeyPartitions() {
    }

    /** The murmur2 partition of {@code key} among {@code partitions}. */
    public static int of(String key, int partitions) {
        if (partitions < 1) {
            throw new IllegalArgumentException("a topic has at least one partition, not " + partitions);
        }
        return Utils.toPositive(Utils.murmur2(KEYS.serialize(null, key))) % partitions;
    }

    /**
     * Whether a record keyed {@code key} found on {@code partition} is away from its murmur2 partition. A record
     * without a key is never misplaced: no partition is its own, and the processors dead-letter it as it is.
     */
    public static boolean misplaced(String key, int partition, int partitions) {
        return key != null && partitions > 1 && of(key, partitions) != partition;
    }
}
