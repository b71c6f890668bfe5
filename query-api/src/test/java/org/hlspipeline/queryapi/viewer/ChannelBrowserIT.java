package org.hlspipeline.queryapi.viewer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.hlspipeline.queryapi.testing.ChannelForms;
import org.hlspipeline.queryapi.testing.PipelineInstance;
import org.hlspipeline.queryapi.testing.TestPipeline;
import org.hlspipeline.tools.ProducerTools;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.MediaType;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A channel, end to end with real programs: ffmpeg makes VOD assets (two episodes, a filler slate, a news flash,
 * 6 s each in 2 s segments), {@code producer-tools asset import} turns each into the descriptor the commands carry,
 * the commands go in over HTTP as a scheduler would send them, and hls.js in headless Chromium plays the channel
 * from the viewer page ({@code /?channel=…}) across its item changes and an interrupt.
 *
 * <p>What the player played is read from the page's record of hls.js's segment changes: each segment's URL names
 * its asset's folder, so the order of items as played is known exactly, and hls.js's discontinuity count shows it
 * crossed an {@code #EXT-X-DISCONTINUITY} at each change. The application runs in embedded mode with
 * {@code HLS_MEDIA_DIR}, as in the README, so the assets' segments come from {@code /media/} on the same origin.
 */
class ChannelBrowserIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Logger log = LoggerFactory.getLogger(ChannelBrowserIT.class);
    private static final String CHANNEL = "studio";
    private static final Duration STEP = Duration.ofSeconds(90);

    @Test
    void aChannelOfFfmpegAssetsPlaysInChromiumAcrossItsItemChangesAndAnInterrupt(@TempDir Path base)
            throws Exception {
        TestMedia.requireFfmpeg();
        HeadlessChromium.requireInstalled();
        try (PipelineInstance app = startEmbedded(base, "browser-channel")) {
            Map<String, Object> ep1 = item(app, base, "ep1", "testsrc2", 440, "PROGRAM", "Episode 1");
            Map<String, Object> ep2 = item(app, base, "ep2", "smptehdbars", 660, "PROGRAM", "Episode 2");
            Map<String, Object> slate = item(app, base, "slate", "color=c=navy", 220, "FILLER", "Back soon");
            Map<String, Object> news = item(app, base, "news", "testsrc", 880, "PROGRAM", "News flash");
            ep2.put("loop", true); // it airs until the interrupt cuts it, and again after

            post(app, Map.of("type", "configure", "targetDuration", 2, "windowSize", 6, "filler", slate,
                    "ladder", List.of(Map.of("name", TestMedia.RENDITION, "bandwidth", 1_000_000,
                            "resolution", TestMedia.RESOLUTION, "codecs", TestMedia.CODECS, "frameRate", 25))));
            ServedPlaylists.awaitAired(app, CHANNEL, TestMedia.RENDITION, 3);

            try (HeadlessChromium chromium = HeadlessChromium.start(base.resolve("chromedriver.log"))) {
                ViewerPage page = openWhileFillerPlays(chromium, app, CHANNEL, "slate");
                PlaybackClock clock = new PlaybackClock(page);
                Watch watch = new Watch(page, clock);

                post(app, Map.of("type", "enqueue", "items", List.of(ep1, ep2)));
                watch.until("episode 2 plays after episode 1",
                        () -> itemsPlayed(page).containsAll(List.of("ep1", "ep2")));

                String interrupt = post(app, Map.of("type", "interrupt", "items", List.of(news), "resume", "RESUME",
                        "effectiveAt", Instant.now().toString())).path("commandId").asString();
                List<String> airedLayers = new ArrayList<>();
                watch.until("episode 2 plays again after the news flash", () -> {
                    airedLayers.add(channel(app).path("nowPlaying").path("layer").asString());
                    List<String> items = itemsPlayed(page);
                    int newsAt = items.indexOf("news");
                    return newsAt >= 0 && items.subList(newsAt, items.size()).contains("ep2");
                });

                String why = "played " + page.playedSegments() + "\nerrors " + page.errors() + "\nplayback" + clock;
                log.info("What the browser did: {}", why);
                // The order the player went through: filler, the queue, the interrupt, and the cut item resumed.
                assertThat(itemsPlayed(page)).as(why).containsSubsequence("slate", "ep1", "ep2", "news", "ep2");
                assertThat(airedLayers).as("the interrupt aired as its own layer").contains(interrupt);

                assertEachItemChangeIsADiscontinuity(page.playedSegments(), why);
                assertThat(clock.advanced()).as(why).isGreaterThanOrEqualTo(0.75 * clock.wallSeconds());
                assertThat(clock.longestStall()).as(why).isLessThan(4);
                assertThat(page.fatalErrors()).as(why).isEmpty();
                assertThat(page.source()).isEqualTo("/channels/" + CHANNEL + "/master.m3u8");
                assertThat(page.fetchedUrls()).allSatisfy(url -> assertThat(url).startsWith(app.baseUrl() + "/"));
            }
        }
    }

    /**
     * Samples the player's position every half second, failing at once on a fatal hls.js error, until a
     * condition holds or {@link #STEP} passes.
     */
    record Watch(ViewerPage page, PlaybackClock clock) {

        void until(String what, BooleanSupplier condition) throws InterruptedException {
            long deadline = System.nanoTime() + STEP.toNanos();
            while (true) {
                clock.sample();
                assertThat(page.fatalErrors()).as("fatal hls.js errors while waiting until %s; %s", what,
                        page.recorded()).isEmpty();
                if (condition.getAsBoolean()) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("Not within " + STEP.toSeconds() + " s: " + what + "\n" + page.recorded()
                            + "\nplayback" + clock);
                }
                Thread.sleep(500);
            }
        }
    }

    /**
     * An instance in embedded mode (its own broker) with {@code HLS_MEDIA_DIR} at {@code <base>/media}, as the
     * README runs it, so that the assets' segments come from {@code /media/} on the playlists' origin.
     */
    static PipelineInstance startEmbedded(Path base, String name) throws IOException {
        Path media = Files.createDirectories(base.resolve("media"));
        return PipelineInstance.start(TestPipeline.unique(name), Files.createDirectories(base.resolve("data")),
                Map.of("spring.kafka.bootstrap-servers", "", "hls.kafka-port", "0", "hls.media-dir",
                        media.toString()));
    }

    /** The viewer page on {@code channel}, once hls.js plays the asset {@code filler}; fails on a fatal error. */
    static ViewerPage openWhileFillerPlays(HeadlessChromium chromium, PipelineInstance app, String channel,
                                           String filler) {
        ViewerPage page = new ViewerPage(chromium, app.baseUrl());
        page.open("/?channel=" + channel);
        await("the filler plays").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .failFast("a fatal hls.js error", () -> assertThat(page.fatalErrors()).as(page.recorded()).isEmpty())
                .until(() -> itemsPlayed(page).contains(filler) && page.currentTime() > 0 && !page.paused());
        return page;
    }

    /**
     * Each segment played came after the one before (sequence and position growing), and each change of item was
     * a discontinuity that hls.js counted.
     */
    static void assertEachItemChangeIsADiscontinuity(List<ViewerPage.PlayedSegment> played, String why) {
        for (int i = 1; i < played.size(); i++) {
            ViewerPage.PlayedSegment before = played.get(i - 1);
            ViewerPage.PlayedSegment after = played.get(i);
            assertThat(after.sequence()).as(why).isGreaterThan(before.sequence());
            assertThat(after.currentTime()).as(why).isGreaterThan(before.currentTime());
            if (!folder(after.url()).equals(folder(before.url()))) {
                assertThat(after.discontinuity()).as("discontinuity count at %s; %s", after, why)
                        .isGreaterThan(before.discontinuity());
            }
        }
    }

    /** The assets the player went through, in order, each run of segments of one asset counted once. */
    static List<String> itemsPlayed(ViewerPage page) {
        List<String> items = new ArrayList<>();
        for (ViewerPage.PlayedSegment segment : page.playedSegments()) {
            String item = folder(segment.url());
            if (items.isEmpty() || !items.get(items.size() - 1).equals(item)) {
                items.add(item);
            }
        }
        return items;
    }

    /** {@code http://host/media/ep1/360p/seg0.ts} is {@code ep1}. */
    static String folder(String url) {
        String path = url.substring(url.indexOf("/media/") + "/media/".length());
        return path.substring(0, path.indexOf('/'));
    }

    /**
     * An item of a 6 s asset that ffmpeg makes in the media folder ({@code <base>/media/<itemId>}) and
     * {@code producer-tools asset import} describes, its segment URIs under the application's {@code /media/}.
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> item(PipelineInstance app, Path base, String itemId, String videoSource,
                                            int toneHz, String kind, String title) {
        Path folder = base.resolve("media").resolve(itemId);
        TestMedia.vod(folder, videoSource, 6, toneHz);
        Path descriptor = base.resolve(itemId + ".json");
        int exit = ProducerTools.run("asset", "import", folder.resolve("master.m3u8").toString(),
                "--base-url", app.baseUrl() + "/media/" + itemId + "/", "--output", descriptor.toString());
        assertThat(exit).as("asset import of %s", itemId).isZero();
        Map<String, Object> vod = JSON.readValue(descriptor.toFile(), Map.class);
        assertThat(vod).as(itemId).containsEntry("segmentCount", 3);
        return ChannelForms.item(itemId, kind, title, vod);
    }

    private static JsonNode post(PipelineInstance app, Map<String, Object> command) {
        String body = app.http().post().uri("/channels/{c}/commands", CHANNEL).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(command).exchange().expectStatus().isAccepted().expectBody(String.class).returnResult()
                .getResponseBody();
        return JSON.readTree(body);
    }

    private static JsonNode channel(PipelineInstance app) {
        return JSON.readTree(app.http().get().uri("/api/channels/{c}", CHANNEL).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody());
    }
}
