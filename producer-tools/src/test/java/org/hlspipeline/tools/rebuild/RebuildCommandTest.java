package org.hlspipeline.tools.rebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.hlspipeline.tools.ProducerTools;
import org.hlspipeline.tools.cli.ClientSettings;
import org.hlspipeline.tools.cli.ExitCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

class RebuildCommandTest {

    record Run(int exitCode, String out, String err) {
    }

    private final List<ClientSettings> opened = new ArrayList<>();

    /** Runs the tool as a shell would, with {@code cluster} behind {@code rebuild}. */
    private Run run(FakeCluster cluster, Map<String, String> environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = new CommandLine(new ProducerTools(settings -> {
            throw new AssertionError("rebuild publishes nothing");
        }, environment)).setOut(new PrintWriter(out)).setErr(new PrintWriter(err));
        RebuildCommand rebuild = commandLine.getSubcommands().get("rebuild").getCommand();
        rebuild.opener = settings -> {
            opened.add(settings);
            return cluster;
        };
        int exitCode = commandLine.execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    /** Runs the tool exactly as {@code main} does, with the real cluster client. */
    private static Run runReal(Map<String, String> environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = new ProducerTools(settings -> {
            throw new AssertionError("rebuild publishes nothing");
        }, environment).execute(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    @Test
    void withoutYesOrDryRunItExplainsAndChangesNothing() {
        FakeCluster cluster = RebuildPlannerTest.ranOnce();

        Run run = run(cluster, Map.of(), "rebuild");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("producer-tools rebuild: rebuild prepares a replay")
                .contains("stop every instance").contains("HLS_DATA_DIR/streams/hls-pipeline")
                .contains("--dry-run").contains("--yes").contains("Nothing was changed.");
        assertThat(opened).isEmpty();
    }

    @Test
    void dryRunAndYesExcludeEachOther() {
        Run run = runReal(Map.of(), "rebuild", "--dry-run", "--yes");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).startsWith("producer-tools rebuild: --dry-run and --yes exclude each other");
    }

    @Test
    void aDryRunPrintsThePlanAndChangesNothing() {
        FakeCluster cluster = RebuildPlannerTest.ranOnce();

        Run run = run(cluster, Map.of(), "rebuild", "--dry-run", "--bootstrap-servers", "b:9092");

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).startsWith("Rebuild plan for application 'hls-pipeline' on b:9092 (dry run")
                .contains("hls.stream-events             1          77           5          80");
        assertThat(cluster.changes()).isEmpty();
        assertThat(cluster.closed).isTrue();
    }

    @Test
    void yesResetsTheOffsetsDeletesTheInternalTopicsAndSaysWhatIsLeftToDo() {
        FakeCluster cluster = RebuildPlannerTest.ranOnce();

        Run run = run(cluster, Map.of("KAFKA_BOOTSTRAP_SERVERS", "b:9092"), "rebuild", "--yes");

        assertThat(run.exitCode()).isZero();
        assertThat(cluster.changes()).hasSize(2);
        assertThat(run.out()).startsWith("Rebuild of application 'hls-pipeline' on b:9092:\n"
                + "  1. reset 5 partitions of hls.stream-events, hls.channel-commands, audit to their earliest "
                + "offsets (207 offsets to replay):\n")
                .contains("  2. deleted 2 internal topics: hls-pipeline-stream-windows-changelog, "
                        + "hls-pipeline-streams-changelog\n")
                .contains("\nNow:\n3. On every instance, delete its local state directory");
        assertThat(opened).singleElement().extracting(ClientSettings::bootstrapServers).isEqualTo("b:9092");
    }

    @Test
    void activeMembersStopBothTheRunAndTheDryRunWithExit6() {
        FakeCluster cluster = RebuildPlannerTest.ranOnce()
                .group("hls-pipeline", "Stable", "hls-pipeline-x-StreamThread-1-consumer on /127.0.0.1 (member m)");

        Run yes = run(cluster, Map.of(), "rebuild", "--yes");
        Run dryRun = run(cluster, Map.of(), "rebuild", "--dry-run");

        assertThat(yes.exitCode()).isEqualTo(RebuildCommand.GROUP_ACTIVE).isEqualTo(6);
        assertThat(yes.out()).isEmpty();
        assertThat(yes.err()).startsWith("producer-tools rebuild: the consumer group 'hls-pipeline' has 1 active "
                + "member (Stable)");
        assertThat(dryRun.exitCode()).isEqualTo(6);
        assertThat(dryRun.out()).contains("1 active member: STOP THE INSTANCES before --yes");
        assertThat(cluster.changes()).isEmpty();
    }

    @Test
    void theApplicationIdAndInputTopicsComeFromTheAppsOwnEnvironment() {
        FakeCluster cluster = new FakeCluster()
                .topic("events-b", new FakeCluster.Partition(0, 5))
                .topic("commands-b", new FakeCluster.Partition(0, 1))
                .topic("blue-streams-changelog", new FakeCluster.Partition(0, 1))
                .group("blue", "Empty")
                .committed("blue", "events-b", 0, 5);

        Run run = run(cluster, Map.of("HLS_APPLICATION_ID", "blue", "HLS_TOPIC_STREAM_EVENTS", "events-b",
                "HLS_TOPIC_CHANNEL_COMMANDS", "commands-b"), "rebuild", "--dry-run");

        assertThat(run.out()).contains("application 'blue'").contains("events-b, commands-b")
                .contains("   blue-streams-changelog\n");
    }

    @Test
    void aFailureIsOneLineWithItsExitCode() {
        FakeCluster cluster = RebuildPlannerTest.ranOnce().failing(new AdminFailure(ExitCodes.REFUSED,
                "not authorized to list the topics (TopicAuthorizationException: denied)", null));

        Run run = run(cluster, Map.of(), "rebuild", "--dry-run");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.REFUSED);
        assertThat(run.err()).isEqualTo("producer-tools rebuild: not authorized to list the topics "
                + "(TopicAuthorizationException: denied)" + System.lineSeparator());
    }

    @Test
    void aBadApplicationIdIsAUsageError() {
        Run run = runReal(Map.of(), "rebuild", "--dry-run", "--application-id", "two words");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).startsWith("producer-tools rebuild: --application-id must be");
    }

    @Test
    void anUnreachableBrokerFailsInBoundedTimeWithExit3AndNoStackTrace(@TempDir Path dir) throws IOException {
        Path config = Files.writeString(dir.resolve("admin.properties"),
                "default.api.timeout.ms=2000\nrequest.timeout.ms=1000\n");
        String bootstrap = "127.0.0.1:" + closedPort();

        Run run = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> runReal(Map.of(),
                "rebuild", "--dry-run", "--bootstrap-servers", bootstrap, "--command-config", config.toString()));

        assertThat(run.exitCode()).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("producer-tools rebuild: Kafka at " + bootstrap + " did not answer in time")
                .contains("Is the broker running").doesNotContain("\tat ");
        assertThat(run.err().lines().count()).isEqualTo(1);
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
