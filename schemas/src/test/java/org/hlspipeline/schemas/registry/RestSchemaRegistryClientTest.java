package org.hlspipeline.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.hlspipeline.schemas.serde.AvroDeserializer;
import org.hlspipeline.schemas.serde.AvroSerializer;
import org.hlspipeline.schemas.stream.Segment;
import org.hlspipeline.schemas.stream.StreamEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class RestSchemaRegistryClientTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String USER_INFO = "transcoder:s3cret-pw";

    private FakeConfluentRegistry registry;

    @BeforeEach
    void startRegistry() throws IOException {
        registry = FakeConfluentRegistry.start().requireBasicAuth(USER_INFO);
    }

    @AfterEach
    void stopRegistry() {
        registry.close();
    }

    private RestSchemaRegistryClient client() {
        return client(registry.url());
    }

    private static RestSchemaRegistryClient client(String urls) {
        return new RestSchemaRegistryClient(SchemaRegistryConfig.fromProperties(Map.of(
                SchemaRegistryConfig.URL, urls,
                SchemaRegistryConfig.BASIC_AUTH_USER_INFO, USER_INFO)));
    }

    @Test
    void registerPostsTheSchemaAsConfluentDocumentsIt() throws IOException {
        int id = client().register("team a/stream-events-value", StreamEvent.getClassSchema());

        assertThat(id).isEqualTo(7);
        assertThat(registry.requests()).hasSize(1);
        FakeConfluentRegistry.Request request = registry.requests().get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.rawPath()).isEqualTo("/subjects/team%20a%2Fstream-events-value/versions");
        assertThat(request.header("Content-Type")).isEqualTo("application/vnd.schemaregistry.v1+json");
        assertThat(request.header("Accept")).contains("application/vnd.schemaregistry.v1+json");
        assertThat(request.header("Authorization"))
                .isEqualTo("Basic " + Base64.getEncoder().encodeToString(USER_INFO.getBytes()));
        JsonNode body = JSON.readTree(request.body());
        assertThat(body.propertyNames()).containsExactly("schema");
        assertThat(body.get("schema").isString()).isTrue();
        assertThat(new Schema.Parser().parse(body.get("schema").stringValue())).isEqualTo(StreamEvent.getClassSchema());
    }

    @Test
    void schemaByIdGetsTheSchemaFromTheRegistry() {
        registry.putSchema(7, StreamEvent.getClassSchema().toString());

        Schema schema = client().schemaById(7);

        assertThat(schema).isEqualTo(StreamEvent.getClassSchema());
        FakeConfluentRegistry.Request request = registry.requests().get(0);
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.rawPath()).isEqualTo("/schemas/ids/7");
        assertThat(request.header("Accept")).contains("application/vnd.schemaregistry.v1+json");
        assertThat(request.header("Authorization")).startsWith("Basic ");
    }

    @Test
    void repeatedCallsAreAnsweredFromTheCache() {
        RestSchemaRegistryClient producer = client();
        int first = producer.register("hls.stream-events-value", StreamEvent.getClassSchema());
        int second = producer.register("hls.stream-events-value", StreamEvent.getClassSchema());
        assertThat(second).isEqualTo(first);
        assertThat(registry.requests()).hasSize(1);

        RestSchemaRegistryClient consumer = client();
        Schema fetched = consumer.schemaById(first);
        assertThat(consumer.schemaById(first)).isSameAs(fetched);
        assertThat(registry.requests()).hasSize(2);
        assertThat(registry.requests().get(1).method()).isEqualTo("GET");
    }

    @Test
    void aSchemaJustRegisteredNeedsNoFetch() {
        RestSchemaRegistryClient client = client();
        int id = client.register("hls.stream-events-value", StreamEvent.getClassSchema());

        assertThat(client.schemaById(id)).isEqualTo(StreamEvent.getClassSchema());
        assertThat(registry.requests()).extracting(FakeConfluentRegistry.Request::method).containsExactly("POST");
    }

    @Test
    void unknownIdMapsTo40403() {
        assertThatThrownBy(() -> client().schemaById(99))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(404);
                    assertThat(e.errorCode()).isEqualTo(40403);
                    assertThat(e.schemaNotFound()).isTrue();
                })
                .hasMessageContaining("HTTP 404")
                .hasMessageContaining("error_code 40403")
                .hasMessageContaining("Schema not found");
    }

    @Test
    void wrongCredentialsAreReportedWithoutEchoingThem() {
        registry.requireBasicAuth("transcoder:other");

        assertThatThrownBy(() -> client().register("s-value", StreamEvent.getClassSchema()))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(401);
                    assertThat(e.schemaNotFound()).isFalse();
                })
                .hasMessageContaining("HTTP 401")
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void aNonJsonErrorPageStillGivesTheStatus() {
        registry.failWith(502, "<html>Bad Gateway</html>");

        assertThatThrownBy(() -> client().schemaById(1))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(502);
                    assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.NONE);
                })
                .hasMessageContaining("HTTP 502")
                .hasMessageContaining("Bad Gateway");
    }

    @Test
    void theNextUrlIsTriedWhenOneIsDownOrFailing() throws IOException {
        String deadUrl = "http://127.0.0.1:" + freePort();
        try (FakeConfluentRegistry failing = FakeConfluentRegistry.start()
                .failWith(500, "{\"error_code\":50003,\"message\":\"Error while forwarding the request to the leader\"}")) {

            int id = client(deadUrl + "," + failing.url() + "," + registry.url())
                    .register("hls.stream-events-value", StreamEvent.getClassSchema());

            assertThat(id).isEqualTo(7);
            assertThat(failing.requests()).hasSize(1);
            assertThat(registry.requests()).hasSize(1);
        }
    }

    @Test
    void aClientErrorIsFinalAndNotRetriedElsewhere() throws IOException {
        try (FakeConfluentRegistry other = FakeConfluentRegistry.start()) {
            RestSchemaRegistryClient client = client(registry.url() + "," + other.url());

            assertThatThrownBy(() -> client.schemaById(99)).isInstanceOf(SchemaRegistryException.class);
            assertThat(other.requests()).isEmpty();
        }
    }

    @Test
    void allUrlsDownIsAnErrorThatIsNotSchemaNotFound() throws IOException {
        RestSchemaRegistryClient client = client("http://127.0.0.1:" + freePort());

        assertThatThrownBy(() -> client.schemaById(1))
                .isInstanceOfSatisfying(SchemaRegistryException.class,
                        e -> assertThat(e.schemaNotFound()).isFalse())
                .hasMessageContaining("unreachable");
    }

    @Test
    void aRegistryThatDoesNotAnswerTimesOut() throws IOException {
        try (FakeConfluentRegistry silent = FakeConfluentRegistry.start().hang()) {
            RestSchemaRegistryClient client = new RestSchemaRegistryClient(SchemaRegistryConfig.fromProperties(Map.of(
                    SchemaRegistryConfig.URL, silent.url(),
                    SchemaRegistryConfig.TIMEOUT_MS, "300")));

            assertThatThrownBy(() -> client.schemaById(1))
                    .isInstanceOf(SchemaRegistryException.class)
                    .hasMessageContaining("did not answer within 300 ms");
        }
    }

    @Test
    void aRecordRoundTripsThroughTwoClientInstances() {
        StreamEvent event = StreamEvent.newBuilder()
                .setStreamId("cam-7")
                .setEventId("e-1")
                .setPayload(Segment.newBuilder()
                        .setRendition("720p")
                        .setSequence(42)
                        .setDurationMicros(6_006_000)
                        .setUri("seg/42.ts")
                        .setProgramDateTime(Instant.parse("2024-03-01T12:00:00.123Z"))
                        .setDiscontinuity(true)
                        .build())
                .build();

        byte[] bytes = new AvroSerializer<StreamEvent>(client()).serialize("hls.stream-events", event);
        StreamEvent read = new AvroDeserializer<>(StreamEvent.class, client()).deserialize("hls.stream-events", bytes);

        assertThat(read).isEqualTo(event);
        assertThat(bytes).startsWith(0, 0, 0, 0, 7);
        assertThat(registry.requests()).extracting(FakeConfluentRegistry.Request::method, FakeConfluentRegistry.Request::rawPath)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("POST", "/subjects/hls.stream-events-value/versions"),
                        org.assertj.core.groups.Tuple.tuple("GET", "/schemas/ids/7"));
    }

    @Test
    void aNonAvroSchemaIdIsRefused() {
        registry.failWith(200, "{\"schema\":\"syntax = \\\"proto3\\\";\",\"schemaType\":\"PROTOBUF\"}");

        assertThatThrownBy(() -> client().schemaById(3))
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessageContaining("PROTOBUF");
    }

    @Test
    void anUnparsableSchemaIsRefused() {
        registry.putSchema(5, "{\"type\":\"record\",\"name\":\"Broken\",\"fields\":[{\"name\":\"x\",\"type\":\"nope\"}]}");

        assertThatThrownBy(() -> client().schemaById(5))
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessageContaining("schema id 5")
                .hasMessageContaining("not a valid Avro schema");
    }

    @Test
    void differentSchemasGetDifferentIds() {
        Schema other = SchemaBuilder.record("Other").fields().requiredString("a").endRecord();
        RestSchemaRegistryClient client = client();

        assertThat(List.of(client.register("x-value", StreamEvent.getClassSchema()), client.register("y-value", other)))
                .containsExactly(7, 8);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
