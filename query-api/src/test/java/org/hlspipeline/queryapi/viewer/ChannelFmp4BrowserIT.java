package org.hlspipeline.queryapi.viewer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hlspipeline.queryapi.viewer.ChannelBrowserIT.assertEachItemChangeIsADiscontinuity;
import static org.hlspipeline.queryapi.viewer.ChannelBrowserIT.folder;
import static org.hlspipeline.queryapi.viewer.ChannelBrowserIT.itemsPlayed;
import static org.hlspipeline.queryapi.viewer.ChannelBrowserIT.openWhileFillerPlays;
import static org.hlspipeline.queryapi.viewer.ChannelBrowserIT.startEmbedded;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.hlspipeline.queryapi.testing.ChannelForms;
import org.hlspipeline.queryapi.testing.PipelineInstance;
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
        try (PipelineInstance app = startEmbedded(base, "browser-fmp4")) {
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
            ServedPlaylists.awaitAired(app, CHANNEL, TestMedia.RENDITION, 2);

            try (HeadlessChromium chromium = HeadlessChromium.start(base.resolve("chromedriver.log"))) {
                ViewerPage page = openWhileFillerPlays(chromium, app, CHANNEL, "slate");

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
                assertEachItemChangeIsADiscontinuity(played, why);
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
                .bodyValue(command).exchange().expectStatus().isAccepted().expectBody(Void.class);
    }
}
