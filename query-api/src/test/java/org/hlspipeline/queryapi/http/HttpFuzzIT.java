package org.hlspipeline.queryapi.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import org.hlspipeline.queryapi.http.FuzzAnswers.Route;
import org.hlspipeline.queryapi.testing.Directories;
import org.hlspipeline.queryapi.testing.PipelineInstance;
import org.hlspipeline.queryapi.testing.TestPipeline;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeContainer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Property-based fuzzing of the whole HTTP surface of one real instance (real broker, real Kafka Streams, real
 * Netty), over raw sockets so that nothing repairs a broken request on the way: every read and write route with
 * hostile path segments (traversal, double encodings, bidi and zero-width characters, NUL, very long segments),
 * query strings, headers (huge, repeated, malformed), bodies (broken JSON, huge numbers, deep nesting, huge lists,
 * wrong content types), any method, and broken framing. Each answer must be one {@link FuzzAnswers} allows: no 5xx,
 * no exception text, a problem body for every error, only the documented body for a success. After each property,
 * no playlist the application lists carries anything the fuzzer marked, nor a character no playlist line may hold.
 * The counts and statuses are in docs/operations.md, HTTP limits.
 */
class HttpFuzzIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int TIMEOUT_MILLIS = 10_000;

    private static final List<Route> READS = List.of(Route.STREAM_MEDIA, Route.STREAM_MASTER, Route.CHANNEL_MEDIA,
            Route.CHANNEL_MASTER, Route.IPTV_LIST, Route.GUIDE, Route.STREAMS, Route.STREAM, Route.CHANNELS,
            Route.CHANNEL, Route.STORE_VALUE, Route.STORE_KEYS, Route.PAGE, Route.PAGE_FILE, Route.VIEWER_SCRIPT,
            Route.VIEWER_STYLE, Route.PLAYER, Route.READINESS);
    private static final List<Route> WRITES = List.of(Route.SEGMENTS, Route.RENDITION, Route.END, Route.COMMANDS,
            Route.BROADCASTS);

    private static final Map<String, LongAdder> STATUSES = new ConcurrentHashMap<>();
    private static final AtomicLong SENT = new AtomicLong();
    private static final AtomicLong STARTED = new AtomicLong();
    private static final Set<String> SEEN_PLAYLISTS = ConcurrentHashMap.newKeySet();

    private static Path dataDir;
    private static PipelineInstance app;
    private static int port;

    @BeforeContainer
    static void start() throws Exception {
        dataDir = Files.createTempDirectory("http-fuzz");
        // A short read-your-write wait: the writes that land answer 202 instead of waiting 2 s for visibility.
        app = PipelineInstance.start(TestPipeline.unique("fuzz"), dataDir,
                Map.of("hls.query.read-your-write-wait", "200ms"));
        port = Integer.parseInt(app.baseUrl().substring(app.baseUrl().lastIndexOf(':') + 1));
        STARTED.set(System.nanoTime());
    }

    @AfterContainer
    static void stop() {
        long millis = (System.nanoTime() - STARTED.get()) / 1_000_000;
        Map<String, Long> statuses = new TreeMap<>();
        STATUSES.forEach((status, count) -> statuses.put(status, count.sum()));
        String summary = "HttpFuzzIT: " + SENT.get() + " requests in " + millis + " ms, statuses " + statuses
                + ", playlists checked " + SEEN_PLAYLISTS.size();
        System.out.println(summary);
        try {
            Files.writeString(Path.of("target", "http-fuzz-summary.txt"), summary + "\n");
        } catch (java.io.IOException e) {
            System.out.println("summary not written: " + e);
        }
        if (app != null) {
            app.close();
        }
        Directories.deleteQuietly(dataDir);
        assertThat(SENT.get()).as("requests sent").isGreaterThanOrEqualTo(10_000);
    }

    @Property(tries = 3000, shrinking = ShrinkingMode.BOUNDED)
    void readsOfEveryEndpoint(@ForAll("reads") FuzzRequest request) throws Exception {
        send(request);
    }

    @Property(tries = 3000, shrinking = ShrinkingMode.BOUNDED)
    void writesOfEveryEndpoint(@ForAll("writes") FuzzRequest request) throws Exception {
        send(request);
    }

    @Property(tries = 2000, shrinking = ShrinkingMode.BOUNDED)
    void anyMethodOnAnyPath(@ForAll("anything") FuzzRequest request) throws Exception {
        send(request);
    }

    @Property(tries = 2000, shrinking = ShrinkingMode.BOUNDED)
    void brokenFraming(@ForAll("framing") FuzzRequest request) throws Exception {
        send(request);
    }

    @AfterProperty
    void noFuzzTextInPlaylists() throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Set<String> playlists = new LinkedHashSet<>();
        playlists.add("/channels.m3u");
        JsonNode streams = JSON.readTree(get(http, "/api/streams?limit=1000").body());
        for (JsonNode stream : streams.path("streams")) {
            if (stream.path("master").isString()) {
                playlists.add(stream.path("master").asString());
            }
            stream.path("renditions").forEach(r -> playlists.add(r.path("playlist").asString()));
        }
        JsonNode channels = JSON.readTree(get(http, "/api/channels?limit=1000").body());
        for (JsonNode channel : channels.path("channels")) {
            String master = channel.path("master").asString();
            playlists.add(master);
            HttpResponse<String> masterPlaylist = get(http, master);
            if (masterPlaylist.statusCode() == 200) {
                masterPlaylist.body().lines().filter(l -> !l.isEmpty() && !l.startsWith("#"))
                        .forEach(uri -> playlists.add(URI.create(master).resolve(uri).getPath()));
            }
        }
        assertThat(playlists).as("playlists to check").isNotEmpty();
        playlists.removeIf(String::isEmpty);
        for (String path : playlists) {
            assertThat(path).as("a listed playlist path").matches("/.*\\.m3u8?");
            HttpResponse<String> playlist = get(http, path);
            if (playlist.statusCode() != 200) {
                assertThat(playlist.statusCode()).as(path).isEqualTo(404);
                continue;
            }
            SEEN_PLAYLISTS.add(path);
            assertThat(playlist.body()).as("playlist " + path).startsWith("#EXTM3U");
            for (String line : playlist.body().split("\n", -1)) {
                assertThat(line).as(path).doesNotContain(FuzzInputs.MARK);
                assertThat(line.codePoints().filter(HttpFuzzIT::forbiddenInLine).toArray()).as(path + ": " + line)
                        .isEmpty();
                if (line.startsWith("#")) {
                    assertThat(line).as(path).startsWith("#EXT");
                }
            }
        }
    }

    /** A control character, a line separator, an invisible format character or an unpaired surrogate. */
    private static boolean forbiddenInLine(int c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x2028 || c == 0x2029
                || Character.getType(c) == Character.FORMAT || Character.getType(c) == Character.SURROGATE;
    }

    private static HttpResponse<String> get(HttpClient http, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + path)).timeout(Duration.ofSeconds(15))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void send(FuzzRequest request) throws Exception {
        boolean halfClose = request.framing() == FuzzRequest.Framing.AS_GIVEN;
        Optional<RawHttp.Response> response = RawHttp.exchangeAny(port, request.bytes(), TIMEOUT_MILLIS,
                request.head(), halfClose);
        SENT.incrementAndGet();
        String status = response.map(r -> String.valueOf(r.status())).orElse("closed");
        STATUSES.computeIfAbsent(status, s -> new LongAdder()).increment();
        if (response.isEmpty()) {
            assertThat(halfClose || brokenRequestLine(request))
                    .as(request + ": closed without an answer").isTrue();
            return;
        }
        if (brokenRequestLine(request)) {
            // A raw CR LF splits the bytes into more than one request, and a raw tab can end the target early: only
            // the server's health is judged, and an error's text (a success may be the player's script).
            assertThat(response.get().status()).as(request.toString()).isLessThan(500);
            if (response.get().status() >= 300) {
                assertThat(FuzzAnswers.body(response.get())).as(request.toString())
                        .doesNotContain("Exception", "java.", "at org.");
            }
            return;
        }
        FuzzAnswers.check(request, response.get());
    }

    /**
     * A head that is not HTTP/1.1: a raw space, CR, LF or NUL in the method or target, or a control character in
     * a header. Reactor Netty closes some of those without an answer (docs/operations.md, HTTP limits).
     */
    private static boolean brokenRequestLine(FuzzRequest request) {
        return (request.method() + request.target()).codePoints().anyMatch(c -> c == ' ' || c < 0x20 || c == 0x7f)
                || request.headers().stream().anyMatch(h -> h.codePoints().anyMatch(c -> c != '\t' && c < 0x20));
    }

    // Generators

    @Provide
    Arbitrary<FuzzRequest> reads() {
        return Combinators.combine(Arbitraries.of(READS), ids(), Arbitraries.of("GET", "GET", "GET", "HEAD"),
                FuzzInputs.query(), FuzzInputs.headers()).as((route, ids, method, query, headers) ->
                new FuzzRequest(method, route.path(ids) + query, headers, null, FuzzRequest.Framing.EXACT));
    }

    @Provide
    Arbitrary<FuzzRequest> writes() {
        return Arbitraries.of(WRITES).flatMap(route -> Combinators.combine(ids(), FuzzInputs.body(forms(route)),
                FuzzInputs.contentType(), FuzzInputs.query(), FuzzInputs.headers().list().ofMaxSize(1))
                .as((ids, body, type, query, headers) -> {
                    List<String> all = new ArrayList<>();
                    all.add(type);
                    headers.forEach(all::addAll);
                    return new FuzzRequest(route.method, route.path(ids) + query, all, body,
                            FuzzRequest.Framing.EXACT);
                }));
    }

    @Provide
    Arbitrary<FuzzRequest> anything() {
        Arbitrary<String> routePath = Combinators.combine(Arbitraries.of(FuzzAnswers.Route.values()), ids())
                .as((route, ids) -> route.path(ids));
        Arbitrary<String> rawPath = FuzzInputs.text().list().ofMinSize(1).ofMaxSize(4)
                .map(parts -> "/" + String.join("/", parts));
        Arbitrary<String> anyTarget = Arbitraries.frequencyOf(Tuple.of(3, routePath), Tuple.of(2, rawPath),
                Tuple.of(1, Arbitraries.of("*", "", "http://evil.example/streams", "//streams", "//", "/\ud800",
                        "streams",
                        "/%2e%2e/%2e%2e/etc/passwd", "/vendor/../application.yml", "/vendor/%2e%2e/%2e%2e/pom.xml",
                        "/..%252f..%252fetc%252fpasswd", "/static/index.html", "/./", "/.//viewer.js",
                        "/viewer.js/..", "/index.html%00.m3u8")));
        Arbitrary<byte[]> body = Arbitraries.frequencyOf(Tuple.of(2, Arbitraries.just((byte[]) null)),
                Tuple.of(1, FuzzInputs.body(Arbitraries.oneOf(FuzzInputs.segmentForms(),
                        FuzzInputs.commandForms()))));
        return Combinators.combine(FuzzInputs.method(), anyTarget, FuzzInputs.query(), FuzzInputs.headers(), body,
                FuzzInputs.contentType()).as((method, target, query, headers, b, type) -> {
                    List<String> all = new ArrayList<>(headers);
                    if (b != null) {
                        all.add(0, type);
                    }
                    return new FuzzRequest(method, target + query, all, b, FuzzRequest.Framing.EXACT);
                });
    }

    @Provide
    Arbitrary<FuzzRequest> framing() {
        Arbitrary<List<String>> framingHeaders = Arbitraries.of(
                        "Content-Length: -1", "Content-Length: abc", "Content-Length: 1e3", "Content-Length:  5",
                        "Content-Length: 5, 6", "Content-Length: 99999999999999999999", "Content-Length: 0x10",
                        "Content-Length: +5", "Content-Length:", "Content-Length: 3", "Content-Length: 100000",
                        "Content-Length: 5\u0000", "Transfer-Encoding: chunked", "Transfer-Encoding: gzip",
                        "Transfer-Encoding: chunked, identity", "Transfer-Encoding: xchunked",
                        "Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked", "Content-Encoding: gzip",
                        "Content-Encoding: br", "Expect: 100-continue")
                .list().ofMinSize(1).ofMaxSize(3);
        Arbitrary<byte[]> body = Arbitraries.frequencyOf(
                Tuple.of(3, FuzzInputs.body(FuzzInputs.segmentForms())),
                Tuple.of(2, Arbitraries.of("0\r\n\r\n", "5\r\nhello\r\n0\r\n\r\n", "zz\r\nx\r\n0\r\n\r\n",
                        "ffffffffffffffff\r\nx", "5;ext=\u0000\r\nhello\r\n0\r\n\r\n", "3\r\nabcdef\r\n",
                        "-1\r\n\r\n", "").map(FuzzInputs::utf8)));
        Arbitrary<String> target = Combinators.combine(Arbitraries.of(FuzzAnswers.Route.values()), ids())
                .as((route, ids) -> route.path(ids));
        return Combinators.combine(Arbitraries.of("POST", "PUT", "GET", "DELETE"), target, framingHeaders, body,
                FuzzInputs.contentType()).as((method, path, framing, b, type) -> {
                    List<String> all = new ArrayList<>(framing);
                    all.add(type);
                    return new FuzzRequest(method, path, all, b, FuzzRequest.Framing.AS_GIVEN);
                });
    }

    /** Two path variables, for any route (a route with fewer uses the first ones). */
    private static Arbitrary<String[]> ids() {
        return Combinators.combine(Arbitraries.oneOf(FuzzInputs.id(FuzzInputs.STREAMS), FuzzInputs.id(
                        FuzzInputs.CHANNELS), FuzzInputs.id(List.of("streams", "stream-windows", "channels"))),
                FuzzInputs.id(FuzzInputs.RENDITIONS)).as((first, second) -> new String[] {first, second});
    }

    private static Arbitrary<Object> forms(Route route) {
        return switch (route) {
            case SEGMENTS -> FuzzInputs.segmentForms();
            case RENDITION -> FuzzInputs.renditionForms();
            case COMMANDS -> FuzzInputs.commandForms();
            case BROADCASTS -> FuzzInputs.broadcastForms();
            default -> Arbitraries.just(Map.of());
        };
    }
}
