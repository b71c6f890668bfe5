package org.hlspipeline.queryapi.viewer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hlspipeline.queryapi.viewer.ChannelBrowserIT.folder;
import static org.hlspipeline.queryapi.viewer.ChannelBrowserIT.itemsPlayed;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
 * A channel of fMP4 items (ffmpeg's {@code -hls_segment_type fmp4}, imported with {@code asset import}), played by
 * hls.js in headless Chromium from the viewer page across two changes of initialisation section: each item's
 * EXT-X-MAP after its discontinuity. The media comes from the app's {@code /media/} in embedded mode, as in
 * {@link ChannelBrowserIT}.
 *
 * <p>Not an MPEG-TS item beside them: hls.js 1.4 feeds transmuxed MPEG-TS into separate audio and video source
 * buffers and ffmpeg's muxed fMP4 into one, and cannot change between the two in one playback; it stalls at such
 * a switch (docs/architecture.md, Known limitations).
 */
class ChannelFmp4BrowserIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String CHANNEL = "cmaf";

    @Test
    void hlsJsPlaysAChannelOfFmp4ItemsAcrossItsChangesOfMap(@TempDir Path base) throws Exception {
        TestMedia.requireFfmpeg();
        HeadlessChromium.requireInstalled();
        Path media = Files.createDirectories(base.resolve("media"));
        try (PipelineInstance app = PipelineInstance.start(TestPipeline.unique("browser-fmp4"),
                Files.createDirectories(base.resolve("data")),
                Map.of("spring.kafka.bootstrap-servers", "", "hls.kafka-port", "0",
                        "hls.media-dir", media.toString()))) {
            Map<String, Object> slate = item(app, base, "slate", "color=c=navy", 220, "FILLER");
            Map<String, Object> ep1 = item(app, base, "ep1", "testsrc2", 440, "PROGRAM");
            Map<String, Object> cmaf = item(app, base, "cmaf", "smptehdbars", 660, "PROGRAM");
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

                post(app, Map.of("type", "enqueue", "items", List.of(ep1, cmaf)));
                try {
                    await("the two fMP4 items play in turn").atMost(Duration.ofSeconds(90))
                            .pollInterval(Duration.ofMillis(500))
                            .failFast("a fatal hls.js error",
                                    () -> assertThat(page.fatalErrors()).as(page.recorded()).isEmpty())
                            .until(() -> itemsPlayed(page).containsAll(List.of("ep1", "cmaf")));
                } catch (org.awaitility.core.ConditionTimeoutException e) {
                    throw new AssertionError("played " + itemsPlayed(page) + " at " + page.currentTime() + " s\n"
                            + page.recorded() + "\nplaylist " + page.playlistText(), e);
                }
                double atSwitch = page.currentTime();
                await("playback goes on in the second item").atMost(Duration.ofSeconds(20))
                        .pollInterval(Duration.ofMillis(250)).until(() -> page.currentTime() > atSwitch + 2);

                String why = "played " + page.playedSegments() + "\nerrors " + page.errors();
                assertThat(itemsPlayed(page)).as(why).containsSubsequence("slate", "ep1", "cmaf");
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
                assertThat(played).as(why).allMatch(s -> s.url().endsWith(".m4s"));
                assertThat(page.fetchedUrls()).as("hls.js fetched each item's initialisation section")
                        .anyMatch(url -> url.endsWith("/media/ep1/" + TestMedia.RENDITION + "/init.mp4"))
                        .anyMatch(url -> url.endsWith("/media/cmaf/" + TestMedia.RENDITION + "/init.mp4"));
                assertThat(page.fatalErrors()).as(why).isEmpty();
            }
        }
    }

    /** A 6 s fMP4 asset in the media folder, as {@code asset import} describes it. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> item(PipelineInstance app, Path base, String itemId, String videoSource,
                                            int toneHz, String kind) {
        Path folder = base.resolve("media").resolve(itemId);
        TestMedia.vodFmp4(folder, videoSource, 6, toneHz);
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
