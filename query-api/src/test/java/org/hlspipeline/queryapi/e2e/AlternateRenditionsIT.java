package org.hlspipeline.queryapi.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.hlspipeline.processor.hls.HlsPlaylistParser;
import org.hlspipeline.processor.hls.HlsRules;
import org.hlspipeline.processor.hls.ParsedMediaPlaylist;
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

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * ffmpeg's live fMP4 output with its audio in two languages and WebVTT subtitles, each a rendition of its own
 * ({@link TestMedia#liveAlternates}), followed by {@code tail} from its master playlist ({@link TailedLive}): the
 * app's master lists the same groups as ffmpeg's (EXT-X-MEDIA, and AUDIO=/SUBTITLES= on the variant), valid by
 * RFC 8216's rules, and two players play it: ffmpeg, decoding both audio streams, and hls.js in headless
 * Chromium, which lists both languages and the subtitles, switches language, and shows the subtitles' cues.
 *
 * <p>One live stream serves every test: ffmpeg writes it for {@value #SECONDS} s, more than the tests take.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AlternateRenditionsIT {

    private static final int SECONDS = 120;
    private static final String STREAM = "alt-media";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private PipelineInstance app;
    private HeadlessChromium chromium;
    private TailedLive live;
    private Path media;
    /** The app's master, once it lists the variant, both languages and the subtitles. */
    private String master;

    @BeforeAll
    void start(@TempDir Path dataDir) throws Exception {
        HeadlessChromium.requireInstalled();
        TestPipeline pipeline = TestPipeline.unique("alt-media");
        app = PipelineInstance.start(pipeline, dataDir.resolve("app"));
        media = Files.createDirectories(dataDir.resolve("media"));
        live = TailedLive.startMaster(media, app, pipeline.streamEvents(), STREAM, TestMedia::liveAlternates,
                SECONDS);
        master = live.awaitMaster("the variant, two languages and the subtitles", m -> m.contains("#EXT-X-STREAM-INF:")
                && tags(m, "EXT-X-MEDIA").size() == 3, Duration.ofSeconds(45));
        chromium = HeadlessChromium.start(dataDir.resolve("chromedriver.log"));
    }

    @AfterAll
    void stop() throws InterruptedException {
        try (PipelineInstance closing = app; TailedLive stopping = live) {
            if (chromium != null) {
                chromium.close();
            }
        }
    }

    /**
     * Every EXT-X-MEDIA of ffmpeg's master is in the app's, with the same TYPE, GROUP-ID, NAME, LANGUAGE and
     * DEFAULT, its URI leading to a playlist of the segments ffmpeg wrote for it; the variant names the same groups.
     */
    @Test
    void theMasterListsFfmpegsGroupsAndEveryVariantNamesThem() throws IOException {
        HlsRules.assertValidMasterPlaylist(master);
        String written = Files.readString(media.resolve("master.m3u8"), StandardCharsets.UTF_8);
        List<Map<String, String>> ours = tags(master, "EXT-X-MEDIA");
        List<Map<String, String>> ffmpegs = tags(written, "EXT-X-MEDIA");
        assertThat(ffmpegs).as("ffmpeg's master:\n%s", written).hasSize(3);
        for (Map<String, String> alternative : ffmpegs) {
            Map<String, String> listed = ours.stream().filter(m -> m.get("NAME").equals(alternative.get("NAME")))
                    .findFirst().orElseThrow(() -> new AssertionError(alternative + " is not listed in\n" + master));
            for (String attribute : List.of("TYPE", "GROUP-ID", "LANGUAGE")) {
                assertThat(listed.get(attribute)).as("%s of %s", attribute, alternative)
                        .isEqualTo(alternative.get(attribute));
            }
            // ffmpeg writes DEFAULT=NO, the default value (RFC 8216 §4.3.4.1), which the app leaves out.
            assertThat("YES".equals(listed.get("DEFAULT"))).as("DEFAULT of %s", alternative)
                    .isEqualTo("YES".equals(alternative.get("DEFAULT")));
            assertPlaylistOfFolder(unquoted(listed.get("URI")), unquoted(alternative.get("URI")));
        }
        assertThat(ours).extracting(m -> m.get("TYPE") + " " + m.get("LANGUAGE"))
                .containsExactlyInAnyOrder("AUDIO \"en\"", "AUDIO \"de\"", "SUBTITLES \"en\"");

        List<Map<String, String>> variants = tags(master, "EXT-X-STREAM-INF");
        Map<String, String> ffmpegsVariant = tags(written, "EXT-X-STREAM-INF").get(0);
        assertThat(variants).hasSize(1).allSatisfy(v -> {
            assertThat(v.get("AUDIO")).isEqualTo("\"" + TestMedia.AUDIO_GROUP_WRITTEN + "\"")
                    .isEqualTo(ffmpegsVariant.get("AUDIO"));
            assertThat(v.get("SUBTITLES")).isEqualTo("\"" + TestMedia.SUBTITLES_GROUP + "\"")
                    .isEqualTo(ffmpegsVariant.get("SUBTITLES"));
            assertThat(v.get("CODECS")).isEqualTo(ffmpegsVariant.get("CODECS"));
        });
        List<String> lines = List.of(master.split("\n"));
        String variantUri = lines.get(lines.indexOf(lines.stream().filter(l -> l.startsWith("#EXT-X-STREAM-INF:"))
                .findFirst().orElseThrow()) + 1);
        String writtenUri = written.lines().dropWhile(l -> !l.startsWith("#EXT-X-STREAM-INF:")).skip(1)
                .findFirst().orElseThrow();
        assertPlaylistOfFolder(variantUri, writtenUri);
    }

    /** The subtitles' segments are WebVTT files, fetched from the origin as the app's playlist names them. */
    @Test
    void theSubtitlesRenditionCarriesWebVttSegments() throws Exception {
        String subtitles = tags(master, "EXT-X-MEDIA").stream().filter(m -> m.get("TYPE").equals("SUBTITLES"))
                .map(m -> unquoted(m.get("URI"))).findFirst().orElseThrow();
        ParsedMediaPlaylist playlist = HlsPlaylistParser.parseMedia(appText(subtitles));
        assertThat(playlist.uris()).isNotEmpty().allSatisfy(u -> assertThat(u).endsWith(".vtt"));
        String first = playlist.uris().get(0);
        HttpResponse<String> vtt = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(first)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(vtt.statusCode()).as(first).isEqualTo(200);
        // The WebVTT signature, then a cue of subtitles.srt.
        assertThat(vtt.body()).startsWith("WEBVTT").containsPattern("\\d\\d:\\d\\d\\.\\d{3} --> ").contains("Cue ");
    }

    /**
     * ffmpeg as the client: it finds both audio renditions in the app's master (two audio streams, tagged with
     * their LANGUAGE) beside the picture, and decodes all three without an error, fetching both languages'
     * segments from the origin.
     */
    @Test
    void ffmpegPlaysTheMasterWithBothAudioStreams() throws Exception {
        String url = app.baseUrl() + "/streams/" + STREAM + "/master.m3u8";
        int earlier = live.origin().served().size();
        JsonNode probe = probe(url);
        List<String> audio = new ArrayList<>();
        int video = 0;
        for (JsonNode stream : probe.path("streams")) {
            if (stream.path("codec_type").asString().equals("audio")) {
                assertThat(stream.path("codec_name").asString()).isEqualTo("aac");
                audio.add(stream.path("tags").path("language").asString());
            } else if (stream.path("codec_type").asString().equals("video")) {
                video++;
            }
        }
        assertThat(audio).as("ffprobe: %s", probe).containsExactlyInAnyOrder("en", "de");
        assertThat(video).as("ffprobe: %s", probe).isOne();

        Ffmpeg.Run play = Ffmpeg.run(media.resolve("play.log"), Duration.ofSeconds(60),
                List.of("-v", "error", "-i", url, "-map", "0:v", "-map", "0:a", "-t", "8", "-f", "null", "-"));

        assertThat(play.errorLines()).as("ffmpeg's errors").isEmpty();
        assertThat(play.exitCode()).isZero();
        for (String folder : List.of("/out_audio_en/", "/out_audio_de/", "/out_" + TestMedia.LIVE_RENDITION + "/")) {
            assertThat(servedSince(earlier)).as("segments of " + folder)
                    .filteredOn(s -> s.path().startsWith(folder) && s.path().endsWith(".m4s"))
                    .hasSizeGreaterThanOrEqualTo(3).allSatisfy(s -> assertThat(s.status()).isEqualTo(200));
        }
        assertThat(live.live()).as("the stream was still live while played").isTrue();
    }

    /**
     * hls.js lists both languages and the subtitles, plays the default language, switches to the other one (its
     * playlist and segments are then fetched, and playback goes on), and shows the subtitles' cues once the track
     * is chosen.
     */
    @Test
    void hlsJsPlaysItSwitchesLanguageAndShowsTheSubtitles() {
        int earlier = live.origin().served().size();
        ViewerPage page = new ViewerPage(chromium, app.baseUrl());
        page.open("/");
        page.clickPlay("stream", STREAM);
        awaitPlayed(page, 2 * TestMedia.SEGMENT_SECONDS, "playback of the default language");

        List<ViewerPage.Track> audio = page.audioTracks();
        assertThat(audio).extracting(ViewerPage.Track::language).containsExactlyInAnyOrder("en", "de");
        assertThat(audio).extracting(ViewerPage.Track::groupId).containsOnly(TestMedia.AUDIO_GROUP_WRITTEN);
        assertThat(page.subtitleTracks()).extracting(ViewerPage.Track::language, ViewerPage.Track::groupId)
                .containsExactly(tuple("en", TestMedia.SUBTITLES_GROUP));
        ViewerPage.Track playing = audio.get(page.audioTrack());
        assertThat(playing.language()).as("the DEFAULT=YES track").isEqualTo("en");
        assertThat(servedSince(earlier)).as("only the language played is fetched")
                .anyMatch(s -> s.path().startsWith("/out_audio_en/") && s.path().endsWith(".m4s"))
                .noneMatch(s -> s.path().startsWith("/out_audio_de/"));

        ViewerPage.Track other = audio.stream().filter(t -> t.language().equals("de")).findFirst().orElseThrow();
        page.selectAudioTrack(other.id());
        await("hls.js fetches the other language").atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(250))
                .failFast("a fatal hls.js error", () -> assertThat(page.fatalErrors()).as(page.recorded()).isEmpty())
                .until(() -> page.audioTrack() == other.id() && page.fetchedUrls().contains(other.url())
                        && servedSince(earlier).stream().anyMatch(s -> s.path().startsWith("/out_audio_de/")
                        && s.path().endsWith(".m4s") && s.status() == 200));
        awaitPlayed(page, 2 * TestMedia.SEGMENT_SECONDS, "playback after the switch");

        page.selectSubtitleTrack(page.subtitleTracks().get(0).id());
        await("cues of the subtitles in the video's text track").atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(250))
                .failFast("a fatal hls.js error", () -> assertThat(page.fatalErrors()).as(page.recorded()).isEmpty())
                .until(() -> page.subtitleCues().stream().anyMatch(c -> c.startsWith("Cue ")));
        assertThat(servedSince(earlier)).as("WebVTT segments fetched")
                .anyMatch(s -> s.path().endsWith(".vtt") && s.status() == 200);
        assertThat(page.fatalErrors()).as(page.recorded()).isEmpty();
        assertThat(live.live()).as("the stream was still live while played").isTrue();
    }

    /** What the origin answered since it had answered {@code earlier} requests: what this test's player asked. */
    private List<MediaServer.Served> servedSince(int earlier) {
        List<MediaServer.Served> served = live.origin().served();
        return served.subList(earlier, served.size());
    }

    /**
     * Waits until the player plays, then until its position has advanced {@code seconds} more, in about real time
     * and without a stall of a segment's length or a fatal hls.js error. A fresh clock each time: a position that
     * jumps to the live edge when playback starts is not playing.
     */
    private static void awaitPlayed(ViewerPage page, double seconds, String what) {
        await(what + " starts").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .failFast("a fatal hls.js error", () -> assertThat(page.fatalErrors()).as(page.recorded()).isEmpty())
                .until(() -> page.currentTime() > 0 && !page.paused());
        PlaybackClock clock = new PlaybackClock(page);
        clock.sample();
        await(what).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .failFast("a fatal hls.js error", () -> assertThat(page.fatalErrors()).as(page.recorded()).isEmpty())
                .until(() -> {
                    clock.sample();
                    return clock.advanced() >= seconds;
                });
        String why = what + clock + "\n" + page.recorded();
        assertThat(clock.longestStall()).as(why).isLessThan(TestMedia.SEGMENT_SECONDS);
        assertThat(clock.advanced()).as(why).isGreaterThanOrEqualTo(0.8 * clock.wallSeconds());
    }

    /**
     * The app's media playlist at {@code uri} (relative to its master) is valid, and its segments are the ones
     * ffmpeg wrote for its own playlist {@code written} (relative to ffmpeg's master), on the origin.
     */
    private void assertPlaylistOfFolder(String uri, String written) {
        String text = appText(uri);
        HlsRules.assertValidMediaPlaylist(text);
        String folder = live.origin().url(written.substring(0, written.lastIndexOf('/') + 1));
        assertThat(HlsPlaylistParser.parseMedia(text).uris()).as("%s for ffmpeg's %s", uri, written).isNotEmpty()
                .allSatisfy(u -> assertThat(u).startsWith(folder));
    }

    /** A playlist of the app, {@code uri} relative to the stream's master playlist. */
    private String appText(String uri) {
        byte[] body = app.http().get().uri("/streams/" + STREAM + "/" + uri).exchange().expectStatus().isOk()
                .expectBody().returnResult().getResponseBody();
        return new String(body, StandardCharsets.UTF_8);
    }

    /** Each {@code #<tag>:} line's attributes, values as written (quoted ones with their quotes). */
    private static List<Map<String, String>> tags(String playlist, String tag) {
        List<Map<String, String>> tags = new ArrayList<>();
        List<String> lines = List.of(playlist.split("\n"));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("#" + tag + ":")) {
                tags.add(HlsPlaylistParser.attributeList(lines.get(i).substring(tag.length() + 2), i + 1));
            }
        }
        return tags;
    }

    private static String unquoted(String value) {
        return value.substring(1, value.length() - 1);
    }

    /** {@code ffprobe -show_streams} of {@code url}, as JSON. */
    private JsonNode probe(String url) throws IOException, InterruptedException {
        Path out = media.resolve("probe.json");
        Process process = new ProcessBuilder("ffprobe", "-v", "error", "-show_streams", "-of", "json", url)
                .redirectOutput(out.toFile()).redirectError(media.resolve("probe.log").toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            throw new AssertionError("ffprobe did not finish within 60 s");
        }
        assertThat(process.exitValue()).as("ffprobe: %s", Files.readString(media.resolve("probe.log"))).isZero();
        return JSON.readTree(Files.readString(out, StandardCharsets.UTF_8));
    }
}
