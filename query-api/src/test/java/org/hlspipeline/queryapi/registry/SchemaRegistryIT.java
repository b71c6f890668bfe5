package org.hlspipeline.queryapi.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.avro.Schema;
import org.hlspipeline.queryapi.testing.PipelineInstance;
import org.hlspipeline.queryapi.testing.TestPipeline;
import org.hlspipeline.schemas.registry.BundledSchemas;
import org.hlspipeline.schemas.registry.RestSchemaRegistryClient;
import org.hlspipeline.schemas.registry.SchemaRegistryConfig;
import org.hlspipeline.schemas.stream.StreamEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The registry the app serves without SCHEMA_REGISTRY_URL, over real HTTP on the test broker: Confluent's
 * answers and error codes, the bundled ids, a second JVM client, and ids that survive a restart.
 */
class SchemaRegistryIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    static final String V1 = "{\"type\":\"record\",\"name\":\"Probe\",\"namespace\":\"t\",\"fields\":"
            + "[{\"name\":\"a\",\"type\":\"string\"}]}";
    static final String V2 = "{\"type\":\"record\",\"name\":\"Probe\",\"namespace\":\"t\",\"fields\":"
            + "[{\"name\":\"a\",\"type\":\"string\"},{\"name\":\"b\",\"type\":\"int\",\"default\":0}]}";
    static final String BREAKING = "{\"type\":\"record\",\"name\":\"Probe\",\"namespace\":\"t\",\"fields\":"
            + "[{\"name\":\"c\",\"type\":\"long\"}]}";

    @Test
    void servesConfluentsApiOnTheSchemasTopicAndKeepsIdsAcrossARestart(@TempDir Path dir) throws Exception {
        TestPipeline pipeline = TestPipeline.unique("registry");
        int probeV2;
        try (PipelineInstance app = PipelineInstance.start(pipeline, dir.resolve("a"))) {
            String registry = app.registryUrl();

            // The bundled schemas are there under their fixed ids, in their subjects.
            JsonNode streamEvent = get(registry, "/schemas/ids/1", 200);
            assertThat(new Schema.Parser().parse(streamEvent.get("schema").asString()))
                    .isEqualTo(BundledSchemas.STREAM_EVENT_V1.schema());
            assertThat(get(registry, "/subjects", 200).toString()).contains("\"hls.stream-events-value\"",
                    "\"hls.channel-commands-value\"");

            // A second JVM client, the one producer-tools uses against a real registry: the generated class's
            // schema is the bundled one, so it gets id 1 under any subject.
            RestSchemaRegistryClient client = new RestSchemaRegistryClient(SchemaRegistryConfig.fromProperties(
                    Map.of("schema.registry.url", registry)));
            assertThat(client.register(pipeline.streamEvents() + "-value", StreamEvent.getClassSchema()))
                    .isEqualTo(BundledSchemas.STREAM_EVENT_V3.id());

            int probeV1 = post(registry, "/subjects/probe-value/versions", V1, 200).get("id").asInt();
            assertThat(probeV1).as("registered ids start above those kept for bundled schemas")
                    .isEqualTo(RegisteredSchemas.FIRST_REGISTERED_ID);
            assertThat(post(registry, "/subjects/probe-value/versions", V1, 200).get("id").asInt())
                    .isEqualTo(probeV1);
            probeV2 = post(registry, "/subjects/probe-value/versions", V2, 200).get("id").asInt();
            assertThat(probeV2).isEqualTo(probeV1 + 1);
            assertThat(client.schemaById(probeV2)).isEqualTo(new Schema.Parser().parse(V2));

            JsonNode refused = post(registry, "/subjects/probe-value/versions", BREAKING, 409);
            assertThat(refused.get("error_code").asInt()).isEqualTo(409);
            assertThat(post(registry, "/compatibility/subjects/probe-value/versions/latest", BREAKING, 200)
                    .get("is_compatible").asBoolean()).isFalse();
            assertThat(post(registry, "/subjects/probe-value", V1, 200).get("version").asInt()).isEqualTo(1);
            assertThat(get(registry, "/subjects/probe-value/versions/latest", 200).get("id").asInt())
                    .isEqualTo(probeV2);
            assertThat(get(registry, "/schemas/ids/" + probeV2 + "/subjects", 200).toString())
                    .isEqualTo("[\"probe-value\"]");

            assertThat(get(registry, "/subjects/nothing-value/versions", 404).get("error_code").asInt())
                    .isEqualTo(40401);
            assertThat(get(registry, "/subjects/probe-value/versions/9", 404).get("error_code").asInt())
                    .isEqualTo(40402);
            assertThat(get(registry, "/schemas/ids/999", 404).get("error_code").asInt()).isEqualTo(40403);
            assertThat(post(registry, "/subjects/probe-value/versions", "{\"type\": \"nope\"}", 422)
                    .get("error_code").asInt()).isEqualTo(42201);

            assertThat(get(registry, "/config", 200).get("compatibilityLevel").asString()).isEqualTo("BACKWARD");
            assertThat(send(registry, "PUT", "/config/probe-value", "{\"compatibility\":\"NONE\"}", 200)
                    .get("compatibility").asString()).isEqualTo("NONE");
            assertThat(post(registry, "/subjects/probe-value/versions", BREAKING, 200).get("id").asInt())
                    .isEqualTo(probeV2 + 1);
            assertThat(send(registry, "DELETE", "/subjects/probe-value/versions/3", null, 200).asInt())
                    .isEqualTo(3);
            assertThat(get(registry, "/subjects/probe-value/versions", 200).toString()).isEqualTo("[1,2]");
            assertThat(get(registry, "/schemas/ids/" + (probeV2 + 1), 200).has("schema")).isTrue();
        }

        // Another instance, another data directory: everything comes from the schemas topic.
        try (PipelineInstance again = PipelineInstance.start(pipeline, dir.resolve("b"))) {
            String registry = again.registryUrl();
            assertThat(get(registry, "/subjects/probe-value/versions/2", 200).get("id").asInt()).isEqualTo(probeV2);
            assertThat(get(registry, "/config/probe-value", 200).get("compatibilityLevel").asString())
                    .isEqualTo("NONE");
            assertThat(post(registry, "/subjects/probe-value/versions", V2, 200).get("id").asInt())
                    .isEqualTo(probeV2);
        }
    }

    /** Two instances registering at once never hand out one id twice, and both answer the same for every id. */
    @Test
    void instancesRegisteringAtOnceTakeTurns(@TempDir Path dir) throws Exception {
        TestPipeline pipeline = TestPipeline.unique("registry-race");
        try (PipelineInstance a = PipelineInstance.start(pipeline, dir.resolve("a"));
             PipelineInstance b = PipelineInstance.start(pipeline, dir.resolve("b"))) {
            List<String> registries = List.of(a.registryUrl(), b.registryUrl());
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<Integer>> ids = new ArrayList<>();
            for (int n = 0; n < 12; n++) {
                String registry = registries.get(n % 2);
                String schema = V1.replace("Probe", "Probe" + n);
                String subject = "race" + n + "-value";
                ids.add(pool.submit(() -> post(registry, "/subjects/" + subject + "/versions", schema, 200)
                        .get("id").asInt()));
            }
            Set<Integer> distinct = new HashSet<>();
            for (Future<Integer> id : ids) {
                distinct.add(id.get(2, TimeUnit.MINUTES));
            }
            pool.shutdown();

            assertThat(distinct).hasSize(12);
            for (int id : distinct) {
                assertThat(get(registries.get(0), "/schemas/ids/" + id, 200))
                        .isEqualTo(get(registries.get(1), "/schemas/ids/" + id, 200));
            }
        }
    }

    /** With write tokens, what changes the registry needs one; what reads does not. */
    @Test
    void withWriteTokensRegistrationsNeedOne(@TempDir Path dir) throws Exception {
        TestPipeline pipeline = TestPipeline.unique("registry-tokens");
        try (PipelineInstance app = PipelineInstance.start(pipeline, dir, Map.of("hls.security.write-tokens",
                "s3cret"))) {
            String registry = app.registryUrl();
            String body = JSON.writeValueAsString(Map.of("schema", V1));

            assertThat(send(registry, "POST", "/subjects/t-value/versions", body, 401, null).get("error_code")
                    .asInt()).isEqualTo(40101);
            assertThat(send(registry, "PUT", "/config", "{\"compatibility\":\"NONE\"}", 401, "Bearer wrong")
                    .get("error_code").asInt()).isEqualTo(40101);
            int id = send(registry, "POST", "/subjects/t-value/versions", body, 200, "Bearer s3cret").get("id")
                    .asInt();
            // Schema-registry clients send basic.auth.user.info; the token is the password.
            String basic = "Basic " + java.util.Base64.getEncoder().encodeToString("encoder:s3cret".getBytes());
            assertThat(send(registry, "POST", "/subjects/t-value/versions", body, 200, basic).get("id").asInt())
                    .isEqualTo(id);
            assertThat(get(registry, "/schemas/ids/" + id, 200).has("schema")).isTrue();
            assertThat(post(registry, "/subjects/t-value", V1, 200).get("id").asInt()).isEqualTo(id);
        }
    }

    static JsonNode get(String registry, String path, int status) throws Exception {
        return send(registry, "GET", path, null, status);
    }

    static JsonNode post(String registry, String path, String schema, int status) throws Exception {
        return send(registry, "POST", path, JSON.writeValueAsString(Map.of("schema", schema)), status);
    }

    static JsonNode send(String registry, String method, String path, String body, int status) throws Exception {
        return send(registry, method, path, body, status, null);
    }

    static JsonNode send(String registry, String method, String path, String body, int status, String authorization)
            throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(registry + path))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        HttpRequest request = builder.build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/vnd.schemaregistry.v1+json");
        return JSON.readTree(response.body());
    }
}
