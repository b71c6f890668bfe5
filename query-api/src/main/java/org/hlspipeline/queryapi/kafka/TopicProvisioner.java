package org.hlspipeline.queryapi.kafka;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.hlspipeline.processor.kafka.PipelineTopics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the pipeline's input and output topics when they are missing, with the broker's default replication;
 * those read as tables ({@link PipelineTopics#compacted()}) compacted. Topics that operators created themselves
 * are left exactly as they are. Internal topics (changelogs) are created by Kafka Streams under the explicit
 * store names.
 */
final class TopicProvisioner {

    private static final Logger log = LoggerFactory.getLogger(TopicProvisioner.class);
    private static final Map<String, String> COMPACTED =
            Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);

    private TopicProvisioner() {
    }

    /**
     * Waits until newly created topics show their partitions in the cluster metadata. Creation returns before
     * every broker has them, and Kafka Streams' global thread fails at once on a topic without partitions.
     */
    private static void awaitVisible(Admin admin, List<String> names) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                var described = admin.describeTopics(names).allTopicNames().get(5, TimeUnit.SECONDS);
                if (described.values().stream().allMatch(t -> !t.partitions().isEmpty()
                        && t.partitions().stream().allMatch(p -> p.leader() != null))) {
                    return;
                }
            } catch (ExecutionException | TimeoutException e) {
                // not visible yet: the metadata follows the creation
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Topics " + names + " were created but did not appear in the "
                        + "cluster metadata within 30 s");
            }
            Thread.sleep(100);
        }
    }

    private static void create(Admin admin, List<NewTopic> missing)
            throws InterruptedException, ExecutionException, TimeoutException {
        try {
            admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            log.info("Created topics {}", missing.stream().map(NewTopic::name).toList());
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
        awaitVisible(admin, missing.stream().map(NewTopic::name).toList());
    }

    /** Creates what is missing, and answers every pipeline topic's partition count as the cluster has it. */
    static Map<String, Integer> ensureTopics(KafkaConnection connection, PipelineTopics topics, int partitions) {
        List<String> names = topics.all();
        try (Admin admin = Admin.create(connection.adminProperties())) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (String name : names) {
                if (!existing.contains(name)) {
                    missing.add(new NewTopic(name, Optional.of(partitions), Optional.empty())
                            .configs(topics.compacted().contains(name) ? COMPACTED : Map.of()));
                }
            }
            if (!missing.isEmpty()) {
                create(admin, missing);
            }
            Map<String, Integer> counts = new HashMap<>();
            admin.describeTopics(names).allTopicNames().get(30, TimeUnit.SECONDS)
                    .forEach((name, description) -> counts.put(name, description.partitions().size()));
            return counts;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot create or list the pipeline topics " + names + " on "
                    + connection.bootstrapServers() + ": " + e.getMessage(), e);
        }
    }
}
