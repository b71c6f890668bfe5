package org.hlspipeline.tools.rebuild;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.tools.StreamsResetter;
import org.hlspipeline.tools.cli.ExitCodes;
import org.hlspipeline.tools.publish.KafkaEventPublisher;

/**
 * Carries out a {@link RebuildPlan} with Kafka's own {@link StreamsResetter}, the class behind
 * {@code kafka-streams-application-reset}: the input partitions of the plan go to their earliest offsets, then
 * exactly the plan's internal topics are deleted.
 *
 * <p>What StreamsResetter does not do, and this class or its caller does instead:
 * <ul>
 *   <li>It prints to {@code System.out} and {@code System.err} and answers any failure with exit code 1. The tool
 *       keeps its own report and exit codes, so that output is captured here: it is dropped on success, and on
 *       failure its {@code ERROR} line becomes the message and decides the exit code (timeouts 3, refusals 4, an
 *       instance that joined meanwhile 6).</li>
 *   <li>It cannot be told to delete nothing: without {@code --internal-topics} it deletes every topic named
 *       {@code <application.id>-...-changelog} (and the like), another application's too when that one's id
 *       extends this one's. {@link #canCarryOut} says when the plan can be said to it exactly; otherwise the
 *       caller commits the offsets itself.</li>
 *   <li>It does not wait until the deleted topics have left the cluster's metadata; the caller does.</li>
 *   <li>Its admin client reads only the {@code --command-config} file, so the tool's short admin timeouts reach
 *       its consumer only (the plan has just shown that the cluster answers).</li>
 * </ul>
 */
final class StreamsReset {

    private StreamsReset() {
    }

    /** Whether StreamsResetter can be told the plan exactly (see the class comment). */
    static boolean canCarryOut(RebuildPlan plan) {
        return !plan.internalTopics().isEmpty() || plan.otherApplications().isEmpty();
    }

    /** StreamsResetter's command line for the plan. */
    static List<String> arguments(RebuildPlan plan, Path commandConfig) {
        List<String> args = new ArrayList<>(List.of("--application-id", plan.applicationId(),
                "--bootstrap-server", plan.bootstrapServers()));
        if (!plan.resets().isEmpty()) {
            // Only a group with committed offsets gets offsets (see RebuildPlanner).
            args.addAll(List.of("--input-topics", String.join(",", plan.inputTopics()), "--to-earliest"));
        }
        if (!plan.internalTopics().isEmpty()) {
            args.addAll(List.of("--internal-topics", String.join(",", plan.internalTopics())));
        }
        if (commandConfig != null) {
            args.addAll(List.of("--command-config", commandConfig.toString()));
        }
        return args;
    }

    /**
     * Runs StreamsResetter for the plan.
     *
     * @throws AdminFailure when it reports a failure; the cause holds everything it printed
     */
    static void run(RebuildPlan plan, Path commandConfig) throws AdminFailure {
        Properties consumer = new Properties();
        consumer.put(ConsumerConfig.CLIENT_ID_CONFIG, KafkaEventPublisher.CLIENT_ID);
        consumer.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, AdminSettings.REQUEST_TIMEOUT_MS);
        consumer.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, AdminSettings.API_TIMEOUT_MS);
        String[] args = arguments(plan, commandConfig).toArray(String[]::new);
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        int exitCode;
        try (PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            System.setErr(capture);
            exitCode = new StreamsResetter().execute(args, consumer);
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
        }
        if (exitCode != 0) {
            throw failure(plan, captured.toString(StandardCharsets.UTF_8));
        }
    }

    /** The failure StreamsResetter printed, as one line with the tool's exit code. */
    static AdminFailure failure(RebuildPlan plan, String output) {
        String error = output.lines().filter(line -> line.startsWith("ERROR: ")).findFirst()
                .map(line -> line.substring("ERROR: ".length()))
                .orElse("it ended with exit code 1 without saying why");
        IllegalStateException printed = new IllegalStateException("Kafka's StreamsResetter printed:\n" + output);
        if (error.contains("is still active")) {
            return new AdminFailure(RebuildCommand.GROUP_ACTIVE, "an instance joined the group '"
                    + plan.applicationId() + "' meanwhile; stop it and run again (" + error + ")", printed);
        }
        if (error.contains("TimeoutException")) {
            return new AdminFailure(ExitCodes.UNAVAILABLE, "Kafka at " + plan.bootstrapServers() + " did not "
                    + "answer in time while resetting '" + plan.applicationId() + "' (" + error + "). Run "
                    + "--dry-run to see what is left to do.", printed);
        }
        String refusal = error.contains("Authentication") ? "authentication failed; check --command-config"
                : error.contains("Authorization") ? "not authorized. " + AdminFailure.NEEDED_ACLS : "it refused";
        return new AdminFailure(ExitCodes.REFUSED, "Kafka refused to reset '" + plan.applicationId() + "': "
                + refusal + " (" + error + "). Run --dry-run to see what is left to do.", printed);
    }
}
