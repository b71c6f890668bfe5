package org.hlspipeline.queryapi.kafka;

import static org.awaitility.Awaitility.await;
import static org.hlspipeline.queryapi.testing.HttpPlaylists.mediaPath;
import static org.hlspipeline.queryapi.testing.HttpPlaylists.playlist;
import static org.hlspipeline.queryapi.testing.HttpPlaylists.register;
import static org.hlspipeline.queryapi.testing.HttpPlaylists.registered;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.hlspipeline.queryapi.broker.BrokerSettings;
import org.hlspipeline.queryapi.broker.EmbeddedKafkaBroker;
import org.hlspipeline.queryapi.testing.PipelineInstance;
import org.hlspipeline.queryapi.testing.TestPipeline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * With its broker gone, an instance answers writes 503 with Retry-After (the client may retry) within the
 * producer's bounded wait, and still serves the playlists it holds, also while such writes are waiting. When the
 * broker is back, the same write goes through and reaches the playlist.
 */
class KafkaOutageIT {

    /** More connections than the HTTP server has event loops (at least 4), so that every loop gets writes. */
    private static final int WAITING_WRITES = 12;

    private static final String CONFIGURE = """
            {"type": "configure", "ladder": [{"name": "720p", "bandwidth": 2500000, "resolution": "1280x720",
             "codecs": "avc1.4d401f,mp4a.40.2", "frameRate": 25}], "targetDuration": 2}""";

    @Test
    void writesAnswer503AndReadsKeepWorkingWhileKafkaIsDownThenRecover(@TempDir Path brokerDir,
                                                                       @TempDir Path dataDir) throws Exception {
        BrokerSettings settings = BrokerSettings.forTests(brokerDir);
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(settings);
        int port = broker.port();
        PipelineInstance app = PipelineInstance.start(TestPipeline.unique("outage"), dataDir,
                Map.of("spring.kafka.bootstrap-servers", broker.bootstrapServers()));
        try {
            registered(app.http(), "outage", "720p", 1);
            byte[] before = app.http().get().uri(mediaPath("outage", "720p")).exchange().expectStatus().isOk()
                    .expectBody().returnResult().getResponseBody();

            broker.close();

            readsStayQuickWhileChannelCommandsWaitForKafka(app);

            register(app.http(), "outage", "720p", 2).expectStatus().isEqualTo(503)
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "1")
                    .expectBody().jsonPath("$.type").isEqualTo("/problems/kafka-unavailable");
            app.http().get().uri(mediaPath("outage", "720p")).exchange().expectStatus().isOk()
                    .expectBody(byte[].class).isEqualTo(before);

            // The broker comes back on the same address and storage: the client retrying on 503 gets through.
            broker = EmbeddedKafkaBroker.start(settings.withPort(port));
            await("a write accepted once Kafka is back").atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> register(app.http(), "outage", "720p", 2).expectStatus().is2xxSuccessful());
            await("the segment written after the outage in the playlist").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(200))
                    .untilAsserted(() -> assertThat(playlist(app.http(), "outage", "720p")).contains("/segments/2.ts"));
        } finally {
            // The app goes first, while Kafka is reachable: a Kafka Streams closed without its broker cannot
            // finish leaving the group, and its threads would outlive the test.
            app.close();
            broker.close();
        }
    }

    /**
     * This instance has written no channel command yet, so for each one the producer must first learn that
     * topic's partitions from Kafka, which is gone, and waits its max.block.ms (5 s): off the event loops, so a
     * playlist read on another connection meanwhile answers at once.
     */
    private static void readsStayQuickWhileChannelCommandsWaitForKafka(PipelineInstance app) throws IOException {
        int port = Integer.parseInt(app.baseUrl().substring(app.baseUrl().lastIndexOf(':') + 1));
        List<Socket> writers = new ArrayList<>();
        try {
            for (int i = 0; i < WAITING_WRITES; i++) {
                Socket writer = new Socket("127.0.0.1", port);
                writer.setSoTimeout(30_000);
                writers.add(writer);
                send(writer, post("/channels/outage-" + i + "/commands", CONFIGURE));
            }
            // Reads one after another for 3 s, well within the writes' wait.
            long slowest = 0;
            long until = System.nanoTime() + 3_000_000_000L;
            while (System.nanoTime() < until) {
                long started = System.nanoTime();
                try (Socket reader = new Socket("127.0.0.1", port)) {
                    reader.setSoTimeout(30_000);
                    send(reader, "GET " + mediaPath("outage", "720p") + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                            + "Connection: close\r\n\r\n");
                    assertThat(statusLine(reader.getInputStream())).startsWith("HTTP/1.1 200");
                }
                slowest = Math.max(slowest, System.nanoTime() - started);
            }
            assertThat(Duration.ofNanos(slowest)).as("slowest playlist read while writes wait for Kafka")
                    .isLessThan(Duration.ofMillis(2_500));
            for (Socket writer : writers) {
                assertThat(statusLine(writer.getInputStream())).startsWith("HTTP/1.1 503");
            }
        } finally {
            for (Socket writer : writers) {
                writer.close();
            }
        }
    }

    private static String post(String path, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + body.length + "\r\n\r\n" + json;
    }

    private static void send(Socket socket, String request) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(request.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static String statusLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("connection closed before the status line");
            }
            line.append((char) b);
        }
        return line.toString().strip();
    }
}
