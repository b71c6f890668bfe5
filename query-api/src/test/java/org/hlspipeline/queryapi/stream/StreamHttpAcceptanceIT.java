package org.hlspipeline.queryapi.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hlspipeline.queryapi.testing.HttpPlaylists.end;
import static org.hlspipeline.queryapi.testing.HttpPlaylists.mediaPath;
import static org.hlspipeline.queryapi.testing.HttpPlaylists.playlist;
import static org.hlspipeline.queryapi.testing.HttpPlaylists.register;
import static org.hlspipeline.queryapi.testing.HttpPlaylists.registered;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import org.hlspipeline.processor.hls.HlsPlaylistParser;
import org.hlspipeline.processor.hls.HlsRules;
import org.hlspipeline.processor.hls.ParsedMediaPlaylist;
import org.hlspipeline.processor.hls.ParsedSegment;
import org.hlspipeline.queryapi.testing.PipelineInstance;
import org.hlspipeline.queryapi.testing.TestPipeline;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The seed orchestrator's behaviours and the HLS rules beyond them, over HTTP, against one real instance on a
 * real broker. Every test uses its own stream id, so they share the instance without sharing state.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StreamHttpAcceptanceIT {

    private PipelineInstance app;
    private WebTestClient http;

    @BeforeAll
    void start(@TempDir Path dataDir) {
        app = PipelineInstance.start(TestPipeline.unique("acceptance"), dataDir);
        http = app.http();
    }

    @AfterAll
    void stop() {
        app.close();
    }

    // --- the seed orchestrator's behaviours ---

    @Test
    void registeringASegmentAnswers201WithTheSegmentVisible() {
        register(http, "reg", "720p", 1).expectStatus().isCreated()
                .expectHeader().location("/streams/reg/renditions/720p/playlist.m3u8")
                .expectBody().jsonPath("$.status").isEqualTo("recorded");
    }

    @Test
    void aBodyThatIsNotJsonIs400WithAProblem() {
        http.post().uri("/streams/bad/renditions/720p/segments").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("this is not json").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(400);
    }

    @Test
    void missingFieldsAre400() {
        http.post().uri("/streams/bad/renditions/720p/segments").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("sequence", 1, "path", "/a.ts")).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("duration"));
    }

    @Test
    void registeringAfterTheStreamEndedIs409() {
        registered(http, "ended409", "720p", 1);
        end(http, "ended409");

        register(http, "ended409", "720p", 2).expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void playlistsAreServedAsHls() {
        registered(http, "ctype", "720p", 1);

        http.get().uri(mediaPath("ctype", "720p")).exchange()
                .expectStatus().isOk()
                .expectHeader().contentType("application/vnd.apple.mpegurl");
    }

    @Test
    void unknownStreamOrRenditionIs404() {
        registered(http, "known", "720p", 1);

        http.get().uri(mediaPath("unknown", "720p")).exchange().expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        http.get().uri(mediaPath("known", "1080p")).exchange().expectStatus().isNotFound().expectBody(Void.class);
    }

    @Test
    void mediaSequenceIsTheFirstSequenceShown() {
        for (long s = 40; s <= 42; s++) {
            registered(http, "mseq", "720p", s);
        }

        ParsedMediaPlaylist parsed = HlsPlaylistParser.parseMedia(playlist(http, "mseq", "720p"));
        assertThat(parsed.mediaSequence()).isEqualTo(40);
        assertThat(parsed.uris()).containsExactly("/segments/40.ts", "/segments/41.ts", "/segments/42.ts");
    }

    @Test
    void theWindowIsCappedAtTheWindowSizeAndSevenSegmentsShowTwoToSeven() {
        for (long s = 1; s <= 7; s++) {
            registered(http, "seven", "720p", s);
        }

        ParsedMediaPlaylist parsed = HlsPlaylistParser.parseMedia(playlist(http, "seven", "720p"));
        assertThat(parsed.segments()).hasSize(6);
        assertThat(parsed.mediaSequence()).isEqualTo(2);
        assertThat(parsed.uris()).containsExactly("/segments/2.ts", "/segments/3.ts", "/segments/4.ts",
                "/segments/5.ts", "/segments/6.ts", "/segments/7.ts");
    }

    @Test
    void segmentsAfterAGapStayHiddenUntilTheGapFills() {
        registered(http, "gapfill", "720p", 1);
        registered(http, "gapfill", "720p", 2);
        registered(http, "gapfill", "720p", 4); // recorded, waiting for 3

        assertThat(HlsPlaylistParser.parseMedia(playlist(http, "gapfill", "720p")).uris())
                .containsExactly("/segments/1.ts", "/segments/2.ts");

        registered(http, "gapfill", "720p", 3);
        assertThat(HlsPlaylistParser.parseMedia(playlist(http, "gapfill", "720p")).uris())
                .containsExactly("/segments/1.ts", "/segments/2.ts", "/segments/3.ts", "/segments/4.ts");
    }

    @Test
    void anEndedStreamHasEndlistAndEndingIsIdempotent() {
        registered(http, "endlist", "720p", 1);
        registered(http, "endlist", "480p", 1);
        end(http, "endlist");
        end(http, "endlist");

        String playlist = playlist(http, "endlist", "720p");
        assertThat(playlist).endsWith("#EXT-X-ENDLIST\n");
        assertThat(playlist.split("#EXT-X-ENDLIST", -1)).hasSize(2);
        assertThat(playlist(http, "endlist", "480p")).endsWith("#EXT-X-ENDLIST\n");
        HlsRules.assertValidMediaPlaylist(playlist);
    }

    // --- beyond the seed ---

    @Test
    void theTargetDurationNeverChangesAcrossPollsAndEveryPollIsAValidSuccessor() {
        List<String> polls = new ArrayList<>();
        double[] durations = {2.0, 1.5, 2.0, 2.2, 1.9, 2.0, 2.0, 1.0, 2.0};
        for (int i = 0; i < durations.length; i++) {
            register(http, "polls", "720p", i, durations[i], "/p/" + i + ".ts").expectStatus().isCreated()
                    .expectBody(Void.class);
            polls.add(playlist(http, "polls", "720p"));
        }

        for (String poll : polls) {
            HlsRules.assertValidMediaPlaylist(poll);
            assertThat(HlsPlaylistParser.parseMedia(poll).targetDuration()).isEqualTo(2);
        }
        for (int i = 1; i < polls.size(); i++) {
            HlsRules.assertValidSuccessor(polls.get(i - 1), polls.get(i));
        }
    }

    @Test
    void aGapPastItsDeadlineIsRenderedAsExtXGapAndTheStreamGoesOn() {
        // 1 s segments: target duration 1 s, so the gap deadline is 1.5 s after segment 3 arrives.
        register(http, "deadline", "720p", 1, 1.0, "/d/1.ts").expectStatus().isCreated().expectBody(Void.class);
        register(http, "deadline", "720p", 3, 1.0, "/d/3.ts").expectStatus().isCreated().expectBody(Void.class);

        await("gap declared").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> playlist(http, "deadline", "720p").contains("#EXT-X-GAP"));

        register(http, "deadline", "720p", 4, 1.0, "/d/4.ts").expectStatus().isCreated().expectBody(Void.class);
        String playlist = playlist(http, "deadline", "720p");
        HlsRules.assertValidMediaPlaylist(playlist);
        List<ParsedSegment> segments = HlsPlaylistParser.parseMedia(playlist).segments();
        assertThat(segments).extracting(ParsedSegment::mediaSequence).containsExactly(1L, 2L, 3L, 4L);
        assertThat(segments).extracting(ParsedSegment::gap).containsExactly(false, true, false, false);

        // The lost segment turning up later is dropped: 409, and the playlist keeps its gap.
        register(http, "deadline", "720p", 2, 1.0, "/d/2.ts").expectStatus().isEqualTo(409).expectBody(Void.class);
        assertThat(playlist(http, "deadline", "720p")).isEqualTo(playlist);
    }

    @Test
    void theDiscontinuitySequenceGrowsWhenADiscontinuitySlidesOut() {
        registered(http, "disc", "720p", 0);
        http.post().uri("/streams/disc/renditions/720p/segments").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("sequence", 1, "duration", 2.0, "path", "/segments/1.ts", "discontinuity", true))
                .exchange().expectStatus().isCreated().expectBody(Void.class);
        for (long s = 2; s <= 6; s++) {
            registered(http, "disc", "720p", s);
        }
        String before = playlist(http, "disc", "720p");
        assertThat(HlsPlaylistParser.parseMedia(before).discontinuitySequence()).isZero();
        assertThat(before).contains("#EXT-X-DISCONTINUITY\n");

        registered(http, "disc", "720p", 7); // segment 1 and its tag slide out
        registered(http, "disc", "720p", 8);

        String after = playlist(http, "disc", "720p");
        ParsedMediaPlaylist parsed = HlsPlaylistParser.parseMedia(after);
        assertThat(parsed.mediaSequence()).isEqualTo(3);
        assertThat(parsed.discontinuitySequence()).isEqualTo(1);
        assertThat(after).doesNotContain("#EXT-X-DISCONTINUITY\n");
        HlsRules.assertValidSuccessor(before, after);
    }

    @Test
    void duplicatesChangeNeitherThePlaylistNorTheRegisteredCounter() {
        registered(http, "dupes", "720p", 1);
        registered(http, "dupes", "720p", 2);
        String before = playlist(http, "dupes", "720p");
        double registeredBefore = metric("hls_segments_registered_total");
        double duplicatesBefore = metric("hls_segments_duplicate_total");

        register(http, "dupes", "720p", 2).expectStatus().isCreated().expectBody(Void.class);
        register(http, "dupes", "720p", 1).expectStatus().isCreated().expectBody(Void.class);

        assertThat(playlist(http, "dupes", "720p")).isEqualTo(before);
        assertThat(metric("hls_segments_registered_total")).isEqualTo(registeredBefore);
        assertThat(metric("hls_segments_duplicate_total")).isEqualTo(duplicatesBefore + 2);
    }

    @Test
    void aPathWithCrLfIs400AndNeverReachesAPlaylist() {
        registered(http, "crlf", "720p", 1);

        http.post().uri("/streams/crlf/renditions/720p/segments").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("sequence", 2, "duration", 2.0, "path", "/x.ts\r\n#EXT-X-ENDLIST")).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("U+000D"));

        String playlist = playlist(http, "crlf", "720p");
        assertThat(playlist).doesNotContain("/x.ts").doesNotContain("ENDLIST");
        HlsRules.assertValidMediaPlaylist(playlist);
    }

    @Test
    void aPostFollowedAtOnceByAGetShowsTheSegment() {
        for (long s = 1; s <= 5; s++) {
            registered(http, "ryw", "720p", s);
            assertThat(playlist(http, "ryw", "720p")).contains("/segments/" + s + ".ts\n");
        }
    }

    @Test
    void playlistsCarryAnETagAndRevalidateWith304() {
        registered(http, "etag", "720p", 1);
        String etag = http.get().uri(mediaPath("etag", "720p")).exchange().expectStatus().isOk()
                .expectBody().returnResult().getResponseHeaders().getETag();
        assertThat(etag).startsWith("\"").endsWith("\"");

        http.get().uri(mediaPath("etag", "720p")).header(HttpHeaders.IF_NONE_MATCH, etag).exchange()
                .expectStatus().isNotModified()
                .expectHeader().valueEquals(HttpHeaders.ETAG, etag);

        registered(http, "etag", "720p", 2);
        http.get().uri(mediaPath("etag", "720p")).header(HttpHeaders.IF_NONE_MATCH, etag).exchange()
                .expectStatus().isOk()
                .expectHeader().value(HttpHeaders.ETAG, newTag -> assertThat(newTag).isNotEqualTo(etag));
    }

    @Test
    void liveAndEndedPlaylistsAreCachedForAsLongAsTheyStayValid() {
        registered(http, "cache", "720p", 1);
        http.get().uri(mediaPath("cache", "720p")).exchange()
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "max-age=1, public")
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*");

        end(http, "cache");
        http.get().uri(mediaPath("cache", "720p")).exchange()
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "max-age=3600, public");
    }

    @Test
    void playlistsAreGzippedWhenAsked() throws Exception {
        for (long s = 1; s <= 6; s++) {
            register(http, "gzip", "720p", s, 2.0,
                    "https://cdn.example.com/live/gzip/720p/segment-000000" + s + ".ts").expectStatus().isCreated()
                            .expectBody(Void.class);
        }

        // The JDK client leaves the encoding alone (Reactor's client would decompress and drop the header).
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(app.baseUrl() + mediaPath("gzip", "720p")))
                        .header(HttpHeaders.ACCEPT_ENCODING, "gzip").build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.headers().firstValue(HttpHeaders.CONTENT_ENCODING)).hasValue("gzip");
        try (var gunzip = new GZIPInputStream(new ByteArrayInputStream(response.body()))) {
            assertThat(new String(gunzip.readAllBytes(), StandardCharsets.UTF_8))
                    .isEqualTo(playlist(http, "gzip", "720p"));
        }
    }

    @Test
    void theMasterPlaylistListsTheDescribedRenditions() {
        registered(http, "master", "720p", 1);
        registered(http, "master", "480p", 1);
        http.put().uri("/streams/master/renditions/720p").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("bandwidth", 2_500_000, "resolution", "1280x720",
                        "codecs", "avc1.4d401f,mp4a.40.2", "frameRate", 25))
                .exchange().expectStatus().isOk().expectBody(Void.class);
        http.put().uri("/streams/master/renditions/480p").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("bandwidth", 1_000_000, "resolution", "854x480"))
                .exchange().expectStatus().isOk().expectBody(Void.class);

        String master = new String(http.get().uri("/streams/master/master.m3u8").exchange()
                .expectStatus().isOk().expectHeader().contentType("application/vnd.apple.mpegurl")
                .expectBody().returnResult().getResponseBody());

        assertThat(master).isEqualTo("""
                #EXTM3U
                #EXT-X-STREAM-INF:BANDWIDTH=1000000,RESOLUTION=854x480
                renditions/480p/playlist.m3u8
                #EXT-X-STREAM-INF:BANDWIDTH=2500000,RESOLUTION=1280x720,CODECS="avc1.4d401f,mp4a.40.2",\
                FRAME-RATE=25.000
                renditions/720p/playlist.m3u8
                """);
        HlsRules.assertValidMasterPlaylist(master);
    }

    @Test
    void readsCarryCorsHeadersEvenWhenTheyFailAndWritesDoNot() {
        http.get().uri(mediaPath("nowhere", "720p")).exchange().expectStatus().isNotFound()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*")
                .expectHeader().value(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, v -> assertThat(v).contains("ETag"));

        register(http, "cors", "720p", 1).expectStatus().isCreated()
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
    }

    @Test
    void theStreamStateApiSummarisesEachRenditionsWindow() {
        for (long s = 1; s <= 8; s++) {
            if (s != 7) {
                registered(http, "state", "720p", s);
            }
        }
        http.put().uri("/streams/state/renditions/720p").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("bandwidth", 2_500_000)).exchange().expectStatus().isOk().expectBody(Void.class);

        http.get().uri("/api/streams/state").exchange().expectStatus().isOk()
                .expectHeader().valueEquals("X-Served-By", app.name())
                .expectBody()
                .jsonPath("$.streamId").isEqualTo("state")
                .jsonPath("$.ended").isEqualTo(false)
                .jsonPath("$.renditions[0].name").isEqualTo("720p")
                .jsonPath("$.renditions[0].mediaSequence").isEqualTo(1)
                .jsonPath("$.renditions[0].segments").isEqualTo(6)
                .jsonPath("$.renditions[0].lastSequence").isEqualTo(6)
                .jsonPath("$.renditions[0].pendingSegments").isEqualTo(1)
                .jsonPath("$.renditions[0].description.bandwidth").isEqualTo(2_500_000)
                .jsonPath("$.servedBy").isEqualTo(app.name())
                .jsonPath("$.role").isEqualTo("active");
        http.get().uri("/api/streams/unknown-stream").exchange().expectStatus().isNotFound().expectBody(Void.class);
    }

    @Test
    void theInternalStoreEndpointRejectsAnUnknownRole() {
        http.get().uri("/internal/stores/streams?key=x&partitionKey=x&role=boss").exchange()
                .expectStatus().isBadRequest().expectBody(Void.class);
    }

    @Test
    void responsesNameTheServingInstance() {
        registered(http, "servedby", "720p", 1);

        http.get().uri(mediaPath("servedby", "720p")).exchange()
                .expectHeader().valueEquals("X-Served-By", app.name())
                .expectHeader().valueEquals("X-Served-Role", "active");
    }

    @Test
    void readinessFollowsKafkaStreamsAndMetricsKeepTheSeedsNames() {
        http.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.components.kafkaStreams.details.state").isEqualTo("RUNNING");

        registered(http, "metrics", "720p", 1);
        end(http, "metrics");
        String scrape = prometheus();
        assertThat(scrape).contains("hls_requests_total", "hls_segments_registered_total",
                "hls_streams_ended_total", "hls_active_streams", "hls_errors_total", "hls_render_seconds",
                "hls_event_to_visible_seconds", "kafka_stream_");
        assertThat(metric("hls_streams_ended_total")).isGreaterThanOrEqualTo(1);
    }

    private String prometheus() {
        return http.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
    }

    private double metric(String name) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "(?:\\{[^}]*\\})? ([0-9.eE+-]+)$")
                .matcher(prometheus());
        double sum = 0;
        boolean found = false;
        while (m.find()) {
            sum += Double.parseDouble(m.group(1));
            found = true;
        }
        assertThat(found).as("metric %s in the scrape", name).isTrue();
        return sum;
    }
}
