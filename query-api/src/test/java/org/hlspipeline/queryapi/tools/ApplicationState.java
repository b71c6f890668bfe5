package org.hlspipeline.queryapi.tools;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/**
 * What a rebuild changes, read from the cluster with the Admin API: the application group's committed offsets,
 * its members, and the topics named after the application.
 */
record ApplicationState(Map<TopicPartition, Long> committed, Set<String> applicationTopics, int members) {

    static ApplicationState read(String bootstrapServers, String applicationId) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Map<TopicPartition, Long> committed = new TreeMap<>(java.util.Comparator.comparing(TopicPartition::toString));
            admin.listConsumerGroupOffsets(applicationId).partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS)
                    .forEach((partition, offset) -> committed.put(partition, offset == null ? null : offset.offset()));
            Set<String> topics = new TreeSet<>();
            admin.listTopics().names().get(30, TimeUnit.SECONDS).stream()
                    .filter(topic -> topic.startsWith(applicationId + "-")).forEach(topics::add);
            int members = 0;
            boolean known = admin.listGroups().all().get(30, TimeUnit.SECONDS).stream()
                    .anyMatch(group -> group.groupId().equals(applicationId));
            if (known) {
                ConsumerGroupDescription group = admin.describeConsumerGroups(java.util.List.of(applicationId))
                        .describedGroups().get(applicationId).get(30, TimeUnit.SECONDS);
                members = group.members().size();
            }
            return new ApplicationState(committed, topics, members);
        } catch (Exception e) {
            throw new AssertionError("cannot read the state of " + applicationId, e);
        }
    }

    /** The earliest offset of every partition of these topics. */
    static Map<TopicPartition, Long> earliest(String bootstrapServers, Set<TopicPartition> partitions) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Map<TopicPartition, OffsetSpec> request = new HashMap<>();
            partitions.forEach(partition -> request.put(partition, OffsetSpec.earliest()));
            Map<TopicPartition, Long> offsets = new TreeMap<>(java.util.Comparator.comparing(TopicPartition::toString));
            admin.listOffsets(request).all().get(30, TimeUnit.SECONDS)
                    .forEach((partition, info) -> offsets.put(partition, info.offset()));
            return offsets;
        } catch (Exception e) {
            throw new AssertionError("cannot read the earliest offsets", e);
        }
    }
}
