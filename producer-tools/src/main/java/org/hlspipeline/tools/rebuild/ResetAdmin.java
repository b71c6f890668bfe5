package org.hlspipeline.tools.rebuild;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.common.TopicPartition;

/**
 * The cluster operations a rebuild needs, in its own terms. {@link KafkaResetAdmin} does them with Kafka's Admin
 * API; tests substitute a cluster of their own.
 */
interface ResetAdmin extends AutoCloseable {

    ConsumerGroup group(String groupId) throws AdminFailure;

    /** Every group id the cluster knows. */
    Set<String> groupIds() throws AdminFailure;

    /** The group's committed offsets (empty if none). */
    Map<TopicPartition, Long> committedOffsets(String groupId) throws AdminFailure;

    /** Every topic name, internal Kafka topics (__consumer_offsets, ...) left out. */
    Set<String> topics() throws AdminFailure;

    /** The partitions of existing topics. */
    List<TopicPartition> partitions(Collection<String> topics) throws AdminFailure;

    /** The first retained offset of each partition. */
    Map<TopicPartition, Long> earliestOffsets(Collection<TopicPartition> partitions) throws AdminFailure;

    /** The log-end offset of each partition. */
    Map<TopicPartition, Long> endOffsets(Collection<TopicPartition> partitions) throws AdminFailure;

    /** Commits these offsets for the group; the coordinator refuses while the group has members. */
    void commitOffsets(String groupId, Map<TopicPartition, Long> offsets) throws AdminFailure;

    /** Deletes the topics and returns once the cluster no longer lists them. */
    void deleteTopics(Collection<String> topics) throws AdminFailure;

    @Override
    void close();
}
