package org.hlspipeline.queryapi.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hlspipeline.queryapi.testing.HttpPlaylists.playlist;

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
 * fMP4/CMAF and encrypted segments over HTTP: the map, byte range and key of the segment form reach the playlist
 * as EXT-X-MAP, EXT-X-BYTERANGE and EXT-X-KEY, and a bad one is a 400 problem that names its rule.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CmafSegmentsIT {

    private PipelineInstance app;
    private WebTestClient http;

    @BeforeAll
    void start(@TempDir Path dataDir) {
        app = PipelineInstance.start(TestPipeline.unique("cmaf"), dataDir);
        http = app.http();
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    private WebTestClient.ResponseSpec post(String stream, Map<String, Object> body) {
        return http.post().uri("/streams/{s}/renditions/720p/segments", stream)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    @Test
    void theMapByteRangeAndKeyReachThePlaylist() {
        Map<String, Object> key = Map.of("method", "AES-128", "uri", "https://keys.example/k1",
                "iv", "0x000102030405060708090a0b0c0d0e0f");
        for (long n = 1; n <= 3; n++) {
            post("cmaf", Map.of("sequence", n, "duration", 2.0, "path", "media.mp4",
                    "map", Map.of("uri", "media.mp4", "byteRange", "720@0"),
                    "byteRange", (1000 * n) + "@" + (720 + 1000 * (n - 1)), "key", key))
                    .expectStatus().isCreated().expectBody(Void.class);
        }

        String text = playlist(http, "cmaf", "720p");

        assertThat(text).contains("#EXT-X-VERSION:6\n")
                .containsOnlyOnce("#EXT-X-KEY:METHOD=AES-128,URI=\"https://keys.example/k1\","
                        + "IV=0x000102030405060708090a0b0c0d0e0f\n")
                .containsOnlyOnce("#EXT-X-MAP:URI=\"media.mp4\",BYTERANGE=\"720@0\"\n")
                .contains("#EXTINF:2.000,\n#EXT-X-BYTERANGE:2000@1720\nmedia.mp4\n");
        HlsRules.assertValidMediaPlaylist(text);
    }

    @Test
    void aBadKeyOrRangeIsA400ThatNamesItsRule() {
        post("bad", Map.of("sequence", 1, "duration", 2.0, "path", "a.m4s", "key",
                Map.of("method", "AES-256", "uri", "https://keys.example/k")))
                .expectStatus().isBadRequest().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail)
                        .contains("key method must be AES-128, SAMPLE-AES or SAMPLE-AES-CTR"));
        post("bad", Map.of("sequence", 1, "duration", 2.0, "path", "a.m4s", "byteRange", "720"))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail)
                        .contains("byteRange must be <length>@<offset>"));
        post("bad", Map.of("sequence", 1, "duration", 2.0, "path", "seg\u202Est.m4s"))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail)
                        .contains("invisible format character U+202E"));
        post("bad", Map.of("sequence", 1, "duration", 2.0, "path", "a.m4s", "map", Map.of("uri", "init\".mp4")))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail)
                        .contains("map URI"));
    }
}
