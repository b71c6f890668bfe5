package org.hlspipeline.tools.rebuild;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.kafka.common.TopicPartition;

/** A cluster in memory: topics with earliest and end offsets, groups with members and committed offsets. */
final class FakeCluster implements ResetAdmin {

    record Partition(long earliest, long end) {
    }

    final Map<String, List<Partition>> topics = new LinkedHashMap<>();
    final Map<String, ConsumerGroup> groups = new HashMap<>();
    final Map<String, Map<TopicPartition, Long>> committed = new HashMap<>();
    final List<String> calls = new ArrayList<>();
    AdminFailure failure;
    boolean closed;

    FakeCluster topic(String name, Partition... partitions) {
        topics.put(name, List.of(partitions));
        return this;
    }

    FakeCluster group(String id, String state, String... members) {
        groups.put(id, new ConsumerGroup(id, true, "classic", state, List.of(members)));
        return this;
    }

    FakeCluster committed(String group, String topic, int partition, long offset) {
        committed.computeIfAbsent(group, g -> new HashMap<>()).put(new TopicPartition(topic, partition), offset);
        return this;
    }

    FakeCluster failing(AdminFailure failure) {
        this.failure = failure;
        return this;
    }

    private void call(String what) throws AdminFailure {
        calls.add(what);
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public ConsumerGroup group(String groupId) throws AdminFailure {
        call("group");
        return groups.getOrDefault(groupId, ConsumerGroup.absent(groupId));
    }

    @Override
    public Set<String> existingGroups(Collection<String> groupIds) throws AdminFailure {
        call("existingGroups");
        return groupIds.stream().filter(groups::containsKey).collect(java.util.stream.Collectors.toSet());
    }

    @Override
    public Map<TopicPartition, Long> committedOffsets(String groupId) throws AdminFailure {
        call("committedOffsets");
        return Map.copyOf(committed.getOrDefault(groupId, Map.of()));
    }

    @Override
    public Set<String> topics() throws AdminFailure {
        call("topics");
        return new TreeSet<>(topics.keySet());
    }

    @Override
    public List<TopicPartition> partitions(Collection<String> names) throws AdminFailure {
        call("partitions");
        List<TopicPartition> partitions = new ArrayList<>();
        for (String name : names) {
            for (int p = 0; p < topics.get(name).size(); p++) {
                partitions.add(new TopicPartition(name, p));
            }
        }
        return partitions;
    }

    @Override
    public Map<TopicPartition, Long> earliestOffsets(Collection<TopicPartition> partitions) throws AdminFailure {
        call("earliestOffsets");
        Map<TopicPartition, Long> offsets = new HashMap<>();
        partitions.forEach(p -> offsets.put(p, topics.get(p.topic()).get(p.partition()).earliest()));
        return offsets;
    }

    @Override
    public Map<TopicPartition, Long> endOffsets(Collection<TopicPartition> partitions) throws AdminFailure {
        call("endOffsets");
        Map<TopicPartition, Long> offsets = new HashMap<>();
        partitions.forEach(p -> offsets.put(p, topics.get(p.topic()).get(p.partition()).end()));
        return offsets;
    }

    /** Records the two steps as the cluster sees them: offsets committed (if any), then the topics deleted. */
    @Override
    public void reset(RebuildPlan plan) throws AdminFailure {
        if (!plan.resets().isEmpty()) {
            call("commitOffsets");
            Map<TopicPartition, Long> offsets = committed.computeIfAbsent(plan.applicationId(), g -> new HashMap<>());
            plan.resets().forEach(reset -> offsets.put(reset.partition(), reset.earliest()));
        }
        call("deleteTopics " + plan.internalTopics());
        plan.internalTopics().forEach(topics::remove);
    }

    @Override
    public void close() {
        closed = true;
    }

    /** The calls that change something. */
    List<String> changes() {
        return calls.stream().filter(c -> c.startsWith("commitOffsets") || c.startsWith("deleteTopics")).toList();
    }
}
