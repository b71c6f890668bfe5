package org.hlspipeline.queryapi.kafka;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToIntFunction;

/**
 * The partition counts of the pipeline's topics as the cluster has them, learnt when the topics are provisioned,
 * before Kafka Streams starts: the placement checks ask them when a task starts (see docs/partitioning.md).
 * Topics created by operators may have any count, so the configured one is not assumed.
 */
final class TopicPartitionCounts implements ToIntFunction<String> {

    private final Map<String, Integer> counts = new ConcurrentHashMap<>();

    void learn(Map<String, Integer> described) {
        counts.putAll(described);
    }

    @Override
    public int applyAsInt(String topic) {
        Integer count = counts.get(topic);
        if (count == null) {
            throw new IllegalStateException("The partition count of " + topic + " is not known: the topics are "
                    + "described before Kafka Streams starts");
        }
        return count;
    }
}
