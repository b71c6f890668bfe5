package org.hlspipeline.queryapi.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * The generators of {@link HttpFuzzIT}: hostile path segments, query strings, headers and bodies for every
 * endpoint. Nothing generated contains the words the answers are searched for ({@code Exception}, {@code java.},
 * {@code at org.}), so finding one in an answer means the server wrote it.
 *
 * <p>Strings meant to end up in a playlist if the server let them through carry {@link #MARK} next to a
 * character no playlist line may hold (a control, a bidi control, a line separator, a double quote, an unpaired
 * surrogate); seeing the mark in a served playlist means fuzz input got in.
 */
final class FuzzInputs {

    static final String MARK = "ZQXINJ";

    /** Stream, rendition and channel ids the writes use when they mean to be valid, so some of them land. */
    static final List<String> STREAMS = List.of("fz1", "fz2", "fz3");
    static final List<String> RENDITIONS = List.of("r1", "r2");
    static final List<String> CHANNELS = List.of("fzc1", "fzc2");

    /** Hand-picked troublemakers for paths, queries and values. */
    static final List<String> ATOMS = List.of("..", ".", "%2e%2e", "%2E%2E", "%252e%252e", ".%2e", "%2e.", "..%2f",
            "..%2F..%2Fetc%2Fpasswd", "%2e%2e%5c", "..\\", "..;", ";a=b", "%00", "\u0000", "%0d%0a", "\r\n", "\n",
            "\t", " ", "%20", "+", "\u202e", "\u200b", "\ufeff", "\u2028", "%e2%80%ae", "%E2%80%8B", "%c0%ae%c0%ae",
            "%ff%fe", "%", "%zz", "%u002e", "%%", "\u00e9", "%C3%A9", "\ud83d\ude00", "\ud800", "~", "*", "{id}",
            "${jndi:ldap://x}", "<script>", "'\"", "#", "?", "&", "=", "/", "//", "\\", "CON", "NUL", "master.m3u8",
            "playlist.m3u8", "-", "_", "a", "0", "9007199254740993", "-1", "null");

    /** Characters no playlist line may carry; each makes a marked value refusable. */
    private static final List<String> FORBIDDEN_IN_LINES = List.of("\n", "\r", "\r\n#EXT-X-ENDLIST\n", "\u0000",
            "\u0007", "\u007f", "\u0085", "\u202e", "\u2066", "\u2028", "\u2029", "\"", "\ud800", "\udc00x");

    private FuzzInputs() {
    }

    static boolean clean(String s) {
        return !s.contains("Exception") && !s.contains("java.") && !s.contains("at org.") && !s.contains(MARK);
    }

    /** Any text: atoms, ids, random code points, long runs, or a few of them together. */
    static Arbitrary<String> text() {
        Arbitrary<String> piece = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, Arbitraries.of(ATOMS)),
                net.jqwik.api.Tuple.of(3, Arbitraries.strings().withCharRange('a', 'z').numeric().ofMinLength(1)
                        .ofMaxLength(12)),
                net.jqwik.api.Tuple.of(3, Arbitraries.strings().all().ofMaxLength(16)),
                net.jqwik.api.Tuple.of(1, Arbitraries.strings().withChars("ab/.%").ofMaxLength(24)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(100, 9000).map("x"::repeat)));
        return piece.list().ofMinSize(1).ofMaxSize(3).map(parts -> String.join("", parts)).filter(FuzzInputs::clean);
    }

    /** A value meant to reach a playlist: marked and carrying a forbidden character. */
    static Arbitrary<String> markedText() {
        return Combinators.combine(Arbitraries.of(FORBIDDEN_IN_LINES), Arbitraries.of("/seg", "https://cdn.example/",
                        "", "avc1.", "English ", "en"), Arbitraries.of(".ts", "", ".m4s"), Arbitraries.integers()
                        .between(0, 2))
                .as((bad, before, after, where) -> switch (where) {
                    case 0 -> before + MARK + bad + after;
                    case 1 -> bad + before + MARK + after;
                    default -> before + bad + MARK + after;
                });
    }

    /** How a value goes into a path segment or a query value. */
    static Arbitrary<String> encoded(Arbitrary<String> values) {
        return Combinators.combine(values, Arbitraries.integers().between(0, 3)).as((value, how) -> switch (how) {
            case 0 -> value;
            case 1 -> percent(value, false);
            case 2 -> percent(percent(value, false), false);
            default -> percent(value, true);
        });
    }

    /** Percent-encodes the UTF-8 bytes of everything but unreserved characters (or every byte). */
    static String percent(String value, boolean everything) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            boolean unreserved = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~';
            out.append(unreserved && !everything ? String.valueOf((char) c) : String.format("%%%02X", c));
        }
        return out.toString();
    }

    /** An id: mostly one the writes share, sometimes any text. */
    static Arbitrary<String> id(List<String> pool) {
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, Arbitraries.of(pool)),
                net.jqwik.api.Tuple.of(2, encoded(text())));
    }

    static Arbitrary<String> query() {
        Arbitrary<String> key = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, Arbitraries.of("limit", "after", "key", "partitionKey", "role", "_HLS_msn",
                        "_HLS_part", "_HLS_skip", "expires", "signature", "a", "")),
                net.jqwik.api.Tuple.of(1, encoded(text())));
        Arbitrary<String> value = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(2, Arbitraries.of("1", "0", "-1", "1000", "1001", "abc", "active", "standby",
                        "fz1", "fzc1", "99999999999999999999", "1e3", "")),
                net.jqwik.api.Tuple.of(2, encoded(text())));
        Arbitrary<String> pair = Combinators.combine(key, value, Arbitraries.of("=", "", "==")).as((k, v, eq) ->
                k + eq + v);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.just("")),
                net.jqwik.api.Tuple.of(5, pair.list().ofMinSize(1).ofMaxSize(4).map(p -> "?" + String.join("&", p))),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("?", "?&&&", "?%", "?%%%", "?=", "?limit=1&limit=2",
                        "?#frag", "#frag")));
    }

    /** Headers a client may send, valid or not, small or past the limit. */
    static Arbitrary<List<String>> headers() {
        Arbitrary<String> header = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.of("If-None-Match: *", "If-None-Match: \"0\"",
                        "If-None-Match: W/\"x\", \"y\"", "If-None-Match: garbage", "Accept: application/json",
                        "Accept: application/vnd.apple.mpegurl", "Accept: image/png", "Accept: */*",
                        "Accept: text/html;q=0.1, garbage;;", "Accept: ;;;", "Accept: application/problem+json",
                        "Accept-Encoding: gzip", "Range: bytes=0-10", "Range: bytes=z", "Range: bytes=99999999-", "Origin: https://evil.example",
                        "Access-Control-Request-Method: POST", "Access-Control-Request-Headers: x-a, authorization",
                        "Authorization: Bearer x", "Authorization: Basic !!!", "Content-Type: garbage",
                        "Content-Type: application/json; charset=nope", "X-Forwarded-Host: evil.example",
                        "X-Forwarded-Proto: gopher", "Forwarded: for=\"[::1", "Cookie: a=b; c", "Expect: 100-continue",
                        "Expect: garbage", "Transfer-Encoding: identity", "Connection: keep-alive, Upgrade",
                        "Upgrade: h2c", "Host: other.example", "If-Modified-Since: yesterday",
                        "X-Served-By: 127.0.0.1:1")),
                net.jqwik.api.Tuple.of(2, text().map(v -> "X-Fuzz: " + v)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("NoColon", ": empty-name", "Bad Name: x", "X-Space : x",
                        "\tfolded", " folded", "X-\u00e9: x", "X-Nul: a\u0000b", "X-Bidi: \u202e", ":")),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(100, 12_000).map(n -> "X-Big: "
                        + "y".repeat(n))));
        return header.list().ofMaxSize(4).flatMap(list -> Arbitraries.integers().between(1, 600)
                .map(times -> times > 560 ? repeat(list, times - 560) : list));
    }

    private static List<String> repeat(List<String> headers, int times) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < times * 20; i++) {
            out.add("X-Many-" + (i % 3) + ": " + i);
        }
        out.addAll(headers);
        return out;
    }

    static Arbitrary<String> method() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, Arbitraries.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS")),
                net.jqwik.api.Tuple.of(2, Arbitraries.of("TRACE", "CONNECT", "PROPFIND", "get", "Get", "FOO",
                        "G\u00c9T", "GET\u0000", "", "POST /x", "M-SEARCH", "X".repeat(300), "GE T", "\u202eGET")));
    }

    static Arbitrary<String> contentType() {
        return Arbitraries.of("Content-Type: application/json", "Content-Type: application/json",
                "Content-Type: application/json", "Content-Type: application/json; charset=utf-8",
                "Content-Type: application/json; charset=utf-16", "Content-Type: application/json; charset=bogus",
                "Content-Type: text/plain", "Content-Type: application/x-www-form-urlencoded",
                "Content-Type: multipart/form-data; boundary=zz", "Content-Type: application/xml",
                "Content-Type: application/problem+json", "Content-Type: application/*", "Content-Type: */*",
                "Content-Type: ", "Content-Type: ;", "Content-Type: application/json;;;=", "Content-Type: \u202e",
                "X-No-Content-Type: 1");
    }

    /** Write bodies: valid forms, forms with one value made hostile, and broken or huge text. */
    static Arbitrary<byte[]> body(Arbitrary<Object> forms) {
        Arbitrary<Object> hostileValue = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, markedText().map(s -> (Object) s)),
                net.jqwik.api.Tuple.of(2, text().map(s -> (Object) s)),
                net.jqwik.api.Tuple.of(3, Arbitraries.of("1e400", "-1e400", "123456789012345678901234567890",
                                "9007199254740993", "-0", "0", "-1", "1.5", "1e-400", "NaN", "Infinity", "0x10", "01",
                                "true", "null", "{}", "[]", "\"\"", "[null]", "{\"a\":", "1" + "0".repeat(400),
                                "0." + "0".repeat(400) + "1", "60.000001", "1e308")
                        .map(raw -> (Object) new FuzzJson.Raw(raw))),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(2, 3000).map(FuzzInputs::nested)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(10, 60_000).map(n ->
                        (Object) new FuzzJson.Raw("[" + "1,".repeat(n - 1) + "1]"))),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(10, 5_000).map(n ->
                        (Object) Collections.nCopies(n, Map.of("itemId", "i")))));
        Arbitrary<byte[]> mutated = Combinators.combine(forms, Arbitraries.integers().between(0, 60), hostileValue)
                .as((form, at, value) -> utf8(FuzzJson.write(FuzzJson.replace(FuzzJson.copy(form), at, value))));
        Arbitrary<byte[]> broken = Combinators.combine(forms, Arbitraries.integers().between(0, 3),
                Arbitraries.doubles().between(0, 1)).as((form, how, where) -> {
                    byte[] text = utf8(FuzzJson.write(form));
                    int at = (int) (where * text.length);
                    return switch (how) {
                        case 0 -> java.util.Arrays.copyOf(text, at);
                        case 1 -> splice(text, at, new byte[] {(byte) 0xff, (byte) 0xfe, 0});
                        case 2 -> splice(utf8("\ufeff"), 0, text);
                        default -> splice(text, at, utf8("}]\"{,:"));
                    };
                });
        Arbitrary<byte[]> other = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.of("", "null", "[]", "{}", "\"s\"", "1", "<xml/>", "a=b&c=d",
                        "--zz\r\nContent-Disposition: form-data; name=a\r\n\r\nb\r\n--zz--", "{\"type\":\"configure\"}",
                        "{\"type\":\"alert\"}", "{\"a\":1,\"a\":2}").map(FuzzInputs::utf8)),
                net.jqwik.api.Tuple.of(1, Arbitraries.bytes().array(byte[].class).ofMaxSize(200)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(2, 3000).map(n ->
                        utf8("[".repeat(n) + "]".repeat(n)))),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(2, 3000).map(n ->
                        utf8("{\"a\":".repeat(n) + "1" + "}".repeat(n)))),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(256 * 1024 - 64, 256 * 1024 + 64).map(n ->
                        utf8("{\"pad\":\"" + "p".repeat(n) + "\"}"))));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, forms.map(f -> utf8(FuzzJson.write(f)))),
                net.jqwik.api.Tuple.of(8, mutated), net.jqwik.api.Tuple.of(3, broken),
                net.jqwik.api.Tuple.of(2, other));
    }

    private static Object nested(int depth) {
        return new FuzzJson.Raw("[".repeat(depth) + "]".repeat(depth));
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] splice(byte[] into, int at, byte[] what) {
        byte[] out = new byte[into.length + what.length];
        System.arraycopy(into, 0, out, 0, at);
        System.arraycopy(what, 0, out, at, what.length);
        System.arraycopy(into, at, out, at + what.length, into.length - at);
        return out;
    }

    // The valid forms of each write (docs/input-rules.md), as trees a mutation can change.

    static Arbitrary<Object> segmentForms() {
        return Combinators.combine(Arbitraries.longs().between(0, 40), Arbitraries.of(1.0, 2.0, 2.002, 6.0),
                Arbitraries.integers().between(0, 4)).as((sequence, duration, extra) -> {
                    Map<String, Object> form = new LinkedHashMap<>();
                    form.put("sequence", sequence);
                    form.put("duration", duration);
                    form.put("path", "/fz/seg" + sequence + ".ts");
                    switch (extra) {
                        case 1 -> form.put("programDateTime", "2026-01-01T00:00:00Z");
                        case 2 -> form.put("map", new LinkedHashMap<>(Map.of("uri", "/fz/init.mp4")));
                        case 3 -> form.put("key", new LinkedHashMap<>(Map.of("method", "AES-128",
                                "uri", "https://keys.example/k1")));
                        case 4 -> form.put("byteRange", "1000@0");
                        default -> form.put("discontinuity", false);
                    }
                    return form;
                });
    }

    static Arbitrary<Object> renditionForms() {
        return Arbitraries.of(0, 1, 2).map(which -> {
            Map<String, Object> form = new LinkedHashMap<>();
            switch (which) {
                case 0 -> {
                    form.put("bandwidth", 1_000_000);
                    form.put("resolution", "640x360");
                    form.put("codecs", "avc1.4d401e,mp4a.40.2");
                    form.put("frameRate", 25);
                }
                case 1 -> {
                    form.put("type", "AUDIO");
                    form.put("groupId", "aac");
                    form.put("name", "English");
                    form.put("language", "en");
                    form.put("default", true);
                }
                default -> {
                    form.put("bandwidth", 2_500_000);
                    form.put("audio", "aac");
                }
            }
            return form;
        });
    }

    static Arbitrary<Object> commandForms() {
        return Arbitraries.of(0, 1, 2, 3, 4, 5).map(which -> {
            Map<String, Object> form = new LinkedHashMap<>();
            switch (which) {
                case 0 -> {
                    form.put("type", "configure");
                    form.put("targetDuration", 2);
                    form.put("ladder", new ArrayList<>(List.of(rung("r1", 2_500_000), rung("r2", 1_000_000))));
                    form.put("filler", item("slate", "FILLER"));
                }
                case 1 -> {
                    form.put("type", "enqueue");
                    form.put("items", new ArrayList<>(List.of(item("ep1", "PROGRAM"))));
                }
                case 2 -> {
                    form.put("type", "interrupt");
                    form.put("resume", "RESUME");
                    form.put("items", new ArrayList<>(List.of(item("news", "PROGRAM"))));
                }
                case 3 -> form.put("type", "skip");
                case 4 -> {
                    form.put("type", "remove");
                    form.put("itemId", "ep1");
                }
                default -> {
                    form.put("type", "replace");
                    form.put("items", new ArrayList<>(List.of(item("ep2", "PROGRAM"))));
                }
            }
            return form;
        });
    }

    static Arbitrary<Object> broadcastForms() {
        return Arbitraries.of(0, 1).map(which -> {
            Map<String, Object> form = new LinkedHashMap<>();
            form.put("type", which == 0 ? "alert" : "cancel-alert");
            form.put("alertId", "fza1");
            if (which == 0) {
                form.put("channels", new ArrayList<>(List.of("fzc1")));
                form.put("items", new ArrayList<>(List.of(item("alert", "PROGRAM"))));
            }
            return form;
        });
    }

    private static Map<String, Object> rung(String name, int bandwidth) {
        Map<String, Object> rung = new LinkedHashMap<>();
        rung.put("name", name);
        rung.put("bandwidth", bandwidth);
        rung.put("resolution", "640x360");
        rung.put("codecs", "avc1.4d401e,mp4a.40.2");
        return rung;
    }

    private static Map<String, Object> item(String itemId, String kind) {
        Map<String, Object> renditions = new LinkedHashMap<>();
        for (String r : RENDITIONS) {
            renditions.put(r, new LinkedHashMap<>(Map.of("uriTemplate",
                    "https://cdn.example/" + itemId + "/" + r + "/seg{n}.ts")));
        }
        Map<String, Object> vod = new LinkedHashMap<>();
        vod.put("renditions", renditions);
        vod.put("segmentCount", 3);
        vod.put("segmentDuration", 2.0);
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("itemId", itemId);
        item.put("kind", kind);
        item.put("title", "Fuzz " + itemId);
        item.put("vod", vod);
        return item;
    }
}
