package org.hlspipeline.queryapi.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hlspipeline.queryapi.testing.PipelineInstance;
import org.hlspipeline.queryapi.testing.TestPipeline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code hls_requests_total} counts every answered request once, by route pattern and status: good ones, those
 * no route matches, those a filter refuses (401), those Spring refuses (405 and 406 while matching, under the
 * route whose path matched; 415 and 400 for a body it cannot read), and those Reactor Netty refuses before Spring sees them (400 for a broken request line, 414, 431).
 * Before, it counted in a filter: Netty's refusals were missing and nothing said route or status.
 */
class RequestCountIT {

    private static final String TOKEN = "count-token";
    private static final String SEGMENTS = "/streams/{streamId}/renditions/{rendition}/segments";
    private static final String PLAYLIST = "/streams/{streamId}/renditions/{rendition}/playlist.m3u8";

    @Test
    void everyAnsweredRequestCountsOnceByRouteAndStatus(@TempDir Path dataDir) throws Exception {
        try (PipelineInstance app = PipelineInstance.start(TestPipeline.unique("count"), dataDir,
                Map.of("hls.security.write-tokens", TOKEN))) {
            int port = Integer.parseInt(app.baseUrl().substring(app.baseUrl().lastIndexOf(':') + 1));
            MeterRegistry registry = app.bean(MeterRegistry.class);
            Map<String, Double> before = counts(registry);

            List<Sent> sent = new ArrayList<>();
            String auth = "Authorization: Bearer " + TOKEN;
            String json = "Content-Type: application/json";
            byte[] segment = "{\"sequence\":0,\"duration\":2.0,\"path\":\"/0.ts\"}".getBytes(StandardCharsets.UTF_8);
            sent.add(send(port, request("POST", "/streams/c/renditions/r/segments", List.of(auth, json), segment),
                    SEGMENTS, 201));
            sent.add(send(port, request("GET", "/streams/c/renditions/r/playlist.m3u8", List.of(), null),
                    PLAYLIST, 200));
            sent.add(send(port, request("HEAD", "/streams/c/renditions/r/playlist.m3u8", List.of(), null),
                    PLAYLIST, 200));
            sent.add(send(port, request("GET", "/streams/none/renditions/r/playlist.m3u8", List.of(), null),
                    PLAYLIST, 404));
            sent.add(send(port, request("GET", "/no/such/path-42", List.of(), null), AnsweredRequests.UNKNOWN, 404));
            // The token is checked before routing.
            sent.add(send(port, request("POST", "/streams/c/renditions/r/segments", List.of(json), segment),
                    AnsweredRequests.UNKNOWN, 401));
            sent.add(send(port, request("PATCH", "/streams/c/renditions/r/playlist.m3u8", List.of(), null),
                    PLAYLIST, 405));
            sent.add(send(port, request("GET", "/api/streams", List.of("Accept: image/png"), null),
                    "/api/streams", 406));
            sent.add(send(port, request("POST", "/streams/c/renditions/r/segments", List.of(auth, json),
                    "{\"sequence\":".getBytes(StandardCharsets.UTF_8)), SEGMENTS, 400));
            sent.add(send(port, request("POST", "/streams/c/renditions/r/segments",
                    List.of(auth, "Content-Type: text/plain"), segment), SEGMENTS, 415));
            sent.add(send(port, "GET /a b c d\r\n\r\n".getBytes(StandardCharsets.US_ASCII),
                    AnsweredRequests.UNKNOWN, 400));
            sent.add(send(port, request("GET", "/" + "x".repeat(5000), List.of(), null),
                    AnsweredRequests.UNKNOWN, 414));
            sent.add(send(port, request("GET", "/api/streams", List.of("X-Big: " + "y".repeat(9000)), null),
                    AnsweredRequests.UNKNOWN, 431));

            Map<String, Double> after = counts(registry);
            assertThat(total(after) - total(before)).as("requests counted for %d sent", sent.size())
                    .isEqualTo(sent.size());
            Map<String, Integer> expected = new LinkedHashMap<>();
            sent.forEach(s -> expected.merge(s.route() + " " + s.status(), 1, Integer::sum));
            expected.forEach((key, count) -> assertThat(after.getOrDefault(key, 0d) - before.getOrDefault(key, 0d))
                    .as(key + " in " + after).isEqualTo(count.doubleValue()));
            assertThat(after.keySet()).as("no raw path as a route").noneMatch(k -> k.contains("path-42"));
        }
    }

    private static Sent send(int port, byte[] request, String route, int status) throws Exception {
        RawHttp.Response response = RawHttp.exchange(port, request, 15_000);
        assertThat(response.status()).as(new String(request, 0, Math.min(request.length, 80),
                StandardCharsets.ISO_8859_1)).isEqualTo(status);
        return new Sent(route, status);
    }

    private static byte[] request(String method, String path, List<String> headers, byte[] body) {
        return RawHttp.request(method, path, headers, body);
    }

    /** {@code "route status"} to count, over every {@code hls.requests} counter. */
    private static Map<String, Double> counts(MeterRegistry registry) {
        Map<String, Double> counts = new LinkedHashMap<>();
        for (Counter counter : registry.find("hls.requests").counters()) {
            counts.merge(counter.getId().getTag("route") + " " + counter.getId().getTag("status"),
                    counter.count(), Double::sum);
        }
        return counts;
    }

    private static double total(Map<String, Double> counts) {
        return counts.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    private record Sent(String route, int status) {
    }
}
