package org.hlspipeline.tools.rebuild;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.common.TopicPartition;

/**
 * The cluster operations a rebuild needs, in its own terms. {@link KafkaResetAdmin} reads with Kafka's Admin API
 * and resets with Kafka's StreamsResetter; tests substitute a cluster of their own.
 */
interface ResetAdmin extends AutoCloseable {

    ConsumerGroup group(String groupId) throws AdminFailure;

    /** Those of {@code groupIds} that the cluster has (with members or committed offsets). */
    Set<String> existingGroups(Collection<String> groupIds) throws AdminFailure;

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

    /**
     * Carries out the plan: the input partitions to their earliest offsets first, then the internal topics
     * deleted, returning once the cluster no longer lists them.
     */
    void reset(RebuildPlan plan) throws AdminFailure;

    @Override
    void close();
}
