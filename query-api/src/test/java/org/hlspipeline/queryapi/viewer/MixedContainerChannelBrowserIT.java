package org.hlspipeline.queryapi.viewer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hlspipeline.queryapi.viewer.ChannelBrowserIT.assertEachItemChangeIsADiscontinuity;
import static org.hlspipeline.queryapi.viewer.ChannelBrowserIT.folder;
import static org.hlspipeline.queryapi.viewer.ChannelBrowserIT.itemsPlayed;
import static org.hlspipeline.queryapi.viewer.ChannelBrowserIT.openWhileFillerPlays;
import static org.hlspipeline.queryapi.viewer.ChannelBrowserIT.startEmbedded;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hlspipeline.queryapi.testing.ChannelForms;
import org.hlspipeline.queryapi.testing.PipelineInstance;
import org.hlspipeline.tools.ProducerTools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;

import tools.jackson.databind.json.JsonMapper;

/**
 * A channel that alternates MPEG-TS and fMP4 items, played by hls.js in headless Chromium from the viewer page
 * across both changes of container: an MPEG-TS item, an fMP4 item (its EXT-X-MAP after the discontinuity), and an
 * MPEG-TS item again, after an MPEG-TS filler.
 *
 * <p>The media is demuxed, as the channel's ladder says: the picture in the variant {@value TestMedia#RENDITION},
 * the sound in the AUDIO rendition {@value TestMedia#AUDIO_RENDITION} of group {@value #AUDIO_GROUP}. Then hls.js
 * keeps one video and one audio source buffer whichever container a segment comes in. Muxed, it gives MPEG-TS
 * separate audio and video buffers but ffmpeg's fMP4 (both in one initialisation section) a single one, cannot
 * change between the two in one playback, and stalls (docs/architecture.md, Known limitations).
 *
 * <p>Each rendition of an asset is imported on its own with {@code asset import}: ffmpeg's AAC segments run a few
 * milliseconds over the picture's 2 s (whole AAC frames), more than the 1 ms an import of the whole master
 * allows between renditions, and an item states one set of durations, its picture's.
 */
class MixedContainerChannelBrowserIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Logger log = LoggerFactory.getLogger(MixedContainerChannelBrowserIT.class);
    private static final String CHANNEL = "mixed";
    private static final String AUDIO_GROUP = "aac";

    @Test
    void hlsJsPlaysAChannelOfDemuxedItemsAcrossChangesBetweenMpegTsAndFmp4(@TempDir Path base) throws Exception {
        TestMedia.requireFfmpeg();
        HeadlessChromium.requireInstalled();
        try (PipelineInstance app = startEmbedded(base, "browser-mixed")) {
            Map<String, Object> slate = item(app, base, "slate", "color=c=navy", 220, false, "FILLER");
            Map<String, Object> ts1 = item(app, base, "ts1", "testsrc2", 440, false, "PROGRAM");
            Map<String, Object> cmaf = item(app, base, "cmaf", "smptehdbars", 660, true, "PROGRAM");
            Map<String, Object> ts2 = item(app, base, "ts2", "testsrc", 880, false, "PROGRAM");
            List<String> cmafMaps = List.of(map(cmaf, TestMedia.RENDITION), map(cmaf, TestMedia.AUDIO_RENDITION));
            assertThat(cmafMaps).as("the fMP4 item's renditions have their initialisation sections")
                    .allMatch(uri -> uri != null && uri.endsWith(".mp4"));
            assertThat(map(ts1, TestMedia.RENDITION)).as("an MPEG-TS item has no map").isNull();

            post(app, Map.of("type", "configure", "targetDuration", 2, "windowSize", 6, "filler", slate,
                    "ladder", List.of(
                            Map.of("name", TestMedia.RENDITION, "bandwidth", 1_000_000, "resolution",
                                    TestMedia.RESOLUTION, "codecs", TestMedia.CODECS, "frameRate", 25,
                                    "audio", AUDIO_GROUP),
                            Map.of("name", TestMedia.AUDIO_RENDITION, "type", "AUDIO", "groupId", AUDIO_GROUP,
                                    "mediaName", "English", "language", "en", "default", true,
                                    "autoselect", true))));
            ServedPlaylists.awaitAired(app, CHANNEL, TestMedia.RENDITION, 2);

            try (HeadlessChromium chromium = HeadlessChromium.start(base.resolve("chromedriver.log"))) {
                ViewerPage page = openWhileFillerPlays(chromium, app, CHANNEL, "slate");
                PlaybackClock clock = new PlaybackClock(page);
                ChannelBrowserIT.Watch watch = new ChannelBrowserIT.Watch(page, clock);

                post(app, Map.of("type", "enqueue", "items", List.of(ts1, cmaf, ts2)));
                watch.until("the MPEG-TS item after the fMP4 item plays",
                        () -> playedInOrder(itemsPlayed(page), "ts1", "cmaf", "ts2"));
                double atSecondSwitch = page.currentTime();
                watch.until("playback goes on into the second MPEG-TS item",
                        () -> page.currentTime() > atSecondSwitch + 3);

                String why = "played " + page.playedSegments() + "\nerrors " + page.errors() + "\nplayback" + clock;
                log.info("What the browser did: {}\nfetched {}", why, page.fetchedUrls());
                assertThat(itemsPlayed(page)).as(why).containsSubsequence("slate", "ts1", "cmaf", "ts2");
                List<ViewerPage.PlayedSegment> played = page.playedSegments();
                assertEachItemChangeIsADiscontinuity(played, why);
                // The picture played in each item's own container.
                assertThat(played).as(why).allMatch(s -> s.url().endsWith(folder(s.url()).equals("cmaf")
                        ? ".m4s" : ".ts"));
                // The sound came from the audio rendition of each item, the fMP4 one after its own map.
                List<String> fetched = page.fetchedUrls();
                for (String itemId : List.of("ts1", "cmaf", "ts2")) {
                    String extension = itemId.equals("cmaf") ? ".m4s" : ".ts";
                    assertThat(fetched).as("audio segments of %s fetched", itemId).anyMatch(url -> url.startsWith(
                            app.baseUrl() + "/media/" + itemId + "/" + TestMedia.AUDIO_RENDITION + "/seg")
                            && url.endsWith(extension));
                }
                assertThat(fetched).as("the fMP4 item's initialisation sections fetched").containsAll(cmafMaps);
                assertThat(page.audioTracks()).as("hls.js plays the channel's audio group")
                        .singleElement().satisfies(track -> {
                            assertThat(track.groupId()).isEqualTo(AUDIO_GROUP);
                            assertThat(track.language()).isEqualTo("en");
                        });

                assertThat(clock.advanced()).as(why).isGreaterThanOrEqualTo(0.75 * clock.wallSeconds());
                assertThat(clock.longestStall()).as(why).isLessThan(4);
                assertThat(page.fatalErrors()).as(why).isEmpty();
            }
        }
    }

    /** Whether {@code items} holds {@code expected} in that order, one after the other. */
    private static boolean playedInOrder(List<String> items, String... expected) {
        for (int i = 0; i + expected.length <= items.size(); i++) {
            if (items.subList(i, i + expected.length).equals(List.of(expected))) {
                return true;
            }
        }
        return false;
    }

    /**
     * An item of a 6 s demuxed asset that ffmpeg makes in the media folder, in MPEG-TS or ({@code fmp4}) fMP4
     * segments: each rendition's descriptor from {@code asset import}, the picture's segment count and durations.
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> item(PipelineInstance app, Path base, String itemId, String videoSource,
                                            int toneHz, boolean fmp4, String kind) {
        Path folder = TestMedia.vodDemuxed(base.resolve("media").resolve(itemId), videoSource, 6, toneHz, fmp4);
        Map<String, Object> vod = describe(app, base, folder, itemId, TestMedia.RENDITION);
        Map<String, Object> audio = describe(app, base, folder, itemId, TestMedia.AUDIO_RENDITION);
        assertThat(audio.get("segmentCount")).as("%s: the sound cut as the picture", itemId)
                .isEqualTo(vod.get("segmentCount")).isEqualTo(3);
        Map<String, Object> renditions = new LinkedHashMap<>((Map<String, Object>) vod.get("renditions"));
        renditions.putAll((Map<String, Object>) audio.get("renditions"));
        vod.put("renditions", renditions);
        return ChannelForms.item(itemId, kind, itemId, vod);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> describe(PipelineInstance app, Path base, Path folder, String itemId,
                                                String rendition) {
        Path descriptor = base.resolve(itemId + "-" + rendition + ".json");
        int exit = ProducerTools.run("asset", "import", folder.resolve(rendition).resolve("index.m3u8").toString(),
                "--rendition", rendition, "--base-url", app.baseUrl() + "/media/" + itemId + "/" + rendition + "/",
                "--output", descriptor.toString());
        assertThat(exit).as("asset import of %s/%s", itemId, rendition).isZero();
        return new LinkedHashMap<>(JSON.readValue(descriptor.toFile(), Map.class));
    }

    /** The URI of an item rendition's initialisation section, or null. */
    @SuppressWarnings("unchecked")
    private static String map(Map<String, Object> item, String rendition) {
        Map<String, Object> media = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>)
                item.get("vod")).get("renditions")).get(rendition);
        Map<String, Object> map = (Map<String, Object>) media.get("map");
        return map == null ? null : (String) map.get("uri");
    }

    private static void post(PipelineInstance app, Map<String, Object> command) {
        app.http().post().uri("/channels/{c}/commands", CHANNEL).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(command).exchange().expectStatus().isAccepted().expectBody(Void.class);
    }
}
