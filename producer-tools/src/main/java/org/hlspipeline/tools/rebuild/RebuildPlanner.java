package org.hlspipeline.tools.rebuild;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.kafka.common.TopicPartition;

/**
 * Reads the cluster and works out a {@link RebuildPlan}, changing nothing; {@link #carryOut} then does it.
 *
 * <p>Input topics are the ones given, or else the application's input topics by their configured names plus
 * every other topic the group has committed offsets for (a renamed input is found that way). Only a group with
 * committed offsets gets offsets: one without any starts from the earliest offsets anyway (Kafka Streams'
 * {@code auto.offset.reset} is {@code earliest}), and committing some would create a group for a mistyped id.
 */
final class RebuildPlanner {

    private RebuildPlanner() {
    }

    static RebuildPlan plan(ResetAdmin admin, String applicationId, List<String> inputTopics, boolean inputsGiven,
                            String bootstrapServers) throws AdminFailure {
        ConsumerGroup group = admin.group(applicationId);
        // Read even when the group seems absent: offsets are what the replay depends on, and asking for them
        // waits for the group's coordinator, which a describe just after a broker restart may not have.
        Map<TopicPartition, Long> committed = group.usesStreamsProtocol() ? Map.of()
                : admin.committedOffsets(applicationId);
        Set<String> topics = admin.topics();
        Set<String> owners = new TreeSet<>();
        topics.forEach(topic -> owners.addAll(InternalTopics.possibleOtherOwners(applicationId, topic)));
        Set<String> groupIds = admin.existingGroups(owners);

        Set<String> committedTopics = new TreeSet<>();
        committed.keySet().forEach(partition -> committedTopics.add(partition.topic()));
        Set<String> inputs = new LinkedHashSet<>(inputTopics);
        if (!inputsGiven) {
            committedTopics.stream().filter(topic -> !InternalTopics.namedAsInternal(applicationId, topic))
                    .forEach(inputs::add);
        }
        List<String> existing = inputs.stream().filter(topics::contains).toList();
        List<String> missing = inputs.stream().filter(topic -> !topics.contains(topic)).toList();

        List<RebuildPlan.OffsetReset> resets = new ArrayList<>();
        if (!committed.isEmpty()) {
            List<TopicPartition> partitions = admin.partitions(existing);
            Map<TopicPartition, Long> earliest = admin.earliestOffsets(partitions);
            Map<TopicPartition, Long> end = admin.endOffsets(partitions);
            for (TopicPartition partition : partitions) {
                resets.add(new RebuildPlan.OffsetReset(partition, committed.get(partition),
                        earliest.get(partition), end.get(partition)));
            }
            resets.sort(Comparator.comparing((RebuildPlan.OffsetReset r) -> r.partition().topic())
                    .thenComparingInt(r -> r.partition().partition()));
        }

        List<String> internal = new ArrayList<>();
        Map<String, String> others = new TreeMap<>();
        for (String topic : new TreeSet<>(topics)) {
            if (!InternalTopics.namedAsInternal(applicationId, topic) || inputs.contains(topic)) {
                continue;
            }
            Optional<String> owner = InternalTopics.otherOwner(applicationId, topic, groupIds);
            if (owner.isPresent()) {
                others.put(topic, owner.get());
            } else {
                internal.add(topic);
            }
        }
        List<String> otherCommitted = committedTopics.stream()
                .filter(topic -> !inputs.contains(topic) && !InternalTopics.namedAsInternal(applicationId, topic))
                .toList();
        return new RebuildPlan(applicationId, bootstrapServers, group, existing, missing, resets, internal, others,
                otherCommitted);
    }

    /**
     * Offsets first, then the internal topics, as Kafka's reset tool does: should the coordinator refuse the
     * offsets because an instance came back, the changelogs are still there for it.
     */
    static void carryOut(ResetAdmin admin, RebuildPlan plan) throws AdminFailure {
        admin.reset(plan);
    }
}
