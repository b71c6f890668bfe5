package org.hlspipeline.queryapi.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What {@link HttpFuzzIT} accepts as an answer. Errors: never 5xx, always {@code application/problem+json} with
 * {@code type}, {@code title} and the status. Successes: only what the route the server matched documents (a
 * playlist, the endpoint's JSON, the viewer's files, a write's 200/201/202 JSON), found by matching the request's
 * path against the routes the way Spring does (per segment, percent-decoded, matrix parameters dropped); a path that
 * matches no route may not succeed at all. No body names an exception or a Java class.
 */
final class FuzzAnswers {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What a route answers when it succeeds. */
    enum Kind { PLAYLIST, M3U, XMLTV, JSON_OBJECT, STORE_VALUE, JSON_ARRAY, HTML, SCRIPT, STYLE, HEALTH, SEGMENT,
        RENDITION, END, COMMAND, BROADCAST }

    /** Every route of the application (the controllers, the viewer's files, readiness), by method and pattern. */
    enum Route {
        STREAM_MEDIA("GET", "/streams/{}/renditions/{}/playlist.m3u8", Kind.PLAYLIST, null),
        STREAM_MASTER("GET", "/streams/{}/master.m3u8", Kind.PLAYLIST, null),
        CHANNEL_MEDIA("GET", "/channels/{}/renditions/{}/playlist.m3u8", Kind.PLAYLIST, null),
        CHANNEL_MASTER("GET", "/channels/{}/master.m3u8", Kind.PLAYLIST, null),
        IPTV_LIST("GET", "/channels.m3u", Kind.M3U, null),
        GUIDE("GET", "/epg.xml", Kind.XMLTV, null),
        STREAMS("GET", "/api/streams", Kind.JSON_OBJECT, "streams"),
        STREAM("GET", "/api/streams/{}", Kind.JSON_OBJECT, "streamId"),
        CHANNELS("GET", "/api/channels", Kind.JSON_OBJECT, "channels"),
        CHANNEL("GET", "/api/channels/{}", Kind.JSON_OBJECT, "channelId"),
        STORE_VALUE("GET", "/internal/stores/{}", Kind.STORE_VALUE, null),
        STORE_KEYS("GET", "/internal/stores/{}/keys", Kind.JSON_ARRAY, null),
        PAGE("GET", "/", Kind.HTML, null),
        PAGE_FILE("GET", "/index.html", Kind.HTML, null),
        VIEWER_SCRIPT("GET", "/viewer.js", Kind.SCRIPT, null),
        VIEWER_STYLE("GET", "/viewer.css", Kind.STYLE, null),
        PLAYER("GET", "/vendor/hls.js/hls.min.js", Kind.SCRIPT, null),
        READINESS("GET", "/actuator/health/readiness", Kind.HEALTH, null),
        SEGMENTS("POST", "/streams/{}/renditions/{}/segments", Kind.SEGMENT, null),
        RENDITION("PUT", "/streams/{}/renditions/{}", Kind.RENDITION, null),
        END("POST", "/streams/{}/end", Kind.END, null),
        COMMANDS("POST", "/channels/{}/commands", Kind.COMMAND, null),
        BROADCASTS("POST", "/broadcasts", Kind.BROADCAST, null);

        final String method;
        final String pattern;
        final Kind kind;
        final String field;
        private final String[] segments;

        Route(String method, String pattern, Kind kind, String field) {
            this.method = method;
            this.pattern = pattern;
            this.kind = kind;
            this.field = field;
            this.segments = pattern.equals("/") ? new String[0] : pattern.substring(1).split("/", -1);
        }

        boolean matches(List<String> decoded) {
            if (decoded.size() != segments.length) {
                return false;
            }
            for (int i = 0; i < segments.length; i++) {
                if (segments[i].equals("{}") ? decoded.get(i).isEmpty() : !segments[i].equals(decoded.get(i))) {
                    return false;
                }
            }
            return true;
        }

        /** A concrete path of this route, with {@code values} (already encoded) for its variables. */
        String path(String... values) {
            StringBuilder out = new StringBuilder();
            int next = 0;
            for (String segment : segments) {
                out.append('/').append(segment.equals("{}") ? values[next++] : segment);
            }
            return out.length() == 0 ? "/" : out.toString();
        }
    }

    private FuzzAnswers() {
    }

    /** The route the server would match for {@code path}, if any. */
    static Optional<Route> route(String path) {
        if (path.isEmpty()) {
            path = "/"; // an empty path is the root (RFC 9112 3.2.1: origin-form's path is at least "/")
        }
        if (!path.startsWith("/")) {
            return Optional.empty();
        }
        List<String> decoded = new java.util.ArrayList<>();
        if (!path.equals("/")) {
            for (String raw : path.substring(1).split("/", -1)) {
                int params = raw.indexOf(';');
                String segment = decode(params < 0 ? raw : raw.substring(0, params));
                if (segment == null) {
                    return Optional.empty();
                }
                decoded.add(segment);
            }
        }
        Optional<Route> route = Arrays.stream(Route.values()).filter(r -> r.matches(decoded)).findFirst();
        if (route.isPresent()) {
            return route;
        }
        // The viewer's files are static resources, whose handler drops empty and "." segments ("/.//viewer.js").
        List<String> normal = decoded.stream().filter(s -> !s.isEmpty() && !s.equals(".")).toList();
        return Arrays.stream(Route.values()).filter(r -> r.kind == Kind.HTML || r.kind == Kind.SCRIPT
                || r.kind == Kind.STYLE).filter(r -> r.matches(normal)).findFirst();
    }

    private static String decode(String segment) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c == '%') {
                if (i + 2 >= segment.length()) {
                    return null;
                }
                int hi = Character.digit(segment.charAt(i + 1), 16);
                int lo = Character.digit(segment.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return null;
                }
                bytes.write(hi * 16 + lo);
                i += 2;
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** Fails unless {@code response} is an allowed answer to {@code request}. */
    static void check(FuzzRequest request, RawHttp.Response response) {
        int status = response.status();
        String as = request + " -> " + status + " " + response.headers().stream()
                .map(h -> h[0] + ": " + h[1]).toList() + " " + shorten(body(response));
        assertThat(status).as(as).isBetween(100, 499);
        String text = body(response);
        Optional<Route> route = route(request.path());
        boolean staticFile = status < 300 && route.map(r -> r.kind == Kind.SCRIPT || r.kind == Kind.STYLE
                || r.kind == Kind.HTML).orElse(false);
        if (!staticFile) {
            assertThat(text).as(as).doesNotContain("Exception", "java.", "at org.", "\tat ", "Caused by");
        }
        String type = response.header("content-type");
        boolean staticRoute = route.map(r -> r.kind == Kind.SCRIPT || r.kind == Kind.STYLE || r.kind == Kind.HTML)
                .orElse(false);
        if (staticRoute && request.header("range") != null && (status == 206 || status == 416)) {
            // The viewer's files answer ranges (docs/operations.md, HTTP limits): a 206 with its part, a 416 as a
            // problem, each saying which bytes of how many.
            assertThat(response.header("content-range")).as(as).isNotBlank();
        }
        if (status == 206) {
            assertThat(staticRoute && request.header("range") != null).as(as).isTrue();
            return;
        }
        if (status >= 400) {
            assertThat(type).as(as).startsWith("application/problem+json");
            if (!request.head()) {
                JsonNode problem = JSON.readTree(text);
                assertThat(problem.path("type").isString()).as(as).isTrue();
                assertThat(problem.path("title").asString("")).as(as).isNotBlank();
                assertThat(problem.path("status").asInt()).as(as).isEqualTo(status);
            }
            return;
        }
        if (request.method().equals("OPTIONS")) {
            // Allow lists the methods; a CORS preflight (Origin) is answered without it, and without CORS grants.
            assertThat(status).as(as).isEqualTo(200);
            assertThat(response.header("allow") != null || request.header("origin") != null).as(as).isTrue();
            assertThat(response.header("access-control-allow-methods")).as(as).isNull();
            assertThat(text).as(as).isEmpty();
            return;
        }
        assertThat(route).as(as + ": no route may succeed").isPresent();
        Route matched = route.get();
        boolean read = matched.method.equals("GET") && (request.method().equals("GET") || request.head());
        assertThat(read || matched.method.equals(request.method())).as(as + ": method of " + matched).isTrue();
        if (request.head()) {
            assertThat(text).as(as).isEmpty();
        }
        if (status == 304) {
            assertThat(matched.kind).as(as).isIn(Kind.PLAYLIST, Kind.HTML, Kind.SCRIPT, Kind.STYLE);
            assertThat(request.header("if-none-match") != null || request.header("if-modified-since") != null)
                    .as(as).isTrue();
            assertThat(text).as(as).isEmpty();
            return;
        }
        success(matched, status, type, request.head() ? null : text, as);
    }

    private static void success(Route route, int status, String type, String text, String as) {
        switch (route.kind) {
            case PLAYLIST -> ok(status, type, "application/vnd.apple.mpegurl", text, "#EXTM3U\n", as);
            case M3U -> ok(status, type, "audio/x-mpegurl", text, "#EXTM3U", as);
            case XMLTV -> ok(status, type, "application/xml", text, "<?xml", as);
            case HTML -> ok(status, type, "text/html", text == null ? null : text.toLowerCase(java.util.Locale.ROOT),
                    "<!doctype html>", as);
            case SCRIPT -> ok(status, type, "text/javascript", text, "", as);
            case STYLE -> ok(status, type, "text/css", text, "", as);
            case STORE_VALUE -> ok(status, type, "application/octet-stream", text, "", as);
            case HEALTH -> json(status, 200, type, "application/", text, "status", as);
            case JSON_OBJECT -> json(status, 200, type, "application/json", text, route.field, as);
            case JSON_ARRAY -> {
                ok(status, type, "application/json", text, "", as);
                if (text != null) {
                    JsonNode keys = JSON.readTree(text);
                    assertThat(keys.isArray()).as(as).isTrue();
                    keys.forEach(k -> assertThat(k.isString()).as(as).isTrue());
                }
            }
            case SEGMENT -> {
                assertThat(status).as(as).isIn(201, 202);
                JsonNode body = json(status, status, type, "application/json", text, "sequence", as);
                if (body != null) {
                    assertThat(body.path("status").asString()).as(as).isIn("recorded", "accepted");
                    assertThat(body.path("rendition").isString()).as(as).isTrue();
                }
            }
            case RENDITION -> {
                JsonNode body = json(status, 200, type, "application/json", text, "description", as);
                if (body != null) {
                    assertThat(body.path("rendition").isString()).as(as).isTrue();
                }
            }
            case END -> {
                JsonNode body = json(status, 200, type, "application/json", text, "streamId", as);
                if (body != null) {
                    assertThat(body.path("ended").asBoolean()).as(as).isTrue();
                }
            }
            case COMMAND -> {
                JsonNode body = json(status, 202, type, "application/json", text, "commandId", as);
                if (body != null) {
                    assertThat(body.path("status").asString()).as(as).isIn("scheduled", "accepted");
                }
            }
            case BROADCAST -> {
                JsonNode body = json(status, 202, type, "application/json", text, "alertId", as);
                if (body != null) {
                    assertThat(body.path("type").asString()).as(as).isIn("alert", "cancel-alert");
                }
            }
        }
    }

    private static void ok(int status, String type, String expectedType, String text, String start, String as) {
        assertThat(status).as(as).isEqualTo(200);
        assertThat(type).as(as).startsWith(expectedType);
        if (text != null) {
            assertThat(text).as(as).startsWith(start);
        }
    }

    private static JsonNode json(int status, int expected, String type, String expectedType, String text,
                                 String field, String as) {
        assertThat(status).as(as).isEqualTo(expected);
        assertThat(type).as(as).startsWith(expectedType);
        if (text == null) {
            return null;
        }
        JsonNode body = JSON.readTree(text);
        assertThat(body.isObject()).as(as).isTrue();
        assertThat(body.has(field)).as(as + ": field " + field).isTrue();
        return body;
    }

    /** The body as text, gunzipped when the server compressed it. */
    static String body(RawHttp.Response response) {
        byte[] bytes = response.body();
        if ("gzip".equalsIgnoreCase(response.header("content-encoding")) && bytes.length > 0) {
            try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(bytes))) {
                bytes = in.readAllBytes();
            } catch (java.io.IOException e) {
                throw new AssertionError("a gzip body that does not unzip", e);
            }
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static String shorten(String s) {
        return s.length() <= 600 ? s : s.substring(0, 600) + "…";
    }
}
