package org.hlspipeline.queryapi.viewer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.hlspipeline.queryapi.testing.ChannelForms;
import org.hlspipeline.queryapi.testing.PipelineInstance;
import org.hlspipeline.queryapi.testing.TestPipeline;
import org.hlspipeline.tools.ProducerTools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.MediaType;

import tools.jackson.databind.json.JsonMapper;

/**
 * A channel alternating MPEG-TS and fMP4 items (ffmpeg's {@code -hls_segment_type fmp4}, imported with
 * {@code asset import}), played by hls.js in headless Chromium from the viewer page across both switches: into
 * the fMP4 item (its EXT-X-MAP after the discontinuity) and back out to MPEG-TS. The media comes from the app's
 * {@code /media/} in embedded mode, as in {@link ChannelBrowserIT}.
 */
class ChannelFmp4BrowserIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String CHANNEL = "mixed";

    @Test
    void hlsJsPlaysAChannelFromMpegTsIntoFmp4AndBack(@TempDir Path base) throws Exception {
        TestMedia.requireFfmpeg();
        HeadlessChromium.requireInstalled();
        Path media = Files.createDirectories(base.resolve("media"));
        try (PipelineInstance app = PipelineInstance.start(TestPipeline.unique("browser-fmp4"),
                Files.createDirectories(base.resolve("data")),
                Map.of("spring.kafka.bootstrap-servers", "", "hls.kafka-port", "0",
                        "hls.media-dir", media.toString()))) {
            Map<String, Object> slate = item(app, base, "slate", "color=c=navy", 220, "FILLER", false);
            Map<String, Object> ts1 = item(app, base, "ts1", "testsrc2", 440, "PROGRAM", false);
            Map<String, Object> cmaf = item(app, base, "cmaf", "smptehdbars", 660, "PROGRAM", true);
            Map<String, Object> ts2 = item(app, base, "ts2", "testsrc", 880, "PROGRAM", false);
            @SuppressWarnings("unchecked")
            Map<String, Object> cmafRendition = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>)
                    cmaf.get("vod")).get("renditions")).get(TestMedia.RENDITION);
            assertThat(cmafRendition).containsKey("map");

            post(app, Map.of("type", "configure", "targetDuration", 2, "windowSize", 6, "filler", slate,
                    "ladder", List.of(Map.of("name", TestMedia.RENDITION, "bandwidth", 1_000_000,
                            "resolution", TestMedia.RESOLUTION, "codecs", TestMedia.CODECS, "frameRate", 25))));
            String playlist = "/channels/" + CHANNEL + "/renditions/" + TestMedia.RENDITION + "/playlist.m3u8";
            await("the filler has aired two segments").atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(500)).until(() -> ServedPlaylists.segmentCount(app, playlist) >= 2);

            try (HeadlessChromium chromium = HeadlessChromium.start(base.resolve("chromedriver.log"))) {
                ViewerPage page = new ViewerPage(chromium, app.baseUrl());
                page.open("/?channel=" + CHANNEL);
                await("the filler plays").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                        .failFast("a fatal hls.js error",
                                () -> assertThat(page.fatalErrors()).as(page.recorded()).isEmpty())
                        .until(() -> itemsPlayed(page).contains("slate") && page.currentTime() > 0);

                post(app, Map.of("type", "enqueue", "items", List.of(ts1, cmaf, ts2)));
                await("MPEG-TS, fMP4 and MPEG-TS again play in turn").atMost(Duration.ofSeconds(90))
                        .pollInterval(Duration.ofMillis(500))
                        .failFast("a fatal hls.js error",
                                () -> assertThat(page.fatalErrors()).as(page.recorded()).isEmpty())
                        .until(() -> itemsPlayed(page).containsAll(List.of("ts1", "cmaf", "ts2")));
                double atTs2 = page.currentTime();
                await("playback goes on in the second MPEG-TS item").atMost(Duration.ofSeconds(20))
                        .pollInterval(Duration.ofMillis(250)).until(() -> page.currentTime() > atTs2 + 2);

                String why = "played " + page.playedSegments() + "\nerrors " + page.errors();
                assertThat(itemsPlayed(page)).as(why).containsSubsequence("slate", "ts1", "cmaf", "ts2");
                List<ViewerPage.PlayedSegment> played = page.playedSegments();
                for (int i = 1; i < played.size(); i++) {
                    ViewerPage.PlayedSegment before = played.get(i - 1);
                    ViewerPage.PlayedSegment after = played.get(i);
                    assertThat(after.currentTime()).as(why).isGreaterThan(before.currentTime());
                    if (!folder(after.url()).equals(folder(before.url()))) {
                        assertThat(after.discontinuity()).as("discontinuity count at %s; %s", after, why)
                                .isGreaterThan(before.discontinuity());
                    }
                }
                assertThat(played).as(why).anyMatch(s -> s.url().endsWith(".m4s"));
                assertThat(page.fetchedUrls()).as("hls.js fetched the initialisation section")
                        .anyMatch(url -> url.endsWith("/media/cmaf/" + TestMedia.RENDITION + "/init.mp4"));
                assertThat(page.fatalErrors()).as(why).isEmpty();
            }
        }
    }

    /** The assets the player went through, in order, each run of segments of one asset counted once. */
    private static List<String> itemsPlayed(ViewerPage page) {
        List<String> items = new ArrayList<>();
        for (ViewerPage.PlayedSegment segment : page.playedSegments()) {
            String item = folder(segment.url());
            if (items.isEmpty() || !items.get(items.size() - 1).equals(item)) {
                items.add(item);
            }
        }
        return items;
    }

    private static String folder(String url) {
        String path = url.substring(url.indexOf("/media/") + "/media/".length());
        return path.substring(0, path.indexOf('/'));
    }

    /** A 6 s asset in the media folder, in MPEG-TS or fMP4, as {@code asset import} describes it. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> item(PipelineInstance app, Path base, String itemId, String videoSource,
                                            int toneHz, String kind, boolean fmp4) {
        Path folder = base.resolve("media").resolve(itemId);
        if (fmp4) {
            TestMedia.vodFmp4(folder, videoSource, 6, toneHz);
        } else {
            TestMedia.vod(folder, videoSource, 6, toneHz);
        }
        Path descriptor = base.resolve(itemId + ".json");
        int exit = ProducerTools.run("asset", "import", folder.resolve("master.m3u8").toString(),
                "--base-url", app.baseUrl() + "/media/" + itemId + "/", "--output", descriptor.toString());
        assertThat(exit).as("asset import of %s", itemId).isZero();
        return ChannelForms.item(itemId, kind, itemId, JSON.readValue(descriptor.toFile(), Map.class));
    }

    private static void post(PipelineInstance app, Map<String, Object> command) {
        app.http().post().uri("/channels/{c}/commands", CHANNEL).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(command).exchange().expectStatus().isAccepted();
    }
}
