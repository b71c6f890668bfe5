package org.hlspipeline.queryapi.channel;

import static org.hlspipeline.queryapi.testing.ChannelForms.configure;
import static org.hlspipeline.queryapi.testing.ChannelForms.enqueue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hlspipeline.queryapi.testing.ChannelForms;
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
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Channels over HTTP against one real instance on a real broker, with short timings: target duration 1 s, assets
 * of 1 s segments, commands effective 1 s after they are received ({@code hls.channel.command-lead}). Each test
 * has its own channel id, so they share the instance without sharing state.
 *
 * <p>Where a test needs to know exactly when something airs, it gives its commands an {@code effectiveAt} a
 * few seconds ahead: the channel's timeline is then anchored there, segment k of the first item airs at
 * anchor + k s, and the expectations are exact.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChannelHttpIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern SEGMENT_URI = Pattern.compile("https://cdn\\.example/([^/]+)/(720p|480p)/seg(\\d+)\\.ts");
    private static final Duration POLL = Duration.ofMillis(200);

    private PipelineInstance app;
    private WebTestClient http;

    @BeforeAll
    void start(@TempDir Path dataDir) {
        app = PipelineInstance.start(TestPipeline.unique("channels"), dataDir);
        http = app.http();
    }

    @AfterAll
    void stop() {
        app.close();
    }

    // --- the channel airs its queue, then the filler ---

    @Test
    void aChannelAirsItsItemsWithDiscontinuitiesThenTheFillerAndEveryPollIsAValidLivePlaylist() {
        String channel = "tv-main";
        Instant anchor = Instant.now().plusSeconds(3).truncatedTo(ChronoUnit.MILLIS);
        post(channel, configure(vod("filler", "FILLER", 3)), anchor).expectStatus().isAccepted()
                .expectHeader().location("/api/channels/" + channel)
                .expectBody().jsonPath("$.commandId").isNotEmpty().jsonPath("$.type").isEqualTo("configure");
        post(channel, enqueue(vod("ep1", "PROGRAM", 4), vod("ep2", "PROGRAM", 3)), anchor)
                .expectStatus().isAccepted().expectBody().jsonPath("$.status").isEqualTo("scheduled");

        // Not configured until its effective time: no playlists yet.
        if (Instant.now().isBefore(anchor.minusMillis(300))) {
            problem(get(mediaPath(channel, "720p")), HttpStatus.NOT_FOUND, "not configured");
        }

        Playlists seen = new Playlists();
        await("ep1, ep2 and then the filler aired").atMost(Duration.ofSeconds(30)).pollInterval(POLL)
                .until(() -> seen.poll(channel) && seen.labels().contains("|filler#0"));

        assertThat(seen.labels()).startsWith("ep1#0", "ep1#1", "ep1#2", "ep1#3", "|ep2#0", "ep2#1", "ep2#2",
                "|filler#0");
        // The timeline is anchored at the configure's effective time: segment n airs n seconds later, as the
        // program date-times say (written on the first segment and after each discontinuity at least).
        assertThat(seen.segments.firstKey()).isZero();
        assertThat(seen.segments.get(0L).programDateTime()).isEqualTo(anchor);
        seen.segments.forEach((sequence, segment) -> {
            if (segment.programDateTime() != null || segment.discontinuity()) {
                assertThat(segment.programDateTime()).isEqualTo(anchor.plusSeconds(sequence));
            }
        });

        EntityExchangeResult<byte[]> master = get("/channels/" + channel + "/master.m3u8");
        assertThat(master.getStatus()).isEqualTo(HttpStatus.OK);
        assertThat(master.getResponseHeaders().getContentType()).hasToString("application/vnd.apple.mpegurl");
        assertThat(new String(master.getResponseBody(), StandardCharsets.UTF_8)).isEqualTo("""
                #EXTM3U
                #EXT-X-STREAM-INF:BANDWIDTH=2500000,RESOLUTION=1280x720,CODECS="avc1.4d401f,mp4a.40.2",FRAME-RATE=25.000
                renditions/720p/playlist.m3u8
                #EXT-X-STREAM-INF:BANDWIDTH=1000000,RESOLUTION=854x480,CODECS="avc1.4d401e,mp4a.40.2",FRAME-RATE=25.000
                renditions/480p/playlist.m3u8
                """);
        assertThat(master.getResponseHeaders().getFirst("X-Served-By")).isEqualTo(app.name());

        JsonNode api = api(channel);
        assertThat(api.path("configured").asBoolean()).isTrue();
        assertThat(api.path("ended").asBoolean()).isFalse();
        assertThat(api.path("ladder").findValuesAsString("name")).containsExactly("720p", "480p");
        assertThat(api.path("nowPlaying").path("itemId").asString()).isEqualTo("filler");
        assertThat(api.path("nowPlaying").path("fallback").asBoolean()).isTrue();
        assertThat(api.path("nowPlaying").path("loops").asBoolean()).isTrue();
        assertThat(api.path("upNext").size()).isZero();
        assertThat(api.path("horizon").path("reason").asString()).isEqualTo("LOOPS");
        assertThat(api.path("window").path("targetDuration").asInt()).isEqualTo(1);
        assertThat(api.path("window").path("segments").asInt()).isBetween(3, 6);
        assertThat(api.path("servedBy").asString()).isEqualTo(app.name());
        assertThat(api.path("role").asString()).isEqualTo("active");
    }

    @Test
    void anInterruptAirsItsItemsThenTheCutItemResumesAtItsNextUnairedSegment() {
        String channel = "tv-interrupt";
        Instant anchor = Instant.now().plusSeconds(3).truncatedTo(ChronoUnit.MILLIS);
        post(channel, configure(vod("filler", "FILLER", 3)), anchor).expectStatus().isAccepted().expectBody(Void.class);
        post(channel, enqueue(vod("ep", "PROGRAM", 8)), anchor).expectStatus().isAccepted().expectBody(Void.class);

        // Effective 3 s after the anchor: a boundary, so ep's segments 0-2 air, then news, then ep from 3.
        Instant cut = anchor.plusSeconds(3);
        Map<String, Object> interrupt = new LinkedHashMap<>();
        interrupt.put("type", "interrupt");
        interrupt.put("items", List.of(vod("news", "PROGRAM", 2)));
        interrupt.put("resume", "RESUME");
        String commandId = json(post(channel, interrupt, cut).expectStatus().isAccepted()
                .expectBody(String.class).returnResult().getResponseBody()).path("commandId").asString();

        // Not effective yet: listed as scheduled, and the projection leaves it out until it is.
        JsonNode pending = await("the interrupt is scheduled").atMost(Duration.ofSeconds(5)).pollInterval(POLL)
                .until(() -> api(channel), a -> a.path("scheduled").findValuesAsString("id").contains(commandId));
        assertThat(pending.path("scheduled").findValuesAsString("type")).contains("interrupt");
        assertThat(pending.path("upNext").findValuesAsString("itemId")).doesNotContain("news");

        JsonNode during = await("news airs").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> api(channel), a -> "news".equals(a.path("nowPlaying").path("itemId").asString()));
        assertThat(during.path("nowPlaying").path("layer").asString()).isEqualTo(commandId);
        assertThat(during.path("layers").findValuesAsString("id")).containsExactly(commandId);
        JsonNode resumes = during.path("upNext").get(0);
        assertThat(resumes.path("itemId").asString()).isEqualTo("ep");
        assertThat(resumes.path("fromSegment").asInt()).isEqualTo(3);
        assertThat(resumes.path("toSegment").asInt()).isEqualTo(8);
        assertThat(Instant.parse(resumes.path("startsAt").asString())).isEqualTo(anchor.plusSeconds(5));
        assertThat(Instant.parse(resumes.path("endsAt").asString())).isEqualTo(anchor.plusSeconds(10));
        JsonNode filler = during.path("upNext").get(1);
        assertThat(filler.path("itemId").asString()).isEqualTo("filler");
        assertThat(filler.path("loops").asBoolean()).isTrue();

        Playlists seen = new Playlists();
        await("ep resumes after news").atMost(Duration.ofSeconds(20)).pollInterval(POLL)
                .until(() -> seen.poll(channel) && seen.labels().contains("ep#4"));
        assertThat(seen.labels()).startsWith("ep#0", "ep#1", "ep#2", "|news#0", "news#1", "|ep#3", "ep#4");
        assertThat(seen.segments.get(3L).programDateTime()).isEqualTo(cut);

        JsonNode after = api(channel);
        assertThat(after.path("nowPlaying").path("itemId").asString()).isEqualTo("ep");
        assertThat(after.path("nowPlaying").path("segment").asInt()).isGreaterThanOrEqualTo(3);
        assertThat(after.path("layers").size()).isZero();
    }

    // --- bad input ---

    @Test
    void badCommandsAre400ProblemsWithTheReasonAndTheChannelKeepsAiring() {
        String channel = "tv-bad";
        post(channel, configure(vod("filler", "FILLER", 3)), null).expectStatus().isAccepted().expectBody(Void.class);
        await("the filler airs").atMost(Duration.ofSeconds(15)).pollInterval(POLL)
                .until(() -> get(mediaPath(channel, "720p")).getStatus() == HttpStatus.OK);
        long before = mediaSequenceEnd(channel);

        Map<String, Object> sdOnly = vod("sd", "PROGRAM", 2);
        ((Map<?, ?>) ((Map<?, ?>) sdOnly.get("vod")).get("renditions")).remove("480p");
        rejected(channel, enqueue(sdOnly), "480p");

        Map<String, Object> zero = vod("zero", "PROGRAM", 2);
        ((Map<String, Object>) zero.get("vod")).put("segmentDuration", 0);
        rejected(channel, enqueue(zero), "segmentDuration");

        rejected(channel, Map.of("type", "enqueue", "items", List.of()), "items must list at least one item");
        rejected(channel, Map.of("type", "remove", "itemId", "nope"), "unknown item \"nope\"");
        String unknownType = rejected(channel, Map.of("type", "dance"), "type 'dance' is not one of");
        assertThat(unknownType).contains("\"field\":\"type\"");
        rejected(channel, "this is not json", "not valid JSON");
        rejected(channel, Map.of("type", "enqueue", "items", List.of(Map.of("itemId", "x", "vod", "no"))),
                "items[0].vod must be an object");

        // A command for a channel that was never configured is refused, and creates nothing.
        rejected("tv-never", enqueue(vod("ep", "PROGRAM", 2)), "not configured");
        problem(get("/api/channels/tv-never"), HttpStatus.NOT_FOUND, "No channel");

        await("the channel keeps airing").atMost(Duration.ofSeconds(10)).pollInterval(POLL)
                .until(() -> mediaSequenceEnd(channel) > before + 1);
        HlsRules.assertValidMediaPlaylist(text(get(mediaPath(channel, "720p"))));
    }

    @Test
    void unknownChannelsRenditionsAndChannelsThatHaveNotAiredAre404() {
        problem(get("/channels/nobody/master.m3u8"), HttpStatus.NOT_FOUND, "No channel 'nobody'");
        problem(get(mediaPath("nobody", "720p")), HttpStatus.NOT_FOUND, "No channel 'nobody'");
        problem(get("/api/channels/nobody"), HttpStatus.NOT_FOUND, "No channel 'nobody'");

        // Configured without a filler and nothing queued: the ladder is known, nothing airs.
        String channel = "tv-silent";
        post(channel, configure(null), null).expectStatus().isAccepted().expectBody(Void.class);
        await("configured").atMost(Duration.ofSeconds(15)).pollInterval(POLL)
                .until(() -> get("/channels/" + channel + "/master.m3u8").getStatus() == HttpStatus.OK);
        EntityExchangeResult<byte[]> silent = get(mediaPath(channel, "720p"));
        problem(silent, HttpStatus.NOT_FOUND, "has not aired a segment yet");
        assertThat(silent.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
        problem(get(mediaPath(channel, "1080p")), HttpStatus.NOT_FOUND, "no rendition '1080p'");
        JsonNode api = api(channel);
        assertThat(api.path("nowPlaying").isObject()).isFalse();
        assertThat(api.path("horizon").path("reason").asString()).isEqualTo("IDLE");
    }

    @Test
    void playlistsRevalidateWithTheirETag() {
        String channel = "tv-etag";
        post(channel, configure(vod("filler", "FILLER", 3)), null).expectStatus().isAccepted().expectBody(Void.class);
        await("the filler airs").atMost(Duration.ofSeconds(15)).pollInterval(POLL)
                .until(() -> get(mediaPath(channel, "480p")).getStatus() == HttpStatus.OK);

        EntityExchangeResult<byte[]> first = get(mediaPath(channel, "480p"));
        String etag = first.getResponseHeaders().getETag();
        assertThat(first.getResponseHeaders().getCacheControl()).isEqualTo("max-age=1, public");
        EntityExchangeResult<byte[]> again = http.get().uri(mediaPath(channel, "480p"))
                .header(HttpHeaders.IF_NONE_MATCH, etag).exchange().expectBody(byte[].class).returnResult();
        // 304 unless a segment aired in between, and then the new playlist has another tag.
        if (again.getStatus() == HttpStatus.OK) {
            assertThat(again.getResponseHeaders().getETag()).isNotEqualTo(etag);
        } else {
            assertThat(again.getStatus()).isEqualTo(HttpStatus.NOT_MODIFIED);
        }
    }

    // --- broadcasts and listing ---

    @Test
    void broadcastsAreAcceptedOrRefusedWithTheReason() {
        Map<String, Object> alert = new LinkedHashMap<>();
        alert.put("type", "alert");
        alert.put("alertId", "drill-1");
        alert.put("channels", List.of("no-such-channel"));
        alert.put("duration", 5);
        alert.put("items", List.of(vod("drill", "ALERT", 2)));
        http.post().uri("/broadcasts").contentType(MediaType.APPLICATION_JSON).bodyValue(alert).exchange()
                .expectStatus().isAccepted()
                .expectBody().jsonPath("$.alertId").isEqualTo("drill-1").jsonPath("$.type").isEqualTo("alert");
        http.post().uri("/broadcasts").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("type", "cancel-alert", "alertId", "drill-1")).exchange()
                .expectStatus().isAccepted().expectBody(Void.class);

        alert.put("priority", 0);
        http.post().uri("/broadcasts").contentType(MediaType.APPLICATION_JSON).bodyValue(alert).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("priority"));
        alert.remove("priority");
        alert.remove("channels");
        http.post().uri("/broadcasts").contentType(MediaType.APPLICATION_JSON).bodyValue(alert).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.field").isEqualTo("channels");
    }

    @Test
    void theListingShowsEveryChannelInOrderWithWhatItAirs() {
        for (String channel : List.of("list-b", "list-a")) {
            post(channel, configure(vod("filler", "FILLER", 3)), null).expectStatus().isAccepted()
                    .expectBody(Void.class);
        }
        JsonNode listing = await("both channels air").atMost(Duration.ofSeconds(15)).pollInterval(POLL)
                .until(() -> json(get("/api/channels")), l -> airing(l, "list-a") && airing(l, "list-b"));

        List<String> ids = listing.path("channels").findValuesAsString("channelId");
        assertThat(ids).isSorted().contains("list-a", "list-b");
        assertThat(listing.path("truncated").asBoolean()).isFalse();
        assertThat(listing.path("unavailableInstances").size()).isZero();
        JsonNode a = summary(listing, "list-a");
        assertThat(a.path("nowPlaying").path("title").asString()).isEqualTo("FILLER title");
        assertThat(a.path("ended").asBoolean()).isFalse();
        assertThat(a.path("master").asString()).isEqualTo("/channels/list-a/master.m3u8");

        // What each instance answers for the listing: its own keys, in order.
        JsonNode local = json(get("/internal/stores/channels/keys?limit=1000"));
        List<String> localIds = new ArrayList<>();
        local.forEach(id -> localIds.add(id.asString()));
        assertThat(localIds).isSorted().contains("list-a", "list-b");
        problem(get("/api/channels?limit=0"), HttpStatus.BAD_REQUEST, "limit must be 1 to 1000");

        JsonNode page = json(get("/api/channels?limit=1"));
        assertThat(page.path("channels").size()).isEqualTo(1);
        assertThat(page.path("truncated").asBoolean()).isTrue();
        assertThat(page.path("next").asString()).startsWith("/api/channels?after=");
        JsonNode second = json(get(page.path("next").asString()));
        assertThat(second.path("channels").get(0).path("channelId").asString())
                .isGreaterThan(page.path("channels").get(0).path("channelId").asString());
    }

    @Test
    void theListingNamesWhatAirsNextAndWhen() {
        String channel = "list-next";
        Instant anchor = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.MILLIS);
        post(channel, configure(vod("filler", "FILLER", 3)), anchor).expectStatus().isAccepted().expectBody(Void.class);
        post(channel, enqueue(vod("ep", "PROGRAM", 20)), anchor).expectStatus().isAccepted().expectBody(Void.class);

        JsonNode listing = await("the channel airs").atMost(Duration.ofSeconds(15)).pollInterval(POLL)
                .until(() -> json(get("/api/channels")), l -> airing(l, channel));
        JsonNode summary = summary(listing, channel);
        assertThat(summary.path("nowPlaying").path("itemId").asString()).isEqualTo("ep");
        // 20 segments of 1 s from the anchor, then the queue is empty and the filler takes over.
        JsonNode next = summary.path("upNext");
        assertThat(next.path("itemId").asString()).isEqualTo("filler");
        assertThat(next.path("title").asString()).isEqualTo("FILLER title");
        assertThat(Instant.parse(next.path("startsAt").asString())).isEqualTo(anchor.plusSeconds(20));
        assertThat(next.path("fallback").asBoolean()).isTrue();
    }

    // --- helpers ---

    /** Both renditions, polled together; every poll checked against the HLS rules and the previous poll. */
    private final class Playlists {

        final TreeMap<Long, ParsedSegment> segments = new TreeMap<>();
        final TreeMap<Long, String> labels = new TreeMap<>();
        String previousHd;
        String previousSd;

        /** False while the channel has no playlist yet. */
        boolean poll(String channel) {
            for (int attempt = 0; attempt < 5; attempt++) {
                EntityExchangeResult<byte[]> hd = get(mediaPath(channel, "720p"));
                if (hd.getStatus() == HttpStatus.NOT_FOUND) {
                    return false;
                }
                EntityExchangeResult<byte[]> sd = get(mediaPath(channel, "480p"));
                EntityExchangeResult<byte[]> hdAgain = get(mediaPath(channel, "720p"));
                if (text(hd).equals(text(hdAgain)) && sd.getStatus() == HttpStatus.OK) {
                    check(text(hd), text(sd));
                    return true;
                }
                // A segment aired between the reads: read again.
            }
            return fail("the renditions never held still for three reads");
        }

        private void check(String hd, String sd) {
            HlsRules.assertValidMediaPlaylist(hd);
            HlsRules.assertValidMediaPlaylist(sd);
            // Same media sequence, discontinuity sequence, boundaries, tags: only the URIs name another rendition.
            assertThat(sd).isEqualTo(hd.replace("/720p/", "/480p/"));
            if (previousHd != null) {
                HlsRules.assertValidSuccessor(previousHd, hd);
                HlsRules.assertValidSuccessor(previousSd, sd);
            }
            previousHd = hd;
            previousSd = sd;
            ParsedMediaPlaylist parsed = HlsPlaylistParser.parseMedia(hd);
            assertThat(parsed.targetDuration()).isEqualTo(1);
            for (ParsedSegment segment : parsed.segments()) {
                ParsedSegment known = segments.putIfAbsent(segment.mediaSequence(), segment);
                if (known != null) {
                    assertThat(segment.uri()).isEqualTo(known.uri());
                    assertThat(segment.discontinuity()).isEqualTo(known.discontinuity());
                }
                labels.put(segment.mediaSequence(), label(segment));
            }
        }

        List<String> labels() {
            return new ArrayList<>(labels.values());
        }
    }

    /** "ep1#2" for the asset's segment 2, with "|" before it when a discontinuity starts it. */
    private static String label(ParsedSegment segment) {
        Matcher m = SEGMENT_URI.matcher(segment.uri());
        assertThat(m.matches()).as(segment.uri()).isTrue();
        return (segment.discontinuity() ? "|" : "") + m.group(1) + "#" + m.group(3);
    }

    private long mediaSequenceEnd(String channel) {
        ParsedMediaPlaylist parsed = HlsPlaylistParser.parseMedia(text(get(mediaPath(channel, "720p"))));
        return parsed.mediaSequence() + parsed.segments().size();
    }

    private static String mediaPath(String channel, String rendition) {
        return "/channels/" + channel + "/renditions/" + rendition + "/playlist.m3u8";
    }




    /** A VOD item of {@code count} 1 s segments in both renditions, titled after its id. */
    private static Map<String, Object> vod(String itemId, String kind, int count) {
        return ChannelForms.vod(itemId, kind, itemId.toUpperCase() + " title", count);
    }

    private WebTestClient.ResponseSpec post(String channel, Map<String, Object> command, Instant effectiveAt) {
        Map<String, Object> body = new LinkedHashMap<>(command);
        if (effectiveAt != null) {
            body.put("effectiveAt", effectiveAt.toString());
        }
        return http.post().uri("/channels/{c}/commands", channel).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange();
    }

    /** Posts a command that must be refused: 400 problem+json whose detail contains {@code reason}. */
    private String rejected(String channel, Object body, String reason) {
        String problem = http.post().uri("/channels/{c}/commands", channel).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(json(problem).path("detail").asString()).as(problem).contains(reason);
        assertThat(json(problem).path("status").asInt()).isEqualTo(400);
        return problem;
    }

    private static void problem(EntityExchangeResult<byte[]> result, HttpStatus status, String detail) {
        assertThat(result.getStatus()).isEqualTo(status);
        assertThat(result.getResponseHeaders().getContentType()).isNotNull();
        assertThat(result.getResponseHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .as(String.valueOf(result.getResponseHeaders().getContentType())).isTrue();
        assertThat(json(text(result)).path("detail").asString()).contains(detail);
    }

    private EntityExchangeResult<byte[]> get(String path) {
        return http.get().uri(path).exchange().expectBody(byte[].class).returnResult();
    }

    private JsonNode api(String channel) {
        EntityExchangeResult<byte[]> result = get("/api/channels/" + channel);
        assertThat(result.getStatus()).as(text(result)).isEqualTo(HttpStatus.OK);
        return json(text(result));
    }

    private static boolean airing(JsonNode listing, String channel) {
        JsonNode summary = summary(listing, channel);
        return summary != null && summary.path("nowPlaying").isObject();
    }

    private static JsonNode summary(JsonNode listing, String channel) {
        for (JsonNode summary : listing.path("channels")) {
            if (channel.equals(summary.path("channelId").asString())) {
                return summary;
            }
        }
        return null;
    }

    private static String text(EntityExchangeResult<byte[]> result) {
        byte[] body = result.getResponseBody();
        return body == null ? "" : new String(body, StandardCharsets.UTF_8);
    }

    private static JsonNode json(EntityExchangeResult<byte[]> result) {
        return json(text(result));
    }

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }
}
