package org.hlspipeline.queryapi.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.hlspipeline.processor.hls.ParsedMediaPlaylist;
import org.hlspipeline.queryapi.testing.AppProcess;
import org.hlspipeline.queryapi.testing.DeadLetterTopic;
import org.hlspipeline.queryapi.testing.TestKafka;
import org.hlspipeline.queryapi.testing.TestPipeline;
import org.hlspipeline.queryapi.testing.TinyFilesystem;
import org.junit.jupiter.api.Test;

/**
 * An instance whose data directory is a small filesystem that fills up under load (docs/operations.md, "A full
 * disk"). Short of space, it pauses processing, says why in its health, keeps answering reads from its stores
 * and stays ready; writes go on to Kafka. Once there is room again it processes what waited, and every
 * acknowledged segment is served, none dead-lettered.
 */
class DiskFullIT {

    private static final int STREAMS = 40;
    private static final int MINIMUM_FREE_MB = 32;
    private static final Duration ROUND = Duration.ofSeconds(1);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void shortOfSpaceItPausesServesReadsAndLosesNothing() throws Exception {
        Path dir = FaultRuns.directory(DiskFullIT.class);
        TestPipeline pipeline = TestPipeline.unique("disk-full");
        try (TinyFilesystem disk = TinyFilesystem.mount(dir.resolve("tiny"), 160);
             AppProcess instance = AppProcess.start("app", dir, TestKafka.bootstrapServers(), environment(pipeline,
                     disk.path()))) {
            instance.awaitReady();
            long usedAtStart = 160L * 1024 * 1024 - disk.usableBytes();
            try (SegmentLoad load = new SegmentLoad(TestKafka.bootstrapServers(), pipeline.streamEvents(), "disk",
                    STREAMS, ROUND)) {
                await("every stream is served").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                        .until(() -> load.streams().stream().allMatch(s -> ServedPlaylists.body(instance, s) != null));
                PlaylistPoller viewers = new PlaylistPoller(instance.baseUrl(), load.streams());

                disk.fillLeaving((MINIMUM_FREE_MB / 2) * 1024L * 1024);
                String health = await("the instance reports the full disk").atMost(Duration.ofSeconds(20))
                        .pollInterval(Duration.ofMillis(200))
                        .until(() -> get(instance, "/actuator/health"), h -> h.contains("\"processing\":\"paused\""));
                String stream = load.streams().get(0);
                ParsedMediaPlaylist atPause = ServedPlaylists.playlist(instance, stream);
                long acknowledgedAtPause = load.acknowledged();
                await("segments acknowledged while paused").atMost(Duration.ofSeconds(30))
                        .until(() -> load.acknowledged() >= acknowledgedAtPause + STREAMS * 5L);
                ParsedMediaPlaylist whilePaused = ServedPlaylists.playlist(instance, stream);
                int healthStatus = status(instance, "/actuator/health");
                int readiness = status(instance, "/actuator/health/readiness");
                long freeWhilePaused = disk.usableBytes();

                disk.empty();
                long caughtUpMillis = ServedPlaylists.millisUntilCaughtUp(instance, load, System.nanoTime());
                viewers.close();
                int deadLetters;
                try (DeadLetterTopic dlq = new DeadLetterTopic(TestKafka.bootstrapServers(),
                        pipeline.deadLetters())) {
                    deadLetters = dlq.records().size();
                }
                System.out.printf("DiskFullIT: %d streams; %d KB of the data directory used once ready; paused with %d KB free; %d segment events acknowledged "
                                + "while paused, %d in all, %d failed; reads %d, failed %d, longest gap %d ms; "
                                + "health %d, readiness %d while paused; every acknowledged segment served %d ms "
                                + "after the space came back; dead letters %d%n", STREAMS, usedAtStart / 1024, freeWhilePaused / 1024,
                        load.acknowledged() - acknowledgedAtPause, load.acknowledged(), load.failed(),
                        viewers.polls(), viewers.failures(), viewers.longestGapMillis(), healthStatus, readiness,
                        caughtUpMillis, deadLetters);

                // RocksDB's 4 MB MANIFEST reservation per store took 157 MB here before CompactStoreFiles.
                assertThat(usedAtStart).as("bytes used once ready").isLessThan(MINIMUM_FREE_MB * 1024L * 1024);
                assertThat(health).contains("\"dataDirectory\"").contains("below HLS_DATA_DIR_MIN_FREE");
                assertThat(healthStatus).as("overall health while short of space").isEqualTo(503);
                assertThat(readiness).as("readiness while short of space").isEqualTo(200);
                assertThat(whilePaused.mediaSequence()).as("nothing processed while paused")
                        .isEqualTo(atPause.mediaSequence());
                assertThat(viewers.failures()).as("reads that failed").isZero();
                assertThat(viewers.breaches()).isEmpty();
                assertThat(load.failed()).isZero();
                assertThat(deadLetters).isZero();
                assertThat(instance.jvm().log()).doesNotContain("No space left on device")
                        .doesNotContain("Stream thread failed").contains("processing goes on");
                assertThat(status(instance, "/actuator/health")).isEqualTo(200);
            }
        }
    }

    private static Map<String, String> environment(TestPipeline pipeline, Path dataDir) {
        Map<String, String> env = new HashMap<>(pipeline.environment());
        env.put("HLS_DATA_DIR", dataDir.toString());
        env.put("HLS_DATA_DIR_MIN_FREE", MINIMUM_FREE_MB + "MB");
        env.put("HLS_STANDBY_REPLICAS", "0");
        return env;
    }

    private static String get(AppProcess instance, String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(instance.baseUrl() + path)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static int status(AppProcess instance, String path) {
        return instance.status(path);
    }
}
