package org.hlspipeline.queryapi.iptv;

import static org.hlspipeline.queryapi.testing.ChannelForms.configure;
import static org.hlspipeline.queryapi.testing.ChannelForms.enqueue;
import static org.hlspipeline.queryapi.testing.ChannelForms.vod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
 * The IPTV channel list and guide against one real instance on a real broker, with short timings (target duration
 * 1 s, assets of 1 s segments), checked with {@link IptvFormats}: what Jellyfin's M3U and XMLTV readers and the
 * XMLTV DTD accept, and times that match the channel's projected schedule ({@code GET /api/channels/{id}}).
 * Also: the OpenAPI description, and {@code HLS_MEDIA_DIR} being ignored against an external cluster.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IptvIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration POLL = Duration.ofMillis(200);
    private static final String EP1_TITLE = "Episode 1 & <Pilot>";
    private static final String EP2_TITLE = "Épisode 2 \"Ünïcödé\" 'quoted' 📺";

    private PipelineInstance app;
    private WebTestClient http;

    @BeforeAll
    void start(@TempDir Path dataDir, @TempDir Path media) throws Exception {
        Files.writeString(media.resolve("clip.ts"), "not served against an external cluster");
        app = PipelineInstance.start(TestPipeline.unique("iptv"), dataDir,
                Map.of("hls.media-dir", media.toString()));
        http = app.http();
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void theListHasEveryAiringChannelAndTheGuideItsProgrammesAsProjected() {
        // Anchored on a whole second: ep1 airs [A, A+10), ep2 [A+10, A+14), then the filler loops from A+14.
        Instant anchor = Instant.now().plusSeconds(3).truncatedTo(ChronoUnit.SECONDS);
        post("iptv-main", configure(vod("filler", "FILLER", "Filler", 3)), anchor);
        post("iptv-main", enqueue(vod("ep1", "PROGRAM", EP1_TITLE, 10), vod("ep2", "PROGRAM", EP2_TITLE, 4)), anchor);
        post("iptv-second", configure(vod("loop", "FILLER", "Loop", 6)), null);

        await("ep1 airs on iptv-main, the filler on iptv-second").atMost(Duration.ofSeconds(30)).pollInterval(POLL)
                .until(() -> "ep1".equals(nowPlaying("iptv-main")) && "loop".equals(nowPlaying("iptv-second")));

        // --- the channel list ---
        EntityExchangeResult<byte[]> m3u = get("/channels.m3u");
        assertThat(m3u.getStatus()).isEqualTo(HttpStatus.OK);
        MediaType m3uType = m3u.getResponseHeaders().getContentType();
        assertThat(m3uType.getType() + "/" + m3uType.getSubtype()).isEqualTo("audio/x-mpegurl");
        assertThat(m3uType.getCharset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(m3u.getResponseHeaders().getFirst(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)).isEqualTo("*");
        IptvFormats.M3uList list = IptvFormats.parseM3u(text(m3u));
        assertThat(list.header()).containsEntry("x-tvg-url", app.baseUrl() + "/epg.xml");
        Map<String, IptvFormats.M3uEntry> entries = byTvgId(list);
        assertThat(entries).containsKeys("iptv-main", "iptv-second");
        IptvFormats.M3uEntry main = entries.get("iptv-main");
        assertThat(main.duration()).isEqualTo("-1");
        assertThat(main.attributes()).containsEntry("tvg-name", "iptv-main");
        assertThat(main.name()).isEqualTo("iptv-main");
        assertThat(main.url()).isEqualTo(app.baseUrl() + "/channels/iptv-main/master.m3u8");
        // The URL is the channel's master playlist, as players open it.
        EntityExchangeResult<byte[]> master = get(main.url().substring(app.baseUrl().length()));
        assertThat(master.getStatus()).isEqualTo(HttpStatus.OK);
        assertThat(text(master)).startsWith("#EXTM3U\n").contains("#EXT-X-STREAM-INF:");

        // --- the guide, against the projected schedule read just before and just after it ---
        Snapshot snapshot = snapshot(List.of("iptv-main", "iptv-second"));
        EntityExchangeResult<byte[]> epg = snapshot.epg();
        assertThat(epg.getStatus()).isEqualTo(HttpStatus.OK);
        MediaType epgType = epg.getResponseHeaders().getContentType();
        assertThat(epgType.getType() + "/" + epgType.getSubtype()).isEqualTo("application/xml");
        assertThat(epgType.getCharset()).isEqualTo(StandardCharsets.UTF_8);
        IptvFormats.Guide guide = IptvFormats.parseXmltv(epg.getResponseBody());
        // The DTD's time format, in UTC with the offset written out: no client has to guess a zone.
        Matcher times = Pattern.compile(" (start|stop)=\"([^\"]*)\"")
                .matcher(text(epg));
        int timesSeen = 0;
        while (times.find()) {
            assertThat(times.group(2)).as(times.group()).matches("\\d{14} \\+0000");
            timesSeen++;
        }
        assertThat(timesSeen).as("start and stop of every programme").isEqualTo(2 * guide.programmes().size());
        JsonNode api = snapshot.api().get("iptv-main");
        Instant asked = snapshot.asked();

        // Every channel of the list is in the guide under its tvg-id, and only those.
        assertThat(guide.channels().keySet()).containsExactlyInAnyOrderElementsOf(entries.keySet());
        assertThat(guide.channels()).containsEntry("iptv-main", "iptv-main");
        matchesTheProjection(guide.of("iptv-main"), api, asked);
        matchesTheProjection(guide.of("iptv-second"), snapshot.api().get("iptv-second"), asked);

        // Anchored, the times are known exactly, and so is when ep1 (now playing) began.
        assertThat(api.path("nowPlaying").path("itemId").asString()).as("ep1 airs throughout").isEqualTo("ep1");
        assertThat(guide.of("iptv-main")).containsExactly(
                programme("iptv-main", anchor, anchor.plusSeconds(10), EP1_TITLE),
                programme("iptv-main", anchor.plusSeconds(10), anchor.plusSeconds(14), EP2_TITLE),
                programme("iptv-main", anchor.plusSeconds(14), anchor.plusSeconds(17), "Filler"));
        assertThat(guide.of("iptv-second")).singleElement().satisfies(p -> {
            assertThat(p.title()).isEqualTo("Loop");
            assertThat(p.start()).isBeforeOrEqualTo(asked);
        });
    }

    @Test
    void channelsLeaveTheListAndTheGuideWhenTheyEnd() {
        post("iptv-ending", configure(vod("filler", "FILLER", "Filler", 2)), null);
        await("listed").atMost(Duration.ofSeconds(20)).pollInterval(POLL)
                .until(() -> byTvgId(IptvFormats.parseM3u(text(get("/channels.m3u")))).containsKey("iptv-ending"));
        assertThat(IptvFormats.parseXmltv(get("/epg.xml").getResponseBody()).of("iptv-ending")).isNotEmpty();

        post("iptv-ending", Map.of("type", "end", "when", "NOW"), null);
        await("no longer listed").atMost(Duration.ofSeconds(20)).pollInterval(POLL)
                .until(() -> !byTvgId(IptvFormats.parseM3u(text(get("/channels.m3u")))).containsKey("iptv-ending"));
        IptvFormats.Guide guide = IptvFormats.parseXmltv(get("/epg.xml").getResponseBody());
        assertThat(guide.channels()).doesNotContainKey("iptv-ending");
        assertThat(guide.of("iptv-ending")).isEmpty();
    }

    @Test
    void urlsAreBuiltFromTheHostTheClientAsked() throws Exception {
        // Sent over a socket: HTTP clients set Host from the URL they connect to.
        String m3u = rawGet("/channels.m3u", "tv.example:8443");
        IptvFormats.M3uList list = IptvFormats.parseM3u(m3u);
        assertThat(list.header()).containsEntry("x-tvg-url", "http://tv.example:8443/epg.xml");
        assertThat(list.entries()).allSatisfy(e -> assertThat(e.url())
                .isEqualTo("http://tv.example:8443/channels/" + e.attributes().get("tvg-id") + "/master.m3u8"));
    }

    @Test
    void theMediaDirectoryIsNotServedAgainstAnExternalCluster() {
        EntityExchangeResult<byte[]> clip = get("/media/clip.ts");
        assertThat(clip.getStatus()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(text(clip)).doesNotContain("not served");
    }

    @Test
    void theHttpApiIsDescribedAtV3ApiDocsWithAnInteractivePage() {
        EntityExchangeResult<byte[]> docs = get("/v3/api-docs");
        assertThat(docs.getStatus()).isEqualTo(HttpStatus.OK);
        assertThat(docs.getResponseHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_JSON)).isTrue();
        JsonNode openApi = JSON.readTree(text(docs));
        assertThat(openApi.path("openapi").asString()).startsWith("3.");
        assertThat(openApi.path("info").path("title").asString()).isEqualTo("HLS pipeline");
        List<String> paths = new ArrayList<>(openApi.path("paths").propertyNames());
        assertThat(paths).contains("/channels.m3u", "/epg.xml", "/api/channels", "/api/channels/{channelId}",
                "/channels/{channelId}/master.m3u8", "/channels/{channelId}/commands", "/broadcasts",
                "/streams/{streamId}/renditions/{rendition}/segments",
                "/streams/{streamId}/renditions/{rendition}/playlist.m3u8");
        assertThat(paths).noneMatch(p -> p.startsWith("/internal/")).noneMatch(p -> p.startsWith("/media/"));
        assertThat(openApi.path("paths").path("/epg.xml").path("get").path("responses").path("200")
                .path("content").has("application/xml")).isTrue();
        assertThat(openApi.path("paths").path("/channels.m3u").path("get").path("responses").path("200")
                .path("content").has("audio/x-mpegurl")).isTrue();

        EntityExchangeResult<byte[]> page = get("/swagger-ui.html");
        assertThat(page.getStatus().is3xxRedirection()).as("status %s", page.getStatus()).isTrue();
        String location = page.getResponseHeaders().getLocation().toString();
        EntityExchangeResult<byte[]> ui = get(location);
        assertThat(ui.getStatus()).isEqualTo(HttpStatus.OK);
        assertThat(ui.getResponseHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
        assertThat(text(ui)).containsIgnoringCase("swagger-ui");
        EntityExchangeResult<byte[]> config = get("/v3/api-docs/swagger-config");
        assertThat(config.getStatus()).isEqualTo(HttpStatus.OK);
        assertThat(JSON.readTree(text(config)).path("url").asString()).isEqualTo("/v3/api-docs");
    }

    // --- checks ---

    /**
     * The programmes are the projection: now playing first (its title, its end, a start no later than the request),
     * then each entry up next in order with its title, start and end; times within a second (XMLTV has whole
     * seconds), and nothing else.
     */
    private static void matchesTheProjection(List<IptvFormats.Programme> programmes, JsonNode api, Instant asked) {
        List<IptvFormats.Programme> remaining = new ArrayList<>(programmes);
        JsonNode now = api.path("nowPlaying");
        if (now.isObject()) {
            assertThat(remaining).as("now playing %s", now).isNotEmpty();
            IptvFormats.Programme first = remaining.remove(0);
            assertThat(first.title()).isEqualTo(now.path("title").asString());
            assertThat(first.start()).isBeforeOrEqualTo(asked);
            assertWithinASecond(first.stop(), now.path("endsAt").asString());
        }
        for (JsonNode next : api.path("upNext")) {
            assertThat(remaining).as("a programme for %s", next).isNotEmpty();
            IptvFormats.Programme programme = remaining.remove(0);
            assertThat(programme.title()).isEqualTo(next.path("title").asString());
            assertWithinASecond(programme.start(), next.path("startsAt").asString());
            assertWithinASecond(programme.stop(), next.path("endsAt").asString());
        }
        assertThat(remaining).as("programmes the projection does not have").isEmpty();
    }

    /** The channels' API answers read before and after the guide, equal in what they project. */
    private record Snapshot(Map<String, JsonNode> api, EntityExchangeResult<byte[]> epg, Instant asked) {
    }

    /**
     * Reads the channels' projections, the guide, and the projections again, until no item changed in between
     * (an item boundary between the reads would make them disagree for reasons that are not the guide's).
     */
    private Snapshot snapshot(List<String> channels) {
        for (int attempt = 0; attempt < 5; attempt++) {
            Map<String, JsonNode> before = new LinkedHashMap<>();
            channels.forEach(c -> before.put(c, api(c)));
            Instant asked = Instant.now();
            EntityExchangeResult<byte[]> epg = get("/epg.xml");
            boolean still = channels.stream().allMatch(c -> projection(before.get(c)).equals(projection(api(c))));
            if (still) {
                return new Snapshot(before, epg, asked);
            }
        }
        throw new AssertionError("an item changed during every one of five reads");
    }

    private static String projection(JsonNode api) {
        JsonNode now = api.path("nowPlaying");
        return (now.isObject() ? now.path("itemId").asString() + "@" + now.path("endsAt").asString() : "-") + " "
                + api.path("upNext");
    }

    private static void assertWithinASecond(Instant actual, String expected) {
        Instant e = Instant.parse(expected);
        assertThat(Duration.between(e, actual).abs()).as("%s vs %s", actual, e).isLessThan(Duration.ofSeconds(1));
    }

    private static IptvFormats.Programme programme(String channel, Instant start, Instant stop, String title) {
        return new IptvFormats.Programme(channel, start, stop, title);
    }

    private static Map<String, IptvFormats.M3uEntry> byTvgId(IptvFormats.M3uList list) {
        Map<String, IptvFormats.M3uEntry> byId = new LinkedHashMap<>();
        for (IptvFormats.M3uEntry entry : list.entries()) {
            assertThat(byId.put(entry.attributes().get("tvg-id"), entry)).as("tvg-id listed once").isNull();
        }
        return byId;
    }

    // --- the API, as ChannelHttpIT drives it ---

    private String nowPlaying(String channel) {
        EntityExchangeResult<byte[]> result = get("/api/channels/" + channel);
        if (result.getStatus() != HttpStatus.OK) {
            return null;
        }
        JsonNode now = JSON.readTree(text(result)).path("nowPlaying");
        return now.isObject() ? now.path("itemId").asString() : null;
    }

    private JsonNode api(String channel) {
        EntityExchangeResult<byte[]> result = get("/api/channels/" + channel);
        assertThat(result.getStatus()).as(text(result)).isEqualTo(HttpStatus.OK);
        return JSON.readTree(text(result));
    }




    private void post(String channel, Map<String, Object> command, Instant effectiveAt) {
        Map<String, Object> body = new LinkedHashMap<>(command);
        if (effectiveAt != null) {
            body.put("effectiveAt", effectiveAt.toString());
        }
        http.post().uri("/channels/{c}/commands", channel).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange().expectStatus().isAccepted().expectBody(Void.class);
    }

    private EntityExchangeResult<byte[]> get(String path) {
        return http.get().uri(path).exchange().expectBody(byte[].class).returnResult();
    }

    private static String text(EntityExchangeResult<byte[]> result) {
        byte[] body = result.getResponseBody();
        return body == null ? "" : new String(body, StandardCharsets.UTF_8);
    }

    /** The body of a 200 answer to a GET sent byte for byte with this Host header. */
    private String rawGet(String target, String host) throws Exception {
        int port = Integer.parseInt(app.baseUrl().substring(app.baseUrl().lastIndexOf(':') + 1));
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: " + host
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(response).startsWith("HTTP/1.1 200");
            int bodyStart = response.indexOf("\r\n\r\n") + 4;
            assertThat(response.substring(0, bodyStart).toLowerCase()).doesNotContain("transfer-encoding: chunked");
            return response.substring(bodyStart);
        }
    }
}
