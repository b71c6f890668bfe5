package org.hlspipeline.queryapi.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hlspipeline.queryapi.testing.HttpPlaylists.playlist;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.hlspipeline.queryapi.testing.Commands;
import org.hlspipeline.queryapi.testing.PipelineInstance;
import org.hlspipeline.queryapi.testing.TestKafka;
import org.hlspipeline.queryapi.testing.TestPipeline;
import org.hlspipeline.schemas.registry.BundledSchemas;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Confluent's own Python registry client (Debian's python3-confluent-kafka) against the registry the app serves:
 * it registers the shipped schema file, is refused a breaking schema with 409, and its records become a playlist.
 */
class PythonRegistryClientIT {

    @Test
    void confluentsPythonClientRegistersIsRefusedABreakingSchemaAndPublishes(@TempDir Path dir) throws Exception {
        String python = Commands.python("confluent_kafka.schema_registry, avro",
                "sudo apt-get install -y python3-confluent-kafka python3-requests python3-avro");
        Path script = dir.resolve("produce_registered.py");
        Path schema = dir.resolve("StreamEvent-v1.avsc");
        try (InputStream in = getClass().getResourceAsStream("/registry-clients/python/produce_registered.py")) {
            Files.copy(in, script);
        }
        try (InputStream in = BundledSchemas.class.getResourceAsStream("StreamEvent-v1.avsc")) {
            Files.copy(in, schema);
        }
        TestPipeline pipeline = TestPipeline.unique("python-registry");
        try (PipelineInstance app = PipelineInstance.start(pipeline, dir.resolve("data"))) {
            String out = Commands.succeed(dir, Duration.ofMinutes(1), List.of(python, script.toString(),
                    TestKafka.bootstrapServers(), app.registryUrl(), pipeline.streamEvents(), schema.toString(),
                    "py-news", "1", "3"));
            JsonNode answer = JsonMapper.builder().build().readTree(out.lines().filter(l -> l.startsWith("{"))
                    .reduce((a, b) -> b).orElseThrow());

            assertThat(answer.get("id").asInt()).isEqualTo(BundledSchemas.STREAM_EVENT_V1.id());
            assertThat(answer.get("breaking").asInt()).isEqualTo(409);
            assertThat(answer.get("breakingCode").asInt()).isEqualTo(409);
            await("the playlist of the Python stream").atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(200)).ignoreExceptions().untilAsserted(() ->
                            assertThat(playlist(app.http(), "py-news", "720p")).contains("/py/1.ts", "/py/2.ts",
                                    "/py/3.ts"));
        }
    }
}
