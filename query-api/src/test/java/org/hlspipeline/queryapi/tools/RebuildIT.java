package org.hlspipeline.queryapi.tools;

import org.hlspipeline.tools.cli.ExitCodes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hlspipeline.queryapi.testing.HttpPlaylists.end;
import static org.hlspipeline.queryapi.testing.HttpPlaylists.mediaPath;
import static org.hlspipeline.queryapi.testing.HttpPlaylists.register;
import static org.hlspipeline.queryapi.testing.HttpPlaylists.snapshot;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.TopicPartition;
import org.hlspipeline.queryapi.testing.Directories;
import org.hlspipeline.queryapi.testing.FreePorts;
import org.hlspipeline.queryapi.testing.PipelineInstance;
import org.hlspipeline.queryapi.testing.TestKafka;
import org.hlspipeline.queryapi.testing.TestPipeline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * {@code producer-tools rebuild} as an operator runs it against a cluster (the JVM's test broker): refused while an
 * instance runs, a dry run that changes nothing, the reset, and a restart with an empty state directory that
 * rebuilds the same playlists, byte for byte, under the same application id.
 */
class RebuildIT {

    private static final List<String> PLAYLISTS = List.of(
            mediaPath("rb-a", "720p"), mediaPath("rb-a", "480p"), mediaPath("rb-ended", "720p"),
            mediaPath("rb-0001", "1080p"), mediaPath("rb-0001", "720p"), mediaPath("rb-0002", "720p"),
            "/streams/rb-0002/master.m3u8");

    @Test
    void refusedWhileRunningThenADryRunChangesNothingThenTheResetRebuildsTheSameBytes(@TempDir Path dataDir)
            throws IOException {
        TestPipeline pipeline = TestPipeline.unique("rebuild-tool");
        String bootstrap = TestKafka.bootstrapServers();
        String application = pipeline.applicationId();
        String[] target = {"--bootstrap-servers", bootstrap, "--application-id", application,
            "--input-topic", pipeline.streamEvents() + "," + pipeline.channelCommands()};
        Map<String, String> before;
        try (PipelineInstance app = PipelineInstance.start(pipeline, dataDir)) {
            write(app.http());
            ToolRun load = ToolRun.of("load", "--bootstrap-servers", bootstrap, "--topic", pipeline.streamEvents(),
                    "--prefix", "rb", "--streams", "2", "--renditions", "2", "--events", "28", "--rate", "max",
                    "--progress", "none");
            assertThat(load.exitCode()).as(load.toString()).isZero();
            before = await("every playlist complete").atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                    .until(() -> snapshot(app.http(), PLAYLISTS),
                            playlists -> playlists.get(mediaPath("rb-0002", "720p"))
                            .contains("rb-0002/720p/6.ts"));
            ApplicationState running = ApplicationState.read(bootstrap, application);

            ToolRun refused = rebuild(target, "--yes");

            assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(6);
            assertThat(refused.out()).isEmpty();
            assertThat(refused.err()).startsWith("producer-tools rebuild: the consumer group '" + application
                    + "' has 1 active member").contains("Stop every instance first").contains("Nothing was changed.");
            assertThat(ApplicationState.read(bootstrap, application).applicationTopics())
                    .isEqualTo(running.applicationTopics());
        }
        ApplicationState stopped = ApplicationState.read(bootstrap, application);
        assertThat(stopped.members()).isZero();
        assertThat(stopped.applicationTopics()).contains(application + "-stream-windows-changelog",
                application + "-streams-changelog", application + "-stream-gap-deadlines-changelog");
        assertThat(stopped.committed()).isNotEmpty().allSatisfy((partition, offset) ->
                assertThat(List.of(pipeline.streamEvents(), pipeline.channelCommands())).contains(partition.topic()));

        ToolRun dryRun = rebuild(target, "--dry-run");

        assertThat(dryRun.exitCode()).as(dryRun.toString()).isZero();
        assertThat(dryRun.out()).contains("Consumer group '" + application + "' (classic, Empty): no active members.");
        for (String topic : stopped.applicationTopics()) {
            assertThat(dryRun.out()).contains("\n   " + topic + "\n");
        }
        stopped.committed().forEach((partition, offset) -> assertThat(dryRun.out()).containsPattern(
                "\n   " + java.util.regex.Pattern.quote(partition.topic()) + " +" + partition.partition() + " +"
                        + offset + " +0 +\\d+\n"));
        assertThat(ApplicationState.read(bootstrap, application)).isEqualTo(stopped);

        ToolRun yes = rebuild(target, "--yes");

        assertThat(yes.exitCode()).as(yes.toString()).isZero();
        assertThat(yes.out()).contains("2. deleted " + stopped.applicationTopics().size() + " internal topics");
        ApplicationState reset = ApplicationState.read(bootstrap, application);
        assertThat(reset.applicationTopics()).isEmpty();
        // Every partition of both inputs, also those the app had no offset for, at its earliest offset.
        assertThat(reset.committed().keySet()).containsAll(stopped.committed().keySet()).hasSize(12)
                .extracting(TopicPartition::topic).containsOnly(pipeline.streamEvents(), pipeline.channelCommands());
        Map<TopicPartition, Long> earliest = ApplicationState.earliest(bootstrap, reset.committed().keySet());
        assertThat(reset.committed()).isEqualTo(earliest);
        assertThat(earliest.values()).containsOnly(0L);

        Directories.delete(dataDir.resolve("streams"));
        try (PipelineInstance rebuilt = PipelineInstance.start(pipeline, dataDir)) {
            await("replay caught up").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .ignoreExceptions().untilAsserted(() -> assertThat(snapshot(rebuilt.http(), PLAYLISTS)).isEqualTo(before));
            assertThat(ApplicationState.read(bootstrap, application).applicationTopics())
                    .contains(application + "-stream-windows-changelog");
        }
    }

    @Test
    void anUnreachableBrokerIsOneLineAndExit3WithinTheAdminTimeout() throws IOException {
        String bootstrap = "127.0.0.1:" + FreePorts.pick();

        ToolRun run = assertTimeoutPreemptively(Duration.ofSeconds(40),
                () -> ToolRun.of("rebuild", "--dry-run", "--bootstrap-servers", bootstrap));

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("producer-tools rebuild: Kafka at " + bootstrap + " did not answer in time")
                .contains("Is the broker running");
        assertThat(run.err().lines()).hasSize(1);
    }

    private static ToolRun rebuild(String[] target, String flag) {
        String[] args = new String[target.length + 2];
        args[0] = "rebuild";
        System.arraycopy(target, 0, args, 1, target.length);
        args[args.length - 1] = flag;
        return ToolRun.of(args);
    }

    /** Out of order, two renditions, an ended stream, a duplicate. */
    private static void write(WebTestClient http) {
        for (long s : new long[] {1, 2, 4, 3, 5, 6, 7}) {
            register(http, "rb-a", "720p", s).expectStatus().isCreated().expectBody(Void.class);
        }
        register(http, "rb-a", "720p", 7).expectStatus().isCreated().expectBody(Void.class);
        for (long s = 1; s <= 3; s++) {
            register(http, "rb-a", "480p", s, 2.0, "/480/" + s + ".ts").expectStatus().isCreated()
                    .expectBody(Void.class);
        }
        register(http, "rb-ended", "720p", 1).expectStatus().isCreated().expectBody(Void.class);
        end(http, "rb-ended");
    }
}
