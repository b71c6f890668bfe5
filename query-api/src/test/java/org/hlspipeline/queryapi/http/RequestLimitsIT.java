package org.hlspipeline.queryapi.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.hlspipeline.queryapi.testing.PipelineInstance;
import org.hlspipeline.queryapi.testing.TestPipeline;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The request size limits, at their edges: the request line (414), the headers together (431) and a body (413)
 * are refused with a problem body just past the limit and read just below it; a list in a body is bounded by the
 * body's limit. The server keeps answering after each. The limits are set small here, through the environment
 * variables' properties, to show that the settings are the ones that count.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RequestLimitsIT {

    private static final int LINE = 2048;
    private static final int HEADERS = 4096;
    private static final int BODY = 16 * 1024;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private PipelineInstance app;
    private int port;

    @BeforeAll
    void start(@TempDir Path dataDir) {
        app = PipelineInstance.start(TestPipeline.unique("limits"), dataDir, Map.of(
                "server.netty.max-initial-line-length", LINE + "B",
                "server.max-http-request-header-size", HEADERS + "B",
                "spring.http.codecs.max-in-memory-size", BODY + "B"));
        port = Integer.parseInt(app.baseUrl().substring(app.baseUrl().lastIndexOf(':') + 1));
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void aRequestLinePastItsLimitIs414WithAProblem() throws Exception {
        String prefix = "/streams/";
        // "GET " + path + " HTTP/1.1" is the line Netty measures.
        int room = LINE - "GET  HTTP/1.1".length() - prefix.length();
        assertThat(get(prefix + "a".repeat(room - 1), List.of()).status()).isEqualTo(404);
        assertProblem(get(prefix + "a".repeat(room + 64), List.of()), 414, "/problems/uri-too-long");
    }

    @Test
    void headersPastTheirLimitAre431WithAProblem() throws Exception {
        assertThat(get("/api/streams", List.of("X-Pad: " + "p".repeat(HEADERS / 2))).status()).isEqualTo(200);
        assertProblem(get("/api/streams", List.of("X-Pad: " + "p".repeat(HEADERS + 1))), 431,
                "/problems/headers-too-large");
        // Many small headers add up.
        List<String> many = IntStream.range(0, HEADERS / 16).mapToObj(i -> "X-Many: 0123456789")
                .toList();
        assertProblem(get("/api/streams", many), 431, "/problems/headers-too-large");
    }

    /** Every write that reads a body. */
    @ParameterizedTest
    @ValueSource(strings = {"POST /streams/big/renditions/r/segments", "PUT /streams/big/renditions/r",
        "POST /channels/big/commands", "POST /broadcasts"})
    void aBodyPastItsLimitIs413WithAProblem(String write) throws Exception {
        String[] methodAndPath = write.split(" ");
        // A JSON string of pad inside an object: valid JSON whatever its length, so below the limit the answer is
        // about the fields (400), never about the size.
        assertThat(post(methodAndPath, body(BODY)).status()).as("at the limit").isEqualTo(400);
        assertProblem(post(methodAndPath, body(BODY + 1)), 413, "/problems/body-too-large");
    }

    @Test
    void aLongListIsBoundedByTheBodyLimit() throws Exception {
        String[] path = {"POST", "/channels/lists/commands"};
        StringBuilder items = new StringBuilder("{\"type\":\"enqueue\",\"items\":[");
        while (items.length() < BODY) {
            items.append("{\"itemId\":\"i").append(items.length()).append("\"},");
        }
        items.setLength(items.length() - 1);
        items.append("]}");
        assertProblem(post(path, items.toString().getBytes(StandardCharsets.UTF_8)), 413, "/problems/body-too-large");
        // Below the limit, as many elements as fit: refused for what they say, not with a 5xx.
        String numbers = "{\"type\":\"enqueue\",\"items\":[" + "1,".repeat(BODY / 2 - 40) + "1]}";
        RawHttp.Response response = post(path, numbers.getBytes(StandardCharsets.UTF_8));
        assertThat(response.status()).as(response.text()).isEqualTo(400);
    }

    /**
     * A client that sent more than the server reads gets its answer, not a reset: the server closes its sending
     * half first and drains the rest (docs/operations.md, HTTP limits). The client reads only after the server has
     * counted its answer, when a server that closes at once has already reset the connection.
     */
    @ParameterizedTest
    @ValueSource(strings = {"414 GET line", "414 HEAD line", "431 GET headers",
        "413 POST /streams/big/renditions/r/segments", "404 POST /no/such/path"})
    void anAnswerSurvivesTheRequestBytesTheServerDidNotRead(String request) throws Exception {
        String[] words = request.split(" ");
        String status = words[0];
        int large = 256 * 1024;
        byte[] bytes = switch (words[2]) {
            case "line" -> RawHttp.request(words[1], "/streams/" + "a".repeat(large), List.of(), null);
            case "headers" -> RawHttp.request(words[1], "/api/streams", IntStream.range(0, large / 32)
                    .mapToObj(i -> "X-Pad-" + i + ": 0123456789abcdef").toList(), null);
            default -> RawHttp.request(words[1], words[2], List.of("Content-Type: application/json"), body(large));
        };
        MeterRegistry registry = app.bean(MeterRegistry.class);
        for (int attempt = 0; attempt < 3; attempt++) {
            double before = answered(registry, status);
            RawHttp.Response response = RawHttp.exchangeOnceAnswered(port, bytes, 15_000, () -> Awaitility
                    .await().atMost(Duration.ofSeconds(10)).until(() -> answered(registry, status) > before));
            assertThat(response.status()).as(request + ", attempt " + attempt).isEqualTo(Integer.parseInt(status));
        }
    }

    private static double answered(MeterRegistry registry, String status) {
        return registry.find("hls.requests").tag("status", status).counters().stream()
                .mapToDouble(Counter::count).sum();
    }

    private static byte[] body(int length) {
        String open = "{\"pad\":\"";
        String close = "\"}";
        return (open + "x".repeat(length - open.length() - close.length()) + close).getBytes(StandardCharsets.UTF_8);
    }

    private RawHttp.Response get(String path, List<String> headers) throws Exception {
        return RawHttp.exchange(port, RawHttp.request("GET", path, headers, null), 15_000);
    }

    private RawHttp.Response post(String[] methodAndPath, byte[] body) throws Exception {
        return RawHttp.exchange(port, RawHttp.request(methodAndPath[0], methodAndPath[1],
                List.of("Content-Type: application/json"), body), 15_000);
    }

    private void assertProblem(RawHttp.Response response, int status, String type) throws Exception {
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        assertThat(response.header("content-type")).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(problem.get("type").asString()).isEqualTo(type);
        assertThat(response.text()).doesNotContain("Exception", "at org.", "java.lang");
        assertThat(get("/actuator/health/readiness", List.of()).status()).as("answered after").isEqualTo(200);
    }
}
