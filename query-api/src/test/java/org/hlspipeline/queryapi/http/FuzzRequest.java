package org.hlspipeline.queryapi.http;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One request of {@link HttpFuzzIT}, kept as its parts so that jqwik shows (and shrinks) a failing one readably.
 *
 * @param method  sent as given, garbage included
 * @param target  the request target, sent as its UTF-8 bytes: raw controls, spaces and non-ASCII included
 * @param headers sent as given after {@code Host}
 * @param body    sent after the head, or null for none
 * @param framing how the body is delimited
 */
record FuzzRequest(String method, String target, List<String> headers, byte[] body, Framing framing) {

    /**
     * Holds the text as its UTF-8 bytes carry it: an unpaired surrogate is sent as the encoder's '?', so "/\ud800"
     * is the path "/" with an empty query, and the answer is judged for that.
     */
    FuzzRequest {
        method = sent(method);
        target = sent(target);
        headers = headers.stream().map(FuzzRequest::sent).toList();
    }

    private static String sent(String text) {
        return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    }

    /** How the body is delimited. */
    enum Framing {
        /** A correct {@code Content-Length} for the body (none without a body). */
        EXACT,
        /**
         * The headers given say how long the body is, possibly wrongly: the body may be shorter than announced,
         * so the client half-closes after it and the server may close without an answer.
         */
        AS_GIVEN
    }

    byte[] bytes() {
        return RawHttp.request(method, target, headers, body, framing == Framing.EXACT);
    }

    boolean head() {
        return method.equals("HEAD");
    }

    /** The path as the server routes it: the target up to its query or fragment. */
    String path() {
        int end = target.length();
        for (char c : new char[] {'?', '#'}) {
            int at = target.indexOf(c);
            end = at < 0 ? end : Math.min(end, at);
        }
        return target.substring(0, end);
    }

    String header(String name) {
        String prefix = name.toLowerCase(java.util.Locale.ROOT) + ":";
        return headers.stream().filter(h -> h.toLowerCase(java.util.Locale.ROOT).startsWith(prefix))
                .map(h -> h.substring(prefix.length()).trim()).findFirst().orElse(null);
    }

    @Override
    public String toString() {
        String shownBody = body == null ? "" : " body(" + body.length + ")="
                + shorten(new String(body, StandardCharsets.UTF_8));
        return method + " " + shorten(target) + " " + headers.stream().map(FuzzRequest::shorten).toList()
                + " " + framing + shownBody;
    }

    private static String shorten(String s) {
        String escaped = s.codePoints().collect(StringBuilder::new, (b, c) -> {
            if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || Character.getType(c) == Character.FORMAT
                    || Character.getType(c) == Character.SURROGATE) {
                b.append(String.format("\\u%04x", c));
            } else {
                b.appendCodePoint(c);
            }
        }, StringBuilder::append).toString();
        return escaped.length() <= 200 ? escaped : escaped.substring(0, 200) + "…(" + s.length() + ")";
    }
}
