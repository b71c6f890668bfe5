package org.hlspipeline.queryapi.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.hlspipeline.processor.hls.HlsRules;
import org.hlspipeline.queryapi.testing.PipelineInstance;
import org.hlspipeline.queryapi.testing.TestPipeline;
import org.hlspipeline.queryapi.viewer.HeadlessChromium;
import org.hlspipeline.queryapi.viewer.PlaybackClock;
import org.hlspipeline.queryapi.viewer.ViewerPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * hls.js in headless Chromium, the viewer page's player, plays live streams in the media that ffmpeg plays in
 * {@link FfmpegPlaysItIT}, from the same setup ({@link TailedLive}): fMP4 segments with their initialisation
 * section, AES-128 encrypted segments with the key fetched from the origin, and byte-range segments of one file.
 * The page and the playlists come from the app, the media from the origin ({@link MediaServer}), another origin,
 * as a CDN would serve them.
 *
 * <p>Each stream is watched only until it has played over {@value #SEGMENTS} segments: browser time is the
 * slowest in the build.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiveMediaBrowserIT {

    /** Segments the player must have moved through, one after the other, in real time. */
    private static final int SEGMENTS = 4;

    private PipelineInstance app;
    private TestPipeline pipeline;
    private HeadlessChromium chromium;

    @BeforeAll
    void start(@TempDir Path dataDir) {
        HeadlessChromium.requireInstalled();
        pipeline = TestPipeline.unique("browser-media");
        app = PipelineInstance.start(pipeline, dataDir);
        chromium = HeadlessChromium.start(dataDir.resolve("chromedriver.log"));
    }

    @AfterAll
    void stop() {
        try (PipelineInstance closing = app) {
            if (chromium != null) {
                chromium.close();
            }
        }
    }

    @Test
    void anFmp4StreamPlaysWithItsInitialisationSection(@TempDir Path folder) throws Exception {
        try (TailedLive live = TailedLive.start(folder, app, pipeline.streamEvents(), "browser-fmp4",
                TestMedia::liveFmp4)) {
            assertThat(live.awaitPlaylist(3)).contains("#EXT-X-MAP:URI=\"" + live.origin().url("init.mp4") + "\"");

            List<ViewerPage.PlayedSegment> played = watch(live, "browser-fmp4");

            assertThat(played).allSatisfy(s -> assertThat(s.url()).endsWith(".m4s"));
            assertThat(live.origin().served()).as("hls.js fetched the initialisation section")
                    .anyMatch(s -> s.path().equals("/init.mp4") && s.status() == 200);
        }
    }

    /**
     * Segments that only the key makes playable: had hls.js ignored EXT-X-KEY, it would not have fetched the key
     * and could not have played them.
     */
    @Test
    void anEncryptedStreamPlaysWithItsKeyFromTheOrigin(@TempDir Path folder) throws Exception {
        try (TailedLive live = TailedLive.start(folder, app, pipeline.streamEvents(), "browser-aes",
                TestMedia::liveEncrypted)) {
            assertThat(live.awaitPlaylist(3))
                    .contains("#EXT-X-KEY:METHOD=AES-128,URI=\"" + live.origin().url("enc.key") + "\"");
            assertThat(live.origin().served()).as("nothing fetched the key before the player")
                    .noneMatch(s -> s.path().equals("/enc.key"));

            watch(live, "browser-aes");

            assertThat(live.origin().served()).as("hls.js fetched the key")
                    .anyMatch(s -> s.method().equals("GET") && s.path().equals("/enc.key") && s.status() == 200);
        }
    }

    /** hls.js asks the origin for each segment's range of {@code media.ts}, and for nothing else of it. */
    @Test
    void aByteRangeStreamPlaysFromRangesOfOneFile(@TempDir Path folder) throws Exception {
        try (TailedLive live = TailedLive.start(folder, app, pipeline.streamEvents(), "browser-ranges",
                (f, seconds) -> TestMedia.liveSingleFile(f, seconds, "mpegts"))) {
            HlsRules.assertValidMediaPlaylist(live.awaitPlaylist(3));

            watch(live, "browser-ranges");

            ByteRanges.assertOnlyRangesFetched(live.origin(), "/media.ts",
                    Files.readString(folder.resolve("index.m3u8"), StandardCharsets.UTF_8), SEGMENTS);
        }
    }

    /**
     * Plays the stream from the viewer page until the player has moved through {@value #SEGMENTS} successive
     * segments and its position has advanced over at least three of them (6 s) in real time, without a fatal
     * hls.js error and without standing still for long. Returns the segments played.
     */
    private List<ViewerPage.PlayedSegment> watch(TailedLive live, String stream) {
        ViewerPage page = new ViewerPage(chromium, app.baseUrl());
        page.open("/");
        page.clickPlay("stream", stream);
        await("playback starts").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .failFast("a fatal hls.js error", () -> assertThat(page.fatalErrors()).as(page.recorded()).isEmpty())
                .until(() -> page.currentTime() > 0 && !page.paused());
        PlaybackClock clock = new PlaybackClock(page);
        clock.sample();
        double minimum = (SEGMENTS - 1) * TestMedia.SEGMENT_SECONDS;
        await(SEGMENTS + " segments played").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .failFast("a fatal hls.js error", () -> assertThat(page.fatalErrors()).as(page.recorded()).isEmpty())
                .until(() -> {
                    clock.sample();
                    return clock.advanced() >= minimum && page.playedSegments().size() >= SEGMENTS;
                });

        String why = "playback" + clock + "\n" + page.recorded();
        assertThat(page.fatalErrors()).as(why).isEmpty();
        // Real time: never stuck for a segment's length; about a second of media per second watched.
        assertThat(clock.longestStall()).as(why).isLessThan(TestMedia.SEGMENT_SECONDS);
        assertThat(clock.advanced()).as(why).isGreaterThanOrEqualTo(0.8 * clock.wallSeconds());
        List<ViewerPage.PlayedSegment> played = page.playedSegments();
        for (int i = 1; i < played.size(); i++) {
            assertThat(played.get(i).sequence()).as(why).isEqualTo(played.get(i - 1).sequence() + 1);
        }
        assertThat(played).as(why).allSatisfy(s -> assertThat(s.url()).startsWith(live.origin().url("")));
        assertThat(live.live()).as("the stream was still live while played").isTrue();
        return played;
    }
}
