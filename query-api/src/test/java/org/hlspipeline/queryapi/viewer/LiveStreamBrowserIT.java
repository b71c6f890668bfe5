package org.hlspipeline.queryapi.viewer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.hlspipeline.queryapi.kafka.KafkaConnection;
import org.hlspipeline.queryapi.testing.PipelineInstance;
import org.hlspipeline.queryapi.testing.TestPipeline;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * A live stream, end to end with real programs: ffmpeg encodes a live test signal into a folder in real time,
 * {@code producer-tools tail} follows ffmpeg's master playlist and publishes each segment, and hls.js in headless
 * Chromium plays the stream's playlist from the application, picked from the viewer page's list.
 *
 * <p>The application runs as the README's walk-through runs it: embedded mode (its own broker) with
 * {@code HLS_MEDIA_DIR} set, so {@code /media/} serves ffmpeg's segments from the same origin as the playlists.
 * That is the honest setup: {@code /media/} exists only in embedded mode, and a second web server in the test
 * would prove something nobody runs.
 */
class LiveStreamBrowserIT {

    private static final Logger log = LoggerFactory.getLogger(LiveStreamBrowserIT.class);
    private static final String STREAM = "live";
    /** The playing time that must pass, as the issue asks: at least 15 s. */
    private static final Duration WATCH = Duration.ofSeconds(18);

    @Test
    void aLiveStreamFromFfmpegPlaysInChromiumFromTheViewerPage(@TempDir Path base) throws Exception {
        TestMedia.requireFfmpeg();
        HeadlessChromium.requireInstalled();
        Path media = Files.createDirectories(base.resolve("media"));
        TestPipeline pipeline = TestPipeline.unique("browser-live");
        try (PipelineInstance app = PipelineInstance.start(pipeline, Files.createDirectories(base.resolve("data")),
                Map.of("spring.kafka.bootstrap-servers", "", "hls.kafka-port", "0",
                        "hls.media-dir", media.toString()));
             LiveTranscoder transcoder = LiveTranscoder.start(media.resolve(STREAM),
                     app.baseUrl() + "/media/" + STREAM + "/", STREAM,
                     app.bean(KafkaConnection.class).bootstrapServers(), pipeline.streamEvents())) {

            // Three segments (6 s) in the stream's playlist: enough for a player to start behind the live edge.
            String playlist = "/streams/" + STREAM + "/renditions/" + TestMedia.RENDITION + "/playlist.m3u8";
            await("the stream's playlist has three segments").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(500))
                    .failFast("the transcoder stopped", () -> assertThat(transcoder.running())
                            .as(transcoder.describe()).isTrue())
                    .until(() -> ServedPlaylists.segmentCount(app, playlist) >= 3);

            try (HeadlessChromium chromium = HeadlessChromium.start(base.resolve("chromedriver.log"))) {
                ViewerPage page = new ViewerPage(chromium, app.baseUrl());
                page.open("/");
                page.clickPlay("stream", STREAM);
                assertThat(page.listedRow("stream", STREAM)).contains("live").contains(TestMedia.RENDITION);

                await("playback starts").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                        .failFast("a fatal hls.js error",
                                () -> assertThat(page.fatalErrors()).as(page.recorded()).isEmpty())
                        .until(() -> page.currentTime() > 0 && !page.paused());

                PlaybackClock clock = new PlaybackClock(page);
                long deadline = System.nanoTime() + WATCH.toNanos();
                while (System.nanoTime() < deadline) {
                    clock.sample();
                    assertThat(page.fatalErrors()).as("fatal hls.js errors; %s", page.recorded()).isEmpty();
                    Thread.sleep(500);
                }
                clock.sample();

                String why = "playback" + clock + "\n" + page.recorded() + "\n" + transcoder.describe();
                log.info("What the browser did: {}", why);
                assertThat(clock.wallSeconds()).isGreaterThanOrEqualTo(15);
                // Real time: about a second of media per second watched, and never stuck for long.
                assertThat(clock.advanced()).as(why).isGreaterThanOrEqualTo(0.8 * clock.wallSeconds());
                assertThat(clock.longestStall()).as(why).isLessThan(3);
                assertThat(page.fatalErrors()).as(why).isEmpty();

                // It played the master playlist that tail's rendition info made, segment after segment, from the
                // media folder.
                assertThat(page.source()).isEqualTo("/streams/" + STREAM + "/master.m3u8");
                List<ViewerPage.PlayedSegment> played = page.playedSegments();
                assertThat(played).as(why).hasSizeGreaterThanOrEqualTo(7);
                for (int i = 1; i < played.size(); i++) {
                    assertThat(played.get(i).sequence()).as(why).isEqualTo(played.get(i - 1).sequence() + 1);
                }
                assertThat(played).allSatisfy(s -> assertThat(s.url())
                        .startsWith(app.baseUrl() + "/media/" + STREAM + "/" + TestMedia.RENDITION + "/seg"));

                // The page shows the media playlist the player follows, with the playing segment marked, and where
                // the player is.
                assertThat(page.playlistText()).startsWith("#EXTM3U").contains("#EXT-X-MEDIA-SEQUENCE:");
                assertThat(page.markedLine()).as("marked playlist line").isNotNull()
                        .startsWith(app.baseUrl() + "/media/" + STREAM + "/");
                assertThat(page.position("segment")).startsWith("#");
                assertThat(page.position("latency")).contains(" s (target ");

                // Everything came from the application itself: the page, hls.js, the API, playlists, segments.
                List<String> fetched = page.fetchedUrls();
                assertThat(fetched).allSatisfy(url -> assertThat(url).startsWith(app.baseUrl() + "/"));
                assertThat(fetched).anyMatch(url -> url.endsWith("/vendor/hls.js/hls.min.js"))
                        .anyMatch(url -> url.contains("/media/" + STREAM + "/"));
            }
            assertThat(transcoder.running()).as("still live: %s", transcoder.describe()).isTrue();
        }
    }
}
