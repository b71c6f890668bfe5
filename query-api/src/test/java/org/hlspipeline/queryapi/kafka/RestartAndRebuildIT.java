package org.hlspipeline.queryapi.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hlspipeline.queryapi.testing.HttpPlaylists.end;
import static org.hlspipeline.queryapi.testing.HttpPlaylists.mediaPath;
import static org.hlspipeline.queryapi.testing.HttpPlaylists.register;
import static org.hlspipeline.queryapi.testing.HttpPlaylists.snapshot;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.hlspipeline.queryapi.testing.Directories;
import org.hlspipeline.queryapi.testing.PipelineInstance;
import org.hlspipeline.queryapi.testing.TestPipeline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * State survives: a restart keeps it, a lost state directory is restored from the changelogs, and a fresh
 * application replaying the topics from the start rebuilds the same playlists, byte for byte.
 */
class RestartAndRebuildIT {

    private static final List<String> PLAYLISTS = List.of(
            mediaPath("rebuild-a", "720p"), mediaPath("rebuild-a", "480p"),
            mediaPath("rebuild-b", "720p"), mediaPath("rebuild-ended", "720p"));

    @Test
    void restartLostStateAndAFullReplayAllServeTheSamePlaylists(@TempDir Path dataDir, @TempDir Path freshDir)
            throws IOException {
        TestPipeline pipeline = TestPipeline.unique("rebuild");
        Map<String, String> before;
        try (PipelineInstance app = PipelineInstance.start(pipeline, dataDir)) {
            write(app.http());
            before = snapshot(app.http(), PLAYLISTS);
        }
        assertThat(before.get(mediaPath("rebuild-a", "720p"))).contains("/segments/9.ts");

        try (PipelineInstance restarted = PipelineInstance.start(pipeline, dataDir)) {
            assertThat(snapshot(restarted.http(), PLAYLISTS)).isEqualTo(before);
        }

        Directories.delete(dataDir.resolve("streams"));
        try (PipelineInstance restored = PipelineInstance.start(pipeline, dataDir)) {
            assertThat(snapshot(restored.http(), PLAYLISTS)).isEqualTo(before);
        }

        TestPipeline replay = pipeline.withApplicationId(pipeline.applicationId() + "-replay");
        try (PipelineInstance rebuilt = PipelineInstance.start(replay, freshDir)) {
            // Until the replay has caught up, some playlists are still missing (404) or behind. untilAsserted makes
            // a timeout report the last answer, not only "false".
            org.awaitility.Awaitility.await("replay caught up").atMost(java.time.Duration.ofSeconds(60))
                    .pollInterval(java.time.Duration.ofMillis(200))
                    .ignoreExceptions().untilAsserted(() -> assertThat(snapshot(rebuilt.http(), PLAYLISTS)).isEqualTo(before));
        }
    }

    /** Windows that slid, a gap filled out of order, two renditions, an ended stream, a duplicate. */
    private static void write(WebTestClient http) {
        for (long s = 1; s <= 9; s++) {
            if (s != 5) {
                register(http, "rebuild-a", "720p", s).expectStatus().isCreated().expectBody(Void.class);
            }
        }
        register(http, "rebuild-a", "720p", 5).expectStatus().isCreated().expectBody(Void.class);
        register(http, "rebuild-a", "720p", 9).expectStatus().isCreated().expectBody(Void.class);
        for (long s = 1; s <= 4; s++) {
            register(http, "rebuild-a", "480p", s, 2.0, "/480/" + s + ".ts").expectStatus().isCreated()
                    .expectBody(Void.class);
            register(http, "rebuild-b", "720p", 100 + s, 1.5, "/b/" + s + ".ts").expectStatus().isCreated()
                    .expectBody(Void.class);
        }
        register(http, "rebuild-ended", "720p", 1).expectStatus().isCreated().expectBody(Void.class);
        end(http, "rebuild-ended");
    }
}
