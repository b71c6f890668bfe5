package org.hlspipeline.tools.rebuild;

import java.util.List;
import java.util.Map;

import org.apache.kafka.common.TopicPartition;

/**
 * What a rebuild of one application would change, read from the cluster and not yet done.
 *
 * @param applicationId         the Kafka Streams application id, which is also its consumer group id
 * @param bootstrapServers      the cluster
 * @param group                 the group as described
 * @param inputTopics           the input topics whose offsets go back to the earliest, as they exist
 * @param missingInputTopics    input topics the cluster does not have
 * @param resets                one per partition of the input topics; empty when the group has no offsets
 * @param internalTopics        the application's changelog and repartition topics, to delete
 * @param otherApplications     topics named like this application's internal topics that another known group
 *                              owns, left alone: topic to that group
 * @param otherCommittedTopics  topics the group has offsets for that are neither input nor internal, left alone
 */
record RebuildPlan(String applicationId, String bootstrapServers, ConsumerGroup group, List<String> inputTopics,
                   List<String> missingInputTopics, List<OffsetReset> resets, List<String> internalTopics,
                   Map<String, String> otherApplications, List<String> otherCommittedTopics) {

    /**
     * One partition of an input topic.
     *
     * @param current the committed offset, or null when the group has none for the partition
     * @param earliest the first retained offset, where the replay starts
     * @param end the log-end offset
     */
    record OffsetReset(TopicPartition partition, Long current, long earliest, long end) {
    }

    RebuildPlan {
        inputTopics = List.copyOf(inputTopics);
        missingInputTopics = List.copyOf(missingInputTopics);
        resets = List.copyOf(resets);
        internalTopics = List.copyOf(internalTopics);
        otherApplications = Map.copyOf(otherApplications);
        otherCommittedTopics = List.copyOf(otherCommittedTopics);
    }

    /** Offsets between the earliest and the end of every input partition: about the records to process again. */
    long offsetsToReplay() {
        return resets.stream().mapToLong(reset -> reset.end() - reset.earliest()).sum();
    }

    /** Nothing to reset and nothing to delete: most likely a wrong application id or cluster. */
    boolean isEmpty() {
        return resets.isEmpty() && internalTopics.isEmpty();
    }
}
