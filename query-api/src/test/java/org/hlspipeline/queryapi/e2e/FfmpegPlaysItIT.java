package org.hlspipeline.queryapi.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.hlspipeline.processor.hls.HlsRules;
import org.hlspipeline.queryapi.testing.HttpPlaylists;
import org.hlspipeline.queryapi.testing.PipelineInstance;
import org.hlspipeline.queryapi.testing.TestKafka;
import org.hlspipeline.queryapi.testing.TestPipeline;
import org.hlspipeline.queryapi.testing.ToolProcess;
import org.hlspipeline.tools.ProducerTools;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.MediaType;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * ffmpeg, as a second player beside hls.js, reads what the app serves: {@code ffmpeg -v error -i <playlist URL>
 * -t 10 -f null -} exits 0 and prints no error, for a stream and for a channel. The media comes from ffmpeg too
 * ({@link TestMedia}), and is served by the tests' own origin ({@link MediaServer}, see there why not the app's
 * {@code /media/}); every segment the player asked for was there.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FfmpegPlaysItIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int PLAY_SECONDS = 10;
    private static final Duration PLAY_LIMIT = Duration.ofSeconds(60);

    private TestPipeline pipeline;
    private PipelineInstance app;

    @BeforeAll
    void start(@TempDir Path dataDir) {
        pipeline = TestPipeline.unique("ffmpeg-plays");
        app = PipelineInstance.start(pipeline, dataDir);
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    /** ffmpeg writes a live stream, {@code tail} follows its master playlist, ffmpeg plays the app's. */
    @Test
    void aStreamThatTailPublishesFromFfmpegsLiveOutputPlays(@TempDir Path folder) throws Exception {
        String stream = "ffmpeg-live";
        try (MediaServer origin = MediaServer.serve(folder);
             Ffmpeg.Running transcoder = TestMedia.liveMaster(folder, 40);
             ToolProcess tail = ToolProcess.start(folder, "tail", List.of("tail",
                     folder.resolve("master.m3u8").toString(), "--stream", stream,
                     "--base-url", origin.url(""),
                     "--bootstrap-servers", TestKafka.bootstrapServers(), "--topic", pipeline.streamEvents()))) {
            await("3 segments in the app's playlist").atMost(Duration.ofSeconds(40))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> segmentsIn(HttpPlaylists.mediaPath(stream, TestMedia.LIVE_RENDITION)) >= 3);

            Ffmpeg.Run play = Ffmpeg.play(folder.resolve("play.log"), app.baseUrl() + "/streams/" + stream
                    + "/master.m3u8", PLAY_SECONDS, PLAY_LIMIT);

            assertThat(play.errorLines()).as("ffmpeg's errors").isEmpty();
            assertThat(play.exitCode()).isZero();
            assertThat(transcoder.isAlive()).as("the stream was still live while played").isTrue();
            assertEverySegmentAskedForWasThere(origin, 4);
        }
    }

    /**
     * ffmpeg's fMP4 output ({@code -hls_segment_type fmp4}), followed by {@code tail}: the app's playlist carries
     * the initialisation section as EXT-X-MAP (version 6), and ffmpeg plays it, fetching init.mp4 from the origin.
     */
    @Test
    void anFmp4StreamThatTailPublishesPlays(@TempDir Path folder) throws Exception {
        tailAndPlay(folder, "ffmpeg-fmp4", TestMedia::liveFmp4, origin -> "#EXT-X-MAP:URI=\""
                + origin.url("init.mp4") + "\"\n", "/init.mp4", ".m4s");
    }

    /**
     * ffmpeg's AES-128 encrypted output, followed by {@code tail}: the app's playlist carries the EXT-X-KEY with
     * the key URI resolved against the origin, and ffmpeg plays it with the key fetched from there.
     */
    @Test
    void anEncryptedStreamPlaysWithItsKeyFromTheOrigin(@TempDir Path folder) throws Exception {
        tailAndPlay(folder, "ffmpeg-aes", TestMedia::liveEncrypted, origin -> "#EXT-X-KEY:METHOD=AES-128,URI=\""
                + origin.url("enc.key") + "\",IV=0x00112233445566778899aabbccddeeff\n", "/enc.key", ".ts");
    }

    /**
     * ffmpeg writes {@code index.m3u8}, {@code tail} follows it, the app's playlist carries {@code tag} once, and
     * ffmpeg plays it, fetching {@code fetched} and at least 4 segments (ending in {@code segmentSuffix}) from the
     * origin, every one there.
     */
    private void tailAndPlay(Path folder, String stream, TailedLive.Source source,
                             java.util.function.Function<MediaServer, String> tag, String fetched,
                             String segmentSuffix) throws Exception {
        try (TailedLive live = TailedLive.start(folder, app, pipeline.streamEvents(), stream, source)) {
            MediaServer origin = live.origin();
            String playlist = live.awaitPlaylist(3);
            assertThat(playlist).containsOnlyOnce(tag.apply(origin));
            // The tags' versions included (EXT-X-MAP needs 6), checked against RFC 8216's rules.
            HlsRules.assertValidMediaPlaylist(playlist);

            Ffmpeg.Run play = Ffmpeg.play(folder.resolve("play-" + stream + ".log"), app.baseUrl()
                    + live.mediaPath(), PLAY_SECONDS, PLAY_LIMIT);

            assertThat(play.errorLines()).as("ffmpeg's errors").isEmpty();
            assertThat(play.exitCode()).isZero();
            assertThat(origin.served()).as("the player fetched " + fetched)
                    .anyMatch(s -> s.path().equals(fetched) && s.status() == 200);
            assertThat(origin.served().stream().filter(s -> s.path().endsWith(segmentSuffix)).toList())
                    .hasSizeGreaterThanOrEqualTo(4).allSatisfy(s -> assertThat(s.status()).isEqualTo(200));
        }
    }

    /**
     * ffmpeg's {@code -hls_flags single_file} output, every segment a byte range of {@code media.ts}, followed by
     * {@code tail}: the app's playlist carries ffmpeg's ranges as EXT-X-BYTERANGE, and ffmpeg plays it, asking the
     * origin for exactly those ranges.
     */
    @Test
    void aByteRangeStreamThatTailPublishesPlays(@TempDir Path folder) throws Exception {
        tailAndPlayByteRanges(folder, "ffmpeg-ranges", "mpegts", "media.ts");
    }

    /**
     * The same in fMP4: the initialisation section is itself a range of {@code media.mp4}, in EXT-X-MAP's
     * BYTERANGE attribute.
     */
    @Test
    void anFmp4ByteRangeStreamThatTailPublishesPlays(@TempDir Path folder) throws Exception {
        tailAndPlayByteRanges(folder, "ffmpeg-fmp4-ranges", "fmp4", "media.mp4");
    }

    private void tailAndPlayByteRanges(Path folder, String stream, String segmentType, String file)
            throws Exception {
        try (TailedLive live = TailedLive.start(folder, app, pipeline.streamEvents(), stream,
                (f, seconds) -> TestMedia.liveSingleFile(f, seconds, segmentType))) {
            MediaServer origin = live.origin();
            String playlist = live.awaitPlaylist(3);
            // Versions included: EXT-X-BYTERANGE needs 4, EXT-X-MAP 6 (RFC 8216 §7).
            HlsRules.assertValidMediaPlaylist(playlist);
            String written = Files.readString(folder.resolve("index.m3u8"), StandardCharsets.UTF_8);
            ByteRanges.assertPublishedAsWritten(playlist, written, origin.url(file));

            Ffmpeg.Run play = Ffmpeg.play(folder.resolve("play-" + stream + ".log"), app.baseUrl()
                    + live.mediaPath(), PLAY_SECONDS, PLAY_LIMIT);

            assertThat(play.errorLines()).as("ffmpeg's errors").isEmpty();
            assertThat(play.exitCode()).isZero();
            assertThat(live.live()).as("the stream was still live while played").isTrue();
            ByteRanges.assertOnlyRangesFetched(origin, "/" + file,
                    Files.readString(folder.resolve("index.m3u8"), StandardCharsets.UTF_8), 4);
        }
    }

    /**
     * A channel of two ffmpeg-made VOD assets, imported with {@code asset import} and scheduled with channel
     * commands, plays across its item change (a discontinuity: the second asset's timestamps start over).
     */
    @Test
    void aChannelOfTwoFfmpegAssetsPlaysAcrossItsItemChange(@TempDir Path folder) throws Exception {
        String channel = "ffmpeg-channel";
        TestMedia.vod(folder.resolve("ep1"), 6, 440, 0, 360);
        TestMedia.vod(folder.resolve("ep2"), 6, 880, 0, 360);
        try (MediaServer origin = MediaServer.serve(folder)) {
            JsonNode ep1 = importAsset(folder.resolve("ep1"), origin.url("ep1/"));
            JsonNode ep2 = importAsset(folder.resolve("ep2"), origin.url("ep2/"));
            post(channel, configure(item("filler", "FILLER", "Filler", ep2)));
            ObjectNode enqueue = JSON.createObjectNode().put("type", "enqueue");
            enqueue.putArray("items").add(item("ep1", "PROGRAM", "Episode 1", ep1))
                    .add(item("ep2", "PROGRAM", "Episode 2", ep2));
            post(channel, enqueue);
            String media = "/channels/" + channel + "/renditions/" + TestMedia.LIVE_RENDITION + "/playlist.m3u8";
            await("the channel airs").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                    .until(() -> segmentsIn(media) >= 1);

            Ffmpeg.Run play = Ffmpeg.play(folder.resolve("play.log"), app.baseUrl() + "/channels/" + channel
                    + "/master.m3u8", PLAY_SECONDS, PLAY_LIMIT);

            assertThat(play.errorLines()).as("ffmpeg's errors").isEmpty();
            assertThat(play.exitCode()).isZero();
            assertEverySegmentAskedForWasThere(origin, 4);
            assertThat(origin.served()).as("the player went from ep1 into ep2")
                    .anyMatch(s -> s.path().startsWith("/ep1/")).anyMatch(s -> s.path().startsWith("/ep2/"));
        }
    }

    private int segmentsIn(String path) {
        return TailedLive.segmentsIn(app, path);
    }

    /** The player fetched at least {@code atLeast} segments from the origin, and every one it asked for was there. */
    private static void assertEverySegmentAskedForWasThere(MediaServer origin, int atLeast) {
        List<MediaServer.Served> segments = origin.served().stream().filter(s -> s.path().endsWith(".ts")).toList();
        assertThat(segments).hasSizeGreaterThanOrEqualTo(atLeast)
                .allSatisfy(s -> assertThat(s.status()).as("%s %s", s.method(), s.path()).isEqualTo(200));
    }

    /** The descriptor {@code asset import} writes for the asset's master playlist, segments under {@code baseUrl}. */
    static JsonNode importAsset(Path asset, String baseUrl) throws IOException {
        Path output = asset.resolve("asset.json");
        StringWriter err = new StringWriter();
        int exitCode = new ProducerTools().execute(new PrintWriter(new StringWriter()), new PrintWriter(err),
                "asset", "import", asset.resolve("master.m3u8").toString(), "--base-url", baseUrl,
                "--output", output.toString());
        assertThat(exitCode).as("asset import: %s", err).isZero();
        return JSON.readTree(Files.readString(output, StandardCharsets.UTF_8));
    }

    static ObjectNode item(String itemId, String kind, String title, JsonNode vod) {
        ObjectNode item = JSON.createObjectNode().put("itemId", itemId).put("kind", kind).put("title", title);
        item.set("vod", vod);
        return item;
    }

    /** One rendition, as ffmpeg made it: 640x360, H.264 Main, AAC, 25 fps; segments of 2 s. */
    static ObjectNode configure(ObjectNode filler) {
        ObjectNode configure = JSON.createObjectNode().put("type", "configure")
                .put("targetDuration", TestMedia.SEGMENT_SECONDS).put("windowSize", 6);
        configure.putArray("ladder").addObject().put("name", TestMedia.LIVE_RENDITION).put("bandwidth", 1_000_000)
                .put("resolution", "640x360").put("codecs", "avc1.4d401e,mp4a.40.2")
                .put("frameRate", TestMedia.FRAME_RATE);
        configure.set("filler", filler);
        return configure;
    }

    private void post(String channel, ObjectNode command) {
        app.http().post().uri("/channels/{c}/commands", channel).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(JSON.writeValueAsString(command)).exchange().expectStatus().isAccepted()
                .expectBody(Void.class);
    }
}
