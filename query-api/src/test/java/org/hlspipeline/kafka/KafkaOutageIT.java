package org.hlspipeline.kafka;

import static org.hlspipeline.testing.HttpPlaylists.mediaPath;
import static org.hlspipeline.testing.HttpPlaylists.register;
import static org.hlspipeline.testing.HttpPlaylists.registered;

import java.nio.file.Path;
import java.util.Map;

import org.hlspipeline.broker.EmbeddedKafkaBroker;
import org.hlspipeline.testing.PipelineInstance;
import org.hlspipeline.testing.TestPipeline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * With its broker gone, an instance answers writes 503 with Retry-After (the client may retry) within the
 * producer's bounded wait, and still serves the playlists it holds.
 */
class KafkaOutageIT {

    @Test
    void writesAnswer503AndReadsKeepWorkingWhileKafkaIsDown(@TempDir Path brokerDir, @TempDir Path dataDir) {
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(EmbeddedKafkaBroker.Settings.forTests(brokerDir));
        try (PipelineInstance app = PipelineInstance.start(TestPipeline.unique("outage"), dataDir,
                Map.of("spring.kafka.bootstrap-servers", broker.bootstrapServers()))) {
            registered(app.http(), "outage", "720p", 1);
            byte[] before = app.http().get().uri(mediaPath("outage", "720p")).exchange().expectStatus().isOk()
                    .expectBody().returnResult().getResponseBody();

            broker.close();

            register(app.http(), "outage", "720p", 2).expectStatus().isEqualTo(503)
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "1")
                    .expectBody().jsonPath("$.type").isEqualTo("/problems/kafka-unavailable");
            app.http().get().uri(mediaPath("outage", "720p")).exchange().expectStatus().isOk()
                    .expectBody(byte[].class).isEqualTo(before);
        } finally {
            broker.close();
        }
    }
}
