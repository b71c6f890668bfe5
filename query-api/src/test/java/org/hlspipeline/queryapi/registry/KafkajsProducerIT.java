package org.hlspipeline.queryapi.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hlspipeline.queryapi.testing.HttpPlaylists.playlist;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Node transcoder's producer, unassisted: npm's kafkajs with @kafkajs/confluent-schema-registry registers its
 * schema with the registry the app serves and publishes Confluent wire-format records, first with the schema file
 * the project ships, then with a newer schema of its own. Both become the stream's playlist.
 */
class KafkajsProducerIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void anAutoRegisteringProducerInAnotherLanguageBecomesAPlaylist(@TempDir Path dir) throws Exception {
        Commands.requireOnPath("node", "apt-get install nodejs npm");
        Commands.requireOnPath("npm", "apt-get install npm");
        Path client = copyClient(dir.resolve("kafkajs"));
        Commands.succeed(client, Duration.ofMinutes(4), List.of("npm", "ci", "--no-audit", "--no-fund"));

        Path shipped = client.resolve("StreamEvent-v1.avsc");
        try (InputStream in = BundledSchemas.class.getResourceAsStream("StreamEvent-v1.avsc")) {
            Files.copy(in, shipped);
        }
        // A transcoder's own newer schema: the envelope gains a field with a default, which BACKWARD allows.
        ObjectNode newer = (ObjectNode) JSON.readTree(shipped.toFile());
        ((ArrayNode) newer.get("fields")).addObject().put("name", "producer")
                .putArray("type").add("null").add("string");
        ((ObjectNode) newer.get("fields").get(newer.get("fields").size() - 1)).putNull("default");
        Path evolved = client.resolve("StreamEvent-producer.avsc");
        JSON.writeValue(evolved.toFile(), newer);

        TestPipeline pipeline = TestPipeline.unique("kafkajs");
        try (PipelineInstance app = PipelineInstance.start(pipeline, dir.resolve("data"))) {
            JsonNode first = produce(client, app, pipeline, shipped, 1, 3, "{}");
            JsonNode second = produce(client, app, pipeline, evolved, 4, 2, "{\"producer\": \"kafkajs\"}");

            assertThat(first.get("id").asInt()).as("the shipped file is the bundled schema")
                    .isEqualTo(BundledSchemas.STREAM_EVENT_V1.id());
            assertThat(second.get("id").asInt()).as("a schema of its own gets a new id")
                    .isGreaterThanOrEqualTo(RegisteredSchemas.FIRST_REGISTERED_ID);
            await("the playlist of the kafkajs stream").atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(200)).ignoreExceptions().untilAsserted(() ->
                            assertThat(playlist(app.http(), "js-news", "720p")).contains("/js/1.ts", "/js/2.ts",
                                    "/js/3.ts", "/js/4.ts", "/js/5.ts"));
        }
    }

    private static JsonNode produce(Path client, PipelineInstance app, TestPipeline pipeline, Path schema,
                                    int first, int count, String extra) throws Exception {
        String out = Commands.succeed(client, Duration.ofMinutes(1), List.of("node", "produce.js",
                TestKafka.bootstrapServers(), app.registryUrl(), pipeline.streamEvents(), schema.toString(),
                "js-news", "720p", String.valueOf(first), String.valueOf(count), extra));
        List<String> lines = out.lines().filter(l -> l.startsWith("{")).toList();
        assertThat(lines).as(out).hasSize(1);
        JsonNode answer = JSON.readTree(lines.get(0));
        assertThat(answer.get("sent").asInt()).isEqualTo(count);
        return answer;
    }

    /** The client's files, copied so that npm installs outside the source tree. */
    private static Path copyClient(Path target) throws IOException {
        Files.createDirectories(target);
        for (String file : List.of("package.json", "package-lock.json", "produce.js")) {
            try (InputStream in = KafkajsProducerIT.class.getResourceAsStream("/registry-clients/kafkajs/" + file)) {
                Files.copy(in, target.resolve(file), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return target;
    }
}
