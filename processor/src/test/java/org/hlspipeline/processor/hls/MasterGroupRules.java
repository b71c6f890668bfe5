package org.hlspipeline.processor.hls;

import static org.hlspipeline.processor.hls.HlsRuleSupport.add;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The master playlist tags beyond EXT-X-STREAM-INF, written from RFC 8216 (not from the renderer): EXT-X-MEDIA
 * (§4.3.4.1, §4.3.4.1.1), the AUDIO and SUBTITLES of EXT-X-STREAM-INF (§4.3.4.2), EXT-X-I-FRAME-STREAM-INF
 * (§4.3.4.3) and EXT-X-SESSION-KEY (§4.3.4.5), and the version they take (§7 and docs/hls-output.md).
 */
final class MasterGroupRules {

    static final String MEDIA = "EXT-X-MEDIA attributes and groups (RFC 8216 §4.3.4.1, §4.3.4.1.1)";
    static final String GROUPS_NAMED = "AUDIO and SUBTITLES name a group of that TYPE (RFC 8216 §4.3.4.2)";
    static final String I_FRAME = "EXT-X-I-FRAME-STREAM-INF attributes (RFC 8216 §4.3.4.3)";
    static final String SESSION_KEY = "EXT-X-SESSION-KEY attributes (RFC 8216 §4.3.4.5)";

    private final List<String> out;
    /** "TYPE/GROUP-ID" to the NAMEs in it. */
    private final Map<String, Set<String>> groups = new HashMap<>();
    private final Set<String> defaults = new HashSet<>();
    private final List<Object[]> named = new ArrayList<>();
    private final Set<String> sessionKeys = new HashSet<>();
    private int required = 1;

    MasterGroupRules(List<String> out) {
        this.out = out;
    }

    /** The lowest EXT-X-VERSION of what was seen: 4 with groups or I-frame playlists, keys as for EXT-X-KEY. */
    int requiredVersion() {
        return required;
    }

    void media(Map<String, String> a, int n, String line) {
        required = Math.max(required, 4);
        String type = a.get("TYPE");
        if (type == null || !Set.of("AUDIO", "VIDEO", "SUBTITLES", "CLOSED-CAPTIONS").contains(type)) {
            add(out, n, line, MEDIA, "TYPE missing or not AUDIO, VIDEO, SUBTITLES or CLOSED-CAPTIONS");
            return;
        }
        String group = quoted(a, "GROUP-ID", true, n, line);
        String name = quoted(a, "NAME", true, n, line);
        quoted(a, "LANGUAGE", false, n, line);
        quoted(a, "CHARACTERISTICS", false, n, line);
        String uri = quoted(a, "URI", false, n, line);
        if (uri == null && type.equals("SUBTITLES")) {
            add(out, n, line, MEDIA, "a SUBTITLES rendition needs a URI");
        }
        for (String flag : List.of("DEFAULT", "AUTOSELECT", "FORCED")) {
            if (a.containsKey(flag) && !Set.of("YES", "NO").contains(a.get(flag))) {
                add(out, n, line, MEDIA, flag + " must be YES or NO");
            }
        }
        if (a.containsKey("FORCED") && !type.equals("SUBTITLES")) {
            add(out, n, line, MEDIA, "FORCED is only for SUBTITLES");
        }
        if ("YES".equals(a.get("DEFAULT")) && a.containsKey("AUTOSELECT") && !"YES".equals(a.get("AUTOSELECT"))) {
            add(out, n, line, MEDIA, "AUTOSELECT must be YES when DEFAULT is YES");
        }
        if (group == null || name == null) {
            return;
        }
        String key = type + "/" + group;
        if (!groups.computeIfAbsent(key, k -> new HashSet<>()).add(name)) {
            add(out, n, line, MEDIA, "NAME " + name + " twice in group " + key);
        }
        if ("YES".equals(a.get("DEFAULT")) && !defaults.add(key)) {
            add(out, n, line, MEDIA, "a second DEFAULT=YES in group " + key);
        }
    }

    void streamInf(Map<String, String> a, int n, String line) {
        for (String type : List.of("AUDIO", "SUBTITLES")) {
            String group = quoted(a, type, false, n, line);
            if (group != null) {
                named.add(new Object[] {type + "/" + group, n, line});
            }
        }
    }

    void iFrameStreamInf(Map<String, String> a, int n, String line) {
        required = Math.max(required, 4);
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
        if (a.containsKey("IV")) {
            required = Math.max(required, 2);
        }
        if (!method.equals("AES-128") || a.containsKey("KEYFORMAT") || a.containsKey("KEYFORMATVERSIONS")) {
            required = Math.max(required, 5);
        }
    }

    /** After the last line: every group a variant names exists. */
    void finish() {
        for (Object[] ref : named) {
            if (!groups.containsKey((String) ref[0])) {
                add(out, (Integer) ref[1], (String) ref[2], GROUPS_NAMED, "no EXT-X-MEDIA in group " + ref[0]);
            }
        }
    }

    private String quoted(Map<String, String> a, String name, boolean required, int n, String line) {
        String value = a.get(name);
        if (value == null) {
            if (required) {
                add(out, n, line, MEDIA, name + " is required");
            }
            return null;
        }
        if (!(value.length() >= 2 && value.startsWith("\"") && value.endsWith("\""))) {
            add(out, n, line, MEDIA, name + " must be a quoted-string");
            return null;
        }
        return value.substring(1, value.length() - 1);
    }
}
