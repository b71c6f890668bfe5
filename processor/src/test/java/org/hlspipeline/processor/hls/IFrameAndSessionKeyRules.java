package org.hlspipeline.processor.hls;

import static org.hlspipeline.processor.hls.HlsRuleSupport.add;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The attributes of EXT-X-I-FRAME-STREAM-INF (RFC 8216 §4.3.4.3) and EXT-X-SESSION-KEY (§4.3.4.5), written from
 * the RFC (not from the renderer); the groups and the versions are {@link RenditionGroupRules}'.
 */
final class IFrameAndSessionKeyRules {

    static final String I_FRAME = "EXT-X-I-FRAME-STREAM-INF attributes (RFC 8216 §4.3.4.3)";
    static final String SESSION_KEY = "EXT-X-SESSION-KEY attributes (RFC 8216 §4.3.4.5)";

    private final List<String> out;
    private final Set<String> sessionKeys = new HashSet<>();

    IFrameAndSessionKeyRules(List<String> out) {
        this.out = out;
    }

    void iFrameStreamInf(Map<String, String> a, int n, String line) {
        if (a.get("BANDWIDTH") == null || !HlsRuleSupport.DECIMAL_INTEGER.matcher(a.get("BANDWIDTH")).matches()) {
            add(out, n, line, I_FRAME, "BANDWIDTH missing or not a decimal-integer");
        }
        if (quoted(a, "URI", true, n, line) == null) {
            return;
        }
        for (String absent : List.of("FRAME-RATE", "AUDIO", "SUBTITLES", "CLOSED-CAPTIONS")) {
            if (a.containsKey(absent)) {
                add(out, n, line, I_FRAME, absent + " is not an EXT-X-I-FRAME-STREAM-INF attribute");
            }
        }
    }

    void sessionKey(Map<String, String> a, int n, String line) {
        String method = a.get("METHOD");
        if (method == null || method.equals("NONE")) {
            add(out, n, line, SESSION_KEY, "METHOD missing or NONE");
            return;
        }
        String uri = quoted(a, "URI", true, n, line);
        if (!sessionKeys.add(uri + " " + method + " " + a.get("KEYFORMAT") + " " + a.get("KEYFORMATVERSIONS"))) {
            add(out, n, line, SESSION_KEY, "a second session key with this URI, METHOD, KEYFORMAT and "
                    + "KEYFORMATVERSIONS");
        }
    }

    private String quoted(Map<String, String> a, String name, boolean required, int n, String line) {
        String value = a.get(name);
        if (value == null) {
            if (required) {
                add(out, n, line, I_FRAME, name + " is required");
            }
            return null;
        }
        if (!(value.length() >= 2 && value.startsWith("\"") && value.endsWith("\""))) {
            add(out, n, line, I_FRAME, name + " must be a quoted-string");
            return null;
        }
        return value.substring(1, value.length() - 1);
    }
}
