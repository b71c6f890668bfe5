package org.hlspipeline.queryapi.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.hlspipeline.processor.hls.HlsRules;
import org.hlspipeline.queryapi.testing.PipelineInstance;
import org.hlspipeline.queryapi.testing.TestPipeline;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Audio and subtitle groups over HTTP: AUDIO and SUBTITLES descriptions reach the master as EXT-X-MEDIA of the
 * groups its variants name, and a bad description is a 400 problem that names its rule, group rules included.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RenditionGroupsHttpIT {

    private PipelineInstance app;
    private WebTestClient http;

    @BeforeAll
    void start(@TempDir Path dataDir) {
        app = PipelineInstance.start(TestPipeline.unique("groups"), dataDir);
        http = app.http();
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    private WebTestClient.ResponseSpec describe(String stream, String rendition, Map<String, Object> body) {
        return http.put().uri("/streams/{s}/renditions/{r}", stream, rendition)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private void segment(String stream, String rendition, String path) {
        http.post().uri("/streams/{s}/renditions/{r}/segments", stream, rendition)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("sequence", 1, "duration", 2.0, "path", path)).exchange()
                .expectStatus().isCreated().expectBody(Void.class);
    }

    private static Map<String, Object> english(boolean isDefault) {
        return Map.of("type", "AUDIO", "groupId", "aac", "name", "English", "language", "en", "default", isDefault,
                "autoselect", true, "channels", "2");
    }

    @Test
    void audioAndSubtitleGroupsReachTheMaster() {
        describe("news", "720p", Map.of("bandwidth", 2_500_000, "codecs", "avc1.4d401f,mp4a.40.2",
                "audio", "aac", "subtitles", "subs")).expectStatus().isOk().expectBody(Void.class);
        describe("news", "audio-en", english(true)).expectStatus().isOk()
                .expectBody().jsonPath("$.description.type").isEqualTo("AUDIO")
                .jsonPath("$.description.default").isEqualTo(true)
                .jsonPath("$.description.bandwidth").doesNotExist();
        describe("news", "subs-en", Map.of("type", "SUBTITLES", "groupId", "subs", "name", "English", "language",
                "en", "forced", true)).expectStatus().isOk().expectBody(Void.class);
        segment("news", "720p", "720p/seg1.ts");
        segment("news", "audio-en", "audio/en/seg1.aac");
        segment("news", "subs-en", "subs/en/seg1.vtt");

        String master = http.get().uri("/streams/news/master.m3u8").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(master).contains("#EXT-X-VERSION:4\n",
                "#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID=\"aac\",NAME=\"English\",LANGUAGE=\"en\",DEFAULT=YES,"
                        + "AUTOSELECT=YES,CHANNELS=\"2\",URI=\"renditions/audio-en/playlist.m3u8\"\n",
                "#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID=\"subs\",NAME=\"English\",LANGUAGE=\"en\",FORCED=YES,"
                        + "URI=\"renditions/subs-en/playlist.m3u8\"\n",
                "AUDIO=\"aac\",SUBTITLES=\"subs\"\nrenditions/720p/playlist.m3u8\n");
        HlsRules.assertValidMasterPlaylist(master);
        http.get().uri("/streams/news/renditions/subs-en/playlist.m3u8").exchange().expectStatus().isOk()
                .expectBody(String.class).value(text -> assertThat(text).contains("subs/en/seg1.vtt"));
    }

    @Test
    void aBadDescriptionIsA400ThatNamesItsRule() {
        describe("bad", "audio-en", english(true)).expectStatus().isOk().expectBody(Void.class);
        // Group rules are checked against what the stream already has.
        describe("bad", "audio-en2", english(true)).expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail)
                        .contains("AUDIO group 'aac' already has a rendition named 'English' ('audio-en')"));
        describe("bad", "a", Map.of("type", "AUDIOS", "groupId", "aac", "name", "A")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail)
                        .contains("type must be VIDEO, AUDIO or SUBTITLES, was 'AUDIOS'"));
        describe("bad", "a", Map.of("type", "AUDIO", "groupId", "aac", "name", "A", "bandwidth", 128_000))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail)
                        .startsWith("bandwidth is for VIDEO renditions, not AUDIO"));
        describe("bad", "v", Map.of("bandwidth", 1_000_000, "audio", "a\nb")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail)
                        .startsWith("audio must be a group id"));
    }
}
