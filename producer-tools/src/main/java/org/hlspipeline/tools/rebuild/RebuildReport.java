package org.hlspipeline.tools.rebuild;

import java.util.List;
import java.util.Locale;

/**
 * What {@code rebuild} tells the operator: the plan (dry run), what it did, what to do next, and why it refuses.
 * Plain text, with the topics, partitions and offsets in columns.
 */
final class RebuildReport {

    private RebuildReport() {
    }

    /** The plan, numbered as the procedure's steps 1 and 2, then steps 3 and 4 and what is left alone. */
    static String plan(RebuildPlan plan, boolean dryRun) {
        StringBuilder out = new StringBuilder();
        out.append("Rebuild plan for application '").append(plan.applicationId()).append("' on ")
                .append(plan.bootstrapServers()).append(dryRun ? " (dry run: nothing is changed)" : "")
                .append("\n\n");
        out.append(groupLine(plan.group())).append("\n\n");
        offsetSteps(out, plan);
        out.append('\n');
        internalTopicSteps(out, plan);
        leftAlone(out, plan);
        out.append('\n').append(afterwards(plan.applicationId()));
        if (plan.isEmpty()) {
            out.append("\nNothing to reset or delete: no committed offsets and no internal topics for '")
                    .append(plan.applicationId()).append("'. Check --application-id and --bootstrap-servers.\n");
        }
        if (dryRun) {
            out.append("\nRun again with --yes (all instances stopped) to carry out steps 1 and 2.\n");
        }
        return out.toString();
    }

    /** What --yes did. */
    static String done(RebuildPlan plan) {
        StringBuilder out = new StringBuilder("Rebuild of application '").append(plan.applicationId())
                .append("' on ").append(plan.bootstrapServers()).append(":\n");
        if (plan.resets().isEmpty()) {
            out.append("  1. no offsets to reset\n");
        } else {
            out.append("  1. reset ").append(plan.resets().size()).append(" partition")
                    .append(plan.resets().size() == 1 ? "" : "s").append(" of ").append(String.join(", ",
                            plan.inputTopics())).append(" to their earliest offsets (")
                    .append(plan.offsetsToReplay()).append(" offsets to replay):\n");
            table(out, plan.resets());
        }
        if (plan.internalTopics().isEmpty()) {
            out.append("  2. no internal topics to delete\n");
        } else {
            out.append("  2. deleted ").append(plan.internalTopics().size()).append(" internal topic")
                    .append(plan.internalTopics().size() == 1 ? "" : "s").append(": ")
                    .append(String.join(", ", plan.internalTopics())).append('\n');
        }
        return out.append("\nNow:\n").append(afterwards(plan.applicationId())).toString();
    }

    /** Steps 3 and 4: the part of the procedure that happens on the instances' machines. */
    static String afterwards(String applicationId) {
        String stateDir = "HLS_DATA_DIR/streams/" + applicationId;
        return "3. On every instance, delete its local state directory " + stateDir + " (./data/streams/"
                + applicationId + " by default). Local stores and checkpoints are not reset with the topics "
                + "and would not match the new changelogs (Kafka's own reset tool requires the same). In embedded "
                + "mode keep HLS_DATA_DIR/kafka: it holds the topics themselves.\n"
                + "4. Start the instances. Kafka Streams creates the changelogs again, and the input topics are "
                + "processed again from the earliest offsets. Until they have caught up, playlists are missing or "
                + "behind.\n";
    }

    /** Why --yes refuses while the group has members; also said after a dry run in that state. */
    static String activeMembers(ConsumerGroup group) {
        StringBuilder out = new StringBuilder("the consumer group '").append(group.id()).append("' has ")
                .append(group.members().size()).append(" active member")
                .append(group.members().size() == 1 ? "" : "s")
                .append(" (").append(group.state()).append("): instances of the application are running.\n");
        for (String member : group.members()) {
            out.append("  ").append(member).append('\n');
        }
        return out.append("Stop every instance first. They leave the group when they shut down; a killed one is "
                + "dropped after its session timeout (45 s by default). In embedded mode the broker runs inside "
                + "the app: restart it with HLS_KAFKA_STREAMS_ENABLED=false, which keeps the broker and the HTTP "
                + "server up without processing. Nothing was changed.").toString();
    }

    /** For the group protocol this tool does not handle. */
    static String streamsProtocol(ConsumerGroup group) {
        return "the group '" + group.id() + "' uses Kafka Streams' 'streams' rebalance protocol (KIP-1071), "
                + "whose offsets this tool does not reset; use Kafka's kafka-streams-groups.sh --reset-offsets "
                + "--delete-all-internal-topics instead. Nothing was changed.";
    }

    /** {@code rebuild} without --yes or --dry-run. */
    static String explanation(String applicationId) {
        return "rebuild prepares a replay of every input topic under the same application id '" + applicationId
                + "', as Kafka's kafka-streams-application-reset does:\n"
                + "  1. the group's committed offsets on the input topics go back to the earliest retained offsets;\n"
                + "  2. the application's internal topics (" + applicationId + "-...-changelog, -repartition) are "
                + "deleted.\n"
                + "Before it: stop every instance of the application (the group must have no active members; in "
                + "embedded mode restart the app with HLS_KAFKA_STREAMS_ENABLED=false to keep its broker up).\n"
                + "After it: delete HLS_DATA_DIR/streams/" + applicationId + " on every instance, then start them.\n"
                + "Run with --dry-run to see the plan (group, partitions with current and new offsets, topics to "
                + "delete), then with --yes to carry it out. Nothing was changed.";
    }

    private static String groupLine(ConsumerGroup group) {
        if (!group.exists()) {
            return "Consumer group '" + group.id() + "': not found (the application never committed offsets, or "
                    + "its group was deleted).";
        }
        String members = group.hasMembers() ? group.members().size() + " active member"
                + (group.members().size() == 1 ? "" : "s") + ": STOP THE INSTANCES before --yes"
                : "no active members";
        return "Consumer group '" + group.id() + "' (" + (group.type().isEmpty() ? "" : group.type() + ", ")
                + group.state() + "): " + members + ".";
    }

    private static void offsetSteps(StringBuilder out, RebuildPlan plan) {
        if (plan.resets().isEmpty()) {
            out.append("1. Offsets: nothing to reset; ").append(plan.group().exists()
                    ? "the group has no committed offsets" : "there is no group")
                    .append(", so the application starts from the earliest offsets anyway.\n");
        } else {
            out.append("1. Reset the committed offsets of ").append(String.join(", ", plan.inputTopics()))
                    .append(" to the earliest retained offsets (").append(plan.offsetsToReplay())
                    .append(" offsets to replay):\n");
            table(out, plan.resets());
        }
        for (String missing : plan.missingInputTopics()) {
            out.append("   (input topic ").append(missing).append(" does not exist: skipped)\n");
        }
    }

    private static void table(StringBuilder out, List<RebuildPlan.OffsetReset> resets) {
        int width = Math.max("TOPIC".length(), resets.stream().mapToInt(r -> r.partition().topic().length())
                .max().orElse(0));
        String row = "   %-" + width + "s  %9s  %10s  %10s  %10s%n";
        out.append(String.format(Locale.ROOT, row, "TOPIC", "PARTITION", "CURRENT", "NEW", "LOG-END"));
        for (RebuildPlan.OffsetReset reset : resets) {
            out.append(String.format(Locale.ROOT, row, reset.partition().topic(), reset.partition().partition(),
                    reset.current() == null ? "none" : reset.current(), reset.earliest(), reset.end()));
        }
    }

    private static void internalTopicSteps(StringBuilder out, RebuildPlan plan) {
        if (plan.internalTopics().isEmpty()) {
            out.append("2. Internal topics: none to delete.\n");
            return;
        }
        out.append("2. Delete the application's internal topics (").append(plan.internalTopics().size())
                .append("):\n");
        plan.internalTopics().forEach(topic -> out.append("   ").append(topic).append('\n'));
    }

    private static void leftAlone(StringBuilder out, RebuildPlan plan) {
        out.append("\nLeft alone:\n");
        plan.otherApplications().forEach((topic, owner) -> out.append("   ").append(topic)
                .append(": belongs to the application '").append(owner).append("'\n"));
        for (String topic : plan.otherCommittedTopics()) {
            out.append("   ").append(topic).append(": the group has offsets for it, but it is not an input topic "
                    + "(add --input-topic ").append(topic).append(" to reset it)\n");
        }
        out.append("   the broadcasts topic (hls.broadcasts by default), read by a global store: it has no group "
                + "offsets; each instance reads it again from the start once its state directory is deleted (step 3)\n");
        out.append("   the live-windows topic (hls.live-windows by default), written by stream ingest and read by "
                + "the live relays' global store: the replay publishes every window again; each instance reads it "
                + "again from the start once its state directory is deleted (step 3)\n");
        out.append("   output topics (hls.as-run, hls.dlq by default): the replay writes as-run records and dead "
                + "letters again\n");
    }
}
