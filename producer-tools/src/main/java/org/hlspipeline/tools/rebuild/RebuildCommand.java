package org.hlspipeline.tools.rebuild;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

import org.hlspipeline.tools.cli.ClientSettings;
import org.hlspipeline.tools.cli.ClusterOptions;
import org.hlspipeline.tools.cli.ConnectionOptions;
import org.hlspipeline.tools.cli.ExitCodes;
import org.hlspipeline.tools.cli.ToolLogging;
import org.hlspipeline.tools.cli.VersionProvider;
import org.hlspipeline.tools.publish.ToolContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "rebuild", sortOptions = false, mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Prepare a replay that rebuilds all state under the same application id: what Kafka's "
                    + "kafka-streams-application-reset does, with its own StreamsResetter.",
            "",
            "  1. The application's consumer group (its application id) gets the earliest retained offsets of its "
                    + "input topics, hls.stream-events and hls.channel-commands, as committed offsets.",
            "  2. Its internal topics, <application-id>-...-changelog and -repartition, are deleted (waiting "
                    + "until the cluster no longer lists them).",
            "",
            "First stop every instance: the group must have no active members, else nothing is done (exit code "
                    + "6). In embedded mode the broker lives in the app: restart it with "
                    + "HLS_KAFKA_STREAMS_ENABLED=false, which keeps the broker and HTTP up without processing.",
            "Then, on every instance, delete HLS_DATA_DIR/streams/<application-id> (the stores and checkpoints "
                    + "that no longer match), and start the instances: they recreate the changelogs and process "
                    + "the input topics again from the start.",
            "",
            "--dry-run prints the plan: the group and its members, every input partition with its current, new "
                    + "and log-end offsets, the topics to delete and those left alone. --yes carries it out."
        },
        footer = {
            "",
            "Environment: KAFKA_BOOTSTRAP_SERVERS, HLS_APPLICATION_ID, HLS_TOPIC_STREAM_EVENTS, "
                    + "HLS_TOPIC_CHANNEL_COMMANDS (the app's own variables).",
            "",
            "Examples:",
            "  producer-tools rebuild --dry-run",
            "  producer-tools rebuild --yes",
            "  producer-tools rebuild --application-id hls-pipeline \\",
            "      --bootstrap-servers broker1:9093 --command-config admin.properties --dry-run"
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:--dry-run: the plan is printed and --yes could go ahead; --yes: done",
            "2:invalid options, or neither --dry-run nor --yes; nothing was changed",
            "3:Kafka unreachable or too slow; the message says which step did not happen",
            "4:Kafka refused (authentication, authorization)",
            "6:the group has active members: stop every instance first; nothing was changed"
        })
public final class RebuildCommand implements Callable<Integer> {

    /** The application's instances are still in its group. */
    public static final int GROUP_ACTIVE = 6;
    static final String DEFAULT_APPLICATION_ID = "hls-pipeline";
    static final String ENV_APPLICATION_ID = "HLS_APPLICATION_ID";
    static final String ENV_TOPIC_CHANNEL_COMMANDS = "HLS_TOPIC_CHANNEL_COMMANDS";
    static final String DEFAULT_TOPIC_CHANNEL_COMMANDS = "hls.channel-commands";
    /** What Kafka Streams accepts in an application id. */
    private static final Pattern APPLICATION_ID = Pattern.compile("[A-Za-z0-9._-]{1,200}");

    /** How the command reaches the cluster; tests put a cluster of their own here. */
    @FunctionalInterface
    interface AdminOpener {
        ResetAdmin open(ClientSettings settings) throws AdminFailure;
    }

    @Spec
    CommandSpec spec;

    /** The real cluster unless a test set its own. */
    AdminOpener opener;

    @Option(names = "--dry-run", order = 1, description = "Print what would be done; change nothing.")
    boolean dryRun;

    @Option(names = "--yes", order = 2, description = "Do it. All instances must be stopped.")
    boolean yes;

    @Option(names = "--application-id", paramLabel = "<id>", order = 3,
            description = "The app's application id (HLS_APPLICATION_ID), which is its consumer group and the "
                    + "prefix of its internal topics. Env: HLS_APPLICATION_ID. Default: " + DEFAULT_APPLICATION_ID
                    + ".")
    String applicationId;

    @Option(names = "--input-topic", paramLabel = "<topic>", order = 4, split = ",",
            description = "An input topic to replay; repeat or separate with commas. Default: "
                    + "HLS_TOPIC_STREAM_EVENTS (hls.stream-events) and HLS_TOPIC_CHANNEL_COMMANDS "
                    + "(hls.channel-commands), plus any other topic the group has committed offsets for.")
    List<String> inputTopics = new ArrayList<>();

    @Mixin
    ClusterOptions cluster;

    @Option(names = "--verbose", order = 200,
            description = "Show the Kafka client's log and the stack trace of a failure.")
    boolean verbose;

    @Override
    public Integer call() {
        Map<String, String> environment = ToolContext.of(spec).environment();
        String application = first(applicationId, environment.get(ENV_APPLICATION_ID), DEFAULT_APPLICATION_ID);
        if (!APPLICATION_ID.matcher(application).matches()) {
            throw usage("--application-id must be 1 to 200 of A-Z a-z 0-9 . _ -, was '" + application + "'");
        }
        if (dryRun && yes) {
            throw usage("--dry-run and --yes exclude each other");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!dryRun && !yes) {
            err.println(spec.qualifiedName() + ": " + RebuildReport.explanation(application));
            err.flush();
            return ExitCodes.USAGE;
        }
        boolean inputsGiven = !inputTopics.isEmpty();
        List<String> inputs = inputsGiven ? inputTopics.stream().map(String::trim).filter(t -> !t.isEmpty()).toList()
                : List.of(first(null, environment.get(ConnectionOptions.ENV_TOPIC_STREAM_EVENTS),
                        ConnectionOptions.DEFAULT_TOPIC_STREAM_EVENTS),
                        first(null, environment.get(ENV_TOPIC_CHANNEL_COMMANDS), DEFAULT_TOPIC_CHANNEL_COMMANDS));
        ClientSettings settings;
        try {
            settings = ConnectionOptions.resolve(cluster, environment);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        if (verbose) {
            ToolLogging.verbose();
        }
        AdminOpener open = opener != null ? opener
                : clusterSettings -> KafkaResetAdmin.open(clusterSettings, cluster.commandConfig());
        try (ResetAdmin admin = open.open(settings)) {
            RebuildPlan plan = RebuildPlanner.plan(admin, application, inputs, inputsGiven,
                    settings.bootstrapServers());
            if (plan.group().usesStreamsProtocol()) {
                return refuse(err, RebuildReport.streamsProtocol(plan.group()), ExitCodes.USAGE);
            }
            if (dryRun) {
                out.print(RebuildReport.plan(plan, true));
                out.flush();
                return plan.group().hasMembers()
                        ? refuse(err, RebuildReport.activeMembers(plan.group()), GROUP_ACTIVE) : ExitCodes.OK;
            }
            if (plan.group().hasMembers()) {
                return refuse(err, RebuildReport.activeMembers(plan.group()), GROUP_ACTIVE);
            }
            RebuildPlanner.carryOut(admin, plan);
            out.print(RebuildReport.done(plan));
            out.flush();
            return ExitCodes.OK;
        } catch (AdminFailure e) {
            err.println(spec.qualifiedName() + ": " + e.getMessage());
            if (verbose && e.getCause() != null) {
                e.getCause().printStackTrace(err);
            }
            err.flush();
            return e.exitCode();
        }
    }

    private int refuse(PrintWriter err, String message, int exitCode) {
        err.println(spec.qualifiedName() + ": " + message);
        err.flush();
        return exitCode;
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    private static String first(String flag, String environment, String fallback) {
        if (flag != null && !flag.isBlank()) {
            return flag.trim();
        }
        if (environment != null && !environment.isBlank()) {
            return environment.trim();
        }
        return fallback;
    }
}
