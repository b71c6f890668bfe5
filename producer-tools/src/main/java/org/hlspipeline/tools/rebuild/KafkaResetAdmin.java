package org.hlspipeline.tools.rebuild;

import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.GroupType;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.errors.GroupNotEmptyException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.UnknownMemberIdException;
import org.hlspipeline.tools.cli.ClientSettings;
import org.hlspipeline.tools.cli.ExitCodes;
import org.hlspipeline.tools.publish.KafkaEventPublisher;
import org.hlspipeline.tools.publish.PublishException;

/**
 * {@link ResetAdmin} on Kafka's Admin API for reading the cluster, and on Kafka's StreamsResetter for the reset
 * ({@link StreamsReset}). Every Admin call is bounded by the admin client's API timeout
 * ({@value AdminSettings#API_TIMEOUT_MS} ms unless the {@code --command-config} file changes it), so an
 * unreachable cluster is reported in seconds, and every failure becomes one line with an exit code.
 */
final class KafkaResetAdmin implements ResetAdmin {

    /** How long deleted topics may take to leave the cluster's metadata. */
    static final long DELETION_WAIT_MS = 60_000;
    private static final long POLL_MS = 200;

    private final Admin admin;
    private final String bootstrapServers;
    private final long callTimeoutMs;
    private final Path commandConfig;

    private KafkaResetAdmin(Admin admin, String bootstrapServers, long callTimeoutMs, Path commandConfig) {
        this.admin = admin;
        this.bootstrapServers = bootstrapServers;
        this.callTimeoutMs = callTimeoutMs;
        this.commandConfig = commandConfig;
    }

    /** @param commandConfig the {@code --command-config} file, handed to StreamsResetter as it is; or null */
    static KafkaResetAdmin open(ClientSettings settings, Path commandConfig) throws AdminFailure {
        Map<String, Object> config = AdminSettings.config(settings);
        long apiTimeout = AdminSettings.API_TIMEOUT_MS;
        try {
            apiTimeout = Long.parseLong(String.valueOf(config.get("default.api.timeout.ms")).trim());
        } catch (NumberFormatException e) {
            // The client refuses the value itself, below.
        }
        try {
            return new KafkaResetAdmin(Admin.create(config), settings.bootstrapServers(), apiTimeout + 5_000,
                    commandConfig);
        } catch (KafkaException e) {
            PublishException failure = KafkaEventPublisher.configFailure(e);
            throw new AdminFailure(failure.failure().exitCode(), failure.getMessage(), e);
        }
    }

    /**
     * The group as its coordinator describes it. The group listing only decides the type: a broker lists only
     * the groups of the offsets partitions it has loaded, so right after a restart it lists none without error,
     * while the describe call waits for the coordinator.
     */
    @Override
    public ConsumerGroup group(String groupId) throws AdminFailure {
        GroupListing listing = await(admin.listGroups().all(), "list the consumer groups").stream()
                .filter(group -> group.groupId().equals(groupId)).findFirst().orElse(null);
        String type = listing == null ? "" : listing.type()
                .map(t -> t.toString().toLowerCase(java.util.Locale.ROOT)).orElse("");
        if (listing != null && listing.type().filter(t -> t == GroupType.STREAMS || t == GroupType.SHARE).isPresent()) {
            return new ConsumerGroup(groupId, true, type,
                    listing.groupState().map(Object::toString).orElse(""), List.of());
        }
        ConsumerGroupDescription description = describeGroups(List.of(groupId)).get(groupId);
        if (description == null) {
            return ConsumerGroup.absent(groupId);
        }
        List<String> members = description.members().stream().map(KafkaResetAdmin::describe).sorted().toList();
        return new ConsumerGroup(groupId, true, type.isEmpty() ? description.type().toString()
                .toLowerCase(java.util.Locale.ROOT) : type,
                description.groupState() == null ? "" : description.groupState().toString(), members);
    }

    @Override
    public Set<String> existingGroups(Collection<String> groupIds) throws AdminFailure {
        return groupIds.isEmpty() ? Set.of() : describeGroups(groupIds).keySet();
    }

    /** The groups that exist among {@code groupIds}, each asked of its own coordinator. */
    private Map<String, ConsumerGroupDescription> describeGroups(Collection<String> groupIds) throws AdminFailure {
        Map<String, ConsumerGroupDescription> described = new HashMap<>();
        Map<String, KafkaFuture<ConsumerGroupDescription>> futures =
                admin.describeConsumerGroups(groupIds).describedGroups();
        for (Map.Entry<String, KafkaFuture<ConsumerGroupDescription>> entry : futures.entrySet()) {
            ConsumerGroupDescription description;
            try {
                description = entry.getValue().get(callTimeoutMs, TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof GroupIdNotFoundException) {
                    continue;
                }
                throw failure("describe the consumer group '" + entry.getKey() + "'", e.getCause());
            } catch (java.util.concurrent.TimeoutException e) {
                throw failure("describe the consumer group '" + entry.getKey() + "'",
                        new TimeoutException("no answer", e));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw failure("describe the consumer group '" + entry.getKey() + "'", e);
            }
            boolean dead = description.groupState() == GroupState.DEAD && description.members().isEmpty();
            if (!dead) {
                described.put(entry.getKey(), description);
            }
        }
        return described;
    }

    private static String describe(MemberDescription member) {
        return member.clientId() + " on " + member.host() + " (member " + member.consumerId() + ")";
    }

    @Override
    public Map<TopicPartition, Long> committedOffsets(String groupId) throws AdminFailure {
        Map<TopicPartition, OffsetAndMetadata> committed = await(
                admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata(),
                "read the committed offsets of '" + groupId + "'");
        Map<TopicPartition, Long> offsets = new HashMap<>();
        committed.forEach((partition, offset) -> {
            if (offset != null) {
                offsets.put(partition, offset.offset());
            }
        });
        return offsets;
    }

    @Override
    public Set<String> topics() throws AdminFailure {
        return await(admin.listTopics().names(), "list the topics");
    }

    @Override
    public List<TopicPartition> partitions(Collection<String> topics) throws AdminFailure {
        if (topics.isEmpty()) {
            return List.of();
        }
        Map<String, TopicDescription> described = await(admin.describeTopics(topics).allTopicNames(),
                "describe the topics " + topics);
        return described.values().stream()
                .flatMap(topic -> topic.partitions().stream()
                        .map(partition -> new TopicPartition(topic.name(), partition.partition())))
                .toList();
    }

    @Override
    public Map<TopicPartition, Long> earliestOffsets(Collection<TopicPartition> partitions) throws AdminFailure {
        return offsets(partitions, OffsetSpec.earliest(), "earliest");
    }

    @Override
    public Map<TopicPartition, Long> endOffsets(Collection<TopicPartition> partitions) throws AdminFailure {
        return offsets(partitions, OffsetSpec.latest(), "end");
    }

    private Map<TopicPartition, Long> offsets(Collection<TopicPartition> partitions, OffsetSpec spec, String which)
            throws AdminFailure {
        if (partitions.isEmpty()) {
            return Map.of();
        }
        Map<TopicPartition, OffsetSpec> request = partitions.stream()
                .collect(Collectors.toMap(Function.identity(), partition -> spec));
        Map<TopicPartition, Long> offsets = new HashMap<>();
        await(admin.listOffsets(request).all(), "read the " + which + " offsets")
                .forEach((partition, info) -> offsets.put(partition, info.offset()));
        return offsets;
    }

    @Override
    public void reset(RebuildPlan plan) throws AdminFailure {
        if (plan.isEmpty()) {
            return;
        }
        if (StreamsReset.canCarryOut(plan)) {
            StreamsReset.run(plan, commandConfig);
        } else {
            // No internal topic of this application to delete, but another application's that StreamsResetter
            // would take for this one's: it cannot be told to delete nothing, so the offsets are set here.
            Map<TopicPartition, Long> offsets = new HashMap<>();
            plan.resets().forEach(reset -> offsets.put(reset.partition(), reset.earliest()));
            commitOffsets(plan.applicationId(), offsets);
        }
        if (!plan.internalTopics().isEmpty()) {
            awaitGone(new HashSet<>(plan.internalTopics()));
        }
    }

    private void commitOffsets(String groupId, Map<TopicPartition, Long> offsets) throws AdminFailure {
        Map<TopicPartition, OffsetAndMetadata> request = new HashMap<>();
        offsets.forEach((partition, offset) -> request.put(partition, new OffsetAndMetadata(offset)));
        String what = "reset the offsets of '" + groupId + "'";
        try {
            admin.alterConsumerGroupOffsets(groupId, request).all().get(callTimeoutMs, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof UnknownMemberIdException || cause instanceof GroupNotEmptyException) {
                // The coordinator takes offsets from outside only while the group is empty.
                throw new AdminFailure(RebuildCommand.GROUP_ACTIVE, "the coordinator refused to " + what
                        + ": an instance joined the group meanwhile (" + cause.getMessage() + "). Stop it and "
                        + "run again; the internal topics were not deleted", cause);
            }
            throw failure(what, cause);
        } catch (java.util.concurrent.TimeoutException e) {
            throw failure(what, new TimeoutException("no answer", e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure(what, e);
        }
    }

    /**
     * Deletion is acknowledged (StreamsResetter waits that long) before every broker has forgotten the topics. An instance started in that window
     * could find the live relays' changelog still listed, skip creating it, and then lose it: so wait.
     */
    private void awaitGone(Set<String> deleted) throws AdminFailure {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(DELETION_WAIT_MS);
        while (true) {
            Set<String> left = new HashSet<>(topics());
            left.retainAll(deleted);
            if (left.isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AdminFailure(ExitCodes.UNAVAILABLE, "Kafka at " + bootstrapServers + " accepted the "
                        + "deletion, but " + left + " were still listed after " + DELETION_WAIT_MS / 1000
                        + " s; wait until they are gone before starting an instance", null);
            }
            try {
                Thread.sleep(POLL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw failure("wait for the deleted topics to go", e);
            }
        }
    }

    private <T> T await(KafkaFuture<T> future, String what) throws AdminFailure {
        try {
            return future.get(callTimeoutMs, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw failure(what, e.getCause() == null ? e : e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw failure(what, new TimeoutException("no answer", e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure(what, e);
        }
    }

    private AdminFailure failure(String what, Throwable cause) {
        return AdminFailure.of(what, bootstrapServers, cause);
    }

    @Override
    public void close() {
        try {
            admin.close(java.time.Duration.ofSeconds(5));
        } catch (RuntimeException ignored) {
            // Closing must not hide the outcome the operator is about to see.
        }
    }
}
