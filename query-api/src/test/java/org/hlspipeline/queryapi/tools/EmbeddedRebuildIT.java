package org.hlspipeline.queryapi.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hlspipeline.queryapi.testing.HttpPlaylists.mediaPath;
import static org.hlspipeline.queryapi.testing.HttpPlaylists.playlist;
import static org.hlspipeline.queryapi.testing.HttpPlaylists.registered;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.hlspipeline.queryapi.HlsPipelineApplication;
import org.hlspipeline.queryapi.kafka.KafkaConnection;
import org.hlspipeline.queryapi.testing.Directories;
import org.hlspipeline.queryapi.testing.FreePorts;
import org.hlspipeline.queryapi.testing.PipelineInstance;
import org.hlspipeline.queryapi.testing.TestPipeline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The rebuild procedure of docs/operations.md in embedded mode, where the broker lives inside the app: stop the
 * app, start it with HLS_KAFKA_STREAMS_ENABLED=false (broker and HTTP, no processing, an empty group), rebuild,
 * stop, delete the state directory, start. The playlists come back the same.
 */
class EmbeddedRebuildIT {

    @Test
    void theEmbeddedBrokerStaysUpWithoutKafkaStreamsForTheRebuild(@TempDir Path base) throws IOException {
        Path dataDir = Files.createDirectories(base.resolve("data"));
        TestPipeline pipeline = TestPipeline.unique("embedded-rebuild");
        Map<String, String> embedded = Map.of("spring.kafka.bootstrap-servers", "", "hls.kafka-port",
                String.valueOf(FreePorts.pick()));
        String playlistPath = mediaPath("emb", "720p");
        String before;
        try (PipelineInstance app = PipelineInstance.start(pipeline, dataDir, embedded)) {
            for (long s = 1; s <= 8; s++) {
                registered(app.http(), "emb", "720p", s);
            }
            before = playlist(app.http(), "emb", "720p");
        }

        try (ConfigurableApplicationContext maintenance = startWithoutKafkaStreams(pipeline, dataDir, embedded)) {
            WebTestClient http = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:"
                    + maintenance.getEnvironment().getProperty("local.server.port")).build();
            http.get().uri("/actuator/health/readiness").exchange().expectStatus().isEqualTo(503)
                    .expectBody(Void.class);
            http.get().uri(playlistPath).exchange().expectStatus().isEqualTo(503).expectBody(Void.class);
            String bootstrap = maintenance.getBean(KafkaConnection.class).bootstrapServers();

            ToolRun yes = ToolRun.of("rebuild", "--yes", "--bootstrap-servers", bootstrap,
                    "--application-id", pipeline.applicationId(),
                    "--input-topic", pipeline.streamEvents() + "," + pipeline.channelCommands());

            assertThat(yes.exitCode()).as(yes.toString()).isZero();
            // The broker has just restarted, when its group listing may still be empty: the offsets are reset all
            // the same, else the replay would start at the end and the playlist never come back.
            assertThat(yes.out()).contains("to their earliest offsets").contains("deleted")
                    .contains(pipeline.applicationId() + "-streams-changelog");
        }

        Directories.delete(dataDir.resolve("streams"));
        try (PipelineInstance rebuilt = PipelineInstance.start(pipeline, dataDir, embedded)) {
            // The replay follows two broker restarts, whose clients retry within bounds of up to 60 s each, so
            // allow more than one such bound. untilAsserted makes a timeout report the last answer (status, body).
            await("replay caught up").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                    .ignoreExceptions().untilAsserted(() -> assertThat(playlist(rebuilt.http(), "emb", "720p")).isEqualTo(before));
            assertThat(before).contains("/segments/8.ts");
        }
    }

    /** As an operator's HLS_KAFKA_STREAMS_ENABLED=false: nothing waits for readiness, which never comes. */
    private static ConfigurableApplicationContext startWithoutKafkaStreams(TestPipeline pipeline, Path dataDir,
                                                                          Map<String, String> embedded) {
        return new SpringApplicationBuilder(HlsPipelineApplication.class).run(
                "--server.port=0",
                "--hls.data-dir=" + dataDir,
                "--hls.application-id=" + pipeline.applicationId(),
                "--hls.topics.stream-events=" + pipeline.streamEvents(),
                "--hls.topics.dead-letters=" + pipeline.deadLetters(),
                "--hls.topics.channel-commands=" + pipeline.channelCommands(),
                "--hls.topics.broadcasts=" + pipeline.broadcasts(),
                "--hls.topics.as-run=" + pipeline.asRun(),
                "--spring.kafka.bootstrap-servers=" + embedded.get("spring.kafka.bootstrap-servers"),
                "--hls.kafka-port=" + embedded.get("hls.kafka-port"),
                "--hls.schema-registry.port=0",
                "--hls.kafka-streams-enabled=false");
    }
}
