package org.hlspipeline.queryapi.e2e;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a command printed, put in the README sample's terms where the two differ only in form, so that comparing
 * the result with the sample exactly leaves every real difference in the failure's diff. Each relaxation:
 * <ul>
 *   <li>CRLF becomes LF: HTTP/1.1 ends header lines with CRLF (RFC 9112), {@code curl -i} prints them as
 *       received, and a Markdown sample cannot show a CR.</li>
 *   <li>Trailing newlines are dropped on both sides: a fenced block always ends its last line, while a JSON body
 *       printed by {@code curl -s} has none. Whether a playlist ends with a newline is not the README's to say.</li>
 *   <li>A line that is a JSON object is compared as a JSON value: the order of an object's members carries no
 *       meaning (RFC 8259, section 4), and the API builds its small bodies with {@code Map.of}, whose order
 *       differs from one JVM to the next.</li>
 *   <li>{@value #NEW_EACH_TIME} as a JSON string in the sample stands for a value made new on every call (a
 *       command id is a random UUID); it matches any non-empty string, nothing else.</li>
 * </ul>
 * Everything else, status lines, headers and playlists, must be the same character for character.
 */
final class SampleOutput {

    static final String NEW_EACH_TIME = "…";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SampleOutput() {
    }

    static String trimmed(String text) {
        String lf = text.replace("\r\n", "\n");
        int end = lf.length();
        while (end > 0 && lf.charAt(end - 1) == '\n') {
            end--;
        }
        return lf.substring(0, end);
    }

    /** {@code printed}, trimmed, with each JSON line that means what the sample's line means written as that. */
    static String inSampleTerms(String sample, String printed) {
        List<String> expected = List.of(trimmed(sample).split("\n", -1));
        List<String> actual = new ArrayList<>(List.of(trimmed(printed).split("\n", -1)));
        for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
            JsonNode want = object(expected.get(i));
            JsonNode got = object(actual.get(i));
            if (want != null && got != null && matches(want, got)) {
                actual.set(i, expected.get(i));
            }
        }
        return String.join("\n", actual);
    }

    private static JsonNode object(String line) {
        if (!line.startsWith("{")) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(line);
            return node.isObject() ? node : null;
        } catch (JacksonException e) {
            return null;
        }
    }

    private static boolean matches(JsonNode want, JsonNode got) {
        if (want.isString() && want.asString().equals(NEW_EACH_TIME)) {
            return got.isString() && !got.asString().isEmpty();
        }
        if (want.isObject()) {
            if (!got.isObject() || !got.propertyNames().containsAll(want.propertyNames())
                    || got.size() != want.size()) {
                return false;
            }
            for (Map.Entry<String, JsonNode> member : want.properties()) {
                if (!matches(member.getValue(), got.get(member.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        if (want.isArray()) {
            if (!got.isArray() || got.size() != want.size()) {
                return false;
            }
            Iterator<JsonNode> wanted = want.iterator();
            for (JsonNode element : got) {
                if (!matches(wanted.next(), element)) {
                    return false;
                }
            }
            return true;
        }
        return want.equals(got);
    }
}
