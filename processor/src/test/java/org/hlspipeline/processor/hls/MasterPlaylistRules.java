package org.hlspipeline.processor.hls;

import static org.hlspipeline.processor.hls.HlsRuleSupport.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The rules for a master playlist (RFC 8216 §4.3.4); see {@link HlsRules#masterPlaylistViolations}. */
final class MasterPlaylistRules {

    private static final Pattern RESOLUTION = Pattern.compile("[0-9]+x[0-9]+");
    private static final Pattern DECIMAL_FLOAT = Pattern.compile("[0-9]+(\\.[0-9]+)?");

    private MasterPlaylistRules() {
    }

    /** What is wrong with {@code text} as a master playlist; see {@link HlsRules#masterPlaylistViolations}. */
    static List<String> violations(String text) {
        List<String> out = new ArrayList<>();
        List<String> lines = prologue(text, out);
        if (lines == null) {
            return out;
        }
        int versionLine = 0;
        long declaredVersion = 1;
        MasterGroupRules groups = new MasterGroupRules(out);
        int pendingStreamInf = 0;
        int variants = 0;
        for (int i = 1; i < lines.size(); i++) {
            int n = i + 1;
            String line = lines.get(i);
            if (reportControlOrBlank(out, n, line)) {
                continue;
            }
            if (line.startsWith("#")) {
                if (pendingStreamInf > 0) {
                    add(out, pendingStreamInf, lines.get(pendingStreamInf - 1), STREAM_INF,
                            "not followed by a URI line (line " + n + " is a tag)");
                    pendingStreamInf = 0;
                }
                Tag parsed = tag(out, n, line);
                if (parsed == null) {
                    continue;
                }
                String tag = parsed.name();
                String value = parsed.value();
                switch (tag) {
                    case "EXTM3U" -> add(out, n, line, EXTM3U_FIRST, "#EXTM3U again");
                    case "EXT-X-VERSION" -> {
                        if (versionLine > 0) {
                            add(out, n, line, VERSION, "EXT-X-VERSION again (first at line " + versionLine + ")");
                        } else {
                            versionLine = n;
                            if (isDecimalInteger(value, out, n, line)) {
                                declaredVersion = Long.parseLong(value);
                            }
                        }
                    }
                    case "EXT-X-STREAM-INF" -> {
                        variants++;
                        pendingStreamInf = n;
                        Map<String, String> attributes = checkStreamInf(value, out, n, line);
                        if (attributes != null) {
                            groups.streamInf(attributes, n, line);
                        }
                    }
                    case "EXT-X-MEDIA", "EXT-X-I-FRAME-STREAM-INF", "EXT-X-SESSION-KEY" -> {
                        Map<String, String> attributes = attributes(value, out, n, line);
                        if (attributes != null && tag.equals("EXT-X-MEDIA")) {
                            groups.media(attributes, n, line);
                        } else if (attributes != null && tag.equals("EXT-X-I-FRAME-STREAM-INF")) {
                            groups.iFrameStreamInf(attributes, n, line);
                        } else if (attributes != null) {
                            groups.sessionKey(attributes, n, line);
                        }
                    }
                    default -> {
                        if (HEADER_TAGS.contains(tag) || SEGMENT_TAGS.contains(tag) || tag.equals("EXT-X-ENDLIST")) {
                            add(out, n, line, MEDIA_OR_MASTER, tag + " is a media playlist tag");
                        }
                    }
                }
                continue;
            }
            if (pendingStreamInf == 0) {
                add(out, n, line, STREAM_INF, "URI line without an EXT-X-STREAM-INF before it");
            }
            reportUriWhitespace(out, n, line);
            pendingStreamInf = 0;
        }
        if (pendingStreamInf > 0) {
            add(out, pendingStreamInf, lines.get(pendingStreamInf - 1), STREAM_INF, "not followed by a URI line");
        }
        if (variants == 0) {
            add(out, 1, lines.get(0), STREAM_INF, "no EXT-X-STREAM-INF in the playlist");
        }
        groups.finish();
        if (declaredVersion != groups.requiredVersion()) {
            add(out, Math.max(versionLine, 1), lines.get(Math.max(versionLine, 1) - 1), VERSION,
                    "EXT-X-VERSION is " + declaredVersion + "; the tags in this playlist take "
                            + groups.requiredVersion());
        }
        return out;
    }

    private static Map<String, String> attributes(String value, List<String> out, int n, String line) {
        try {
            return HlsPlaylistParser.attributeList(value == null ? "" : value, n);
        } catch (IllegalArgumentException e) {
            add(out, n, line, TAG_VALUES, e.getMessage());
            return null;
        }
    }

    private static Map<String, String> checkStreamInf(String value, List<String> out, int n, String line) {
        Map<String, String> attributes;
        try {
            attributes = HlsPlaylistParser.attributeList(value == null ? "" : value, n);
        } catch (IllegalArgumentException e) {
            add(out, n, line, STREAM_INF, e.getMessage());
            return null;
        }
        String bandwidth = attributes.get("BANDWIDTH");
        if (bandwidth == null || !DECIMAL_INTEGER.matcher(bandwidth).matches()) {
            add(out, n, line, STREAM_INF, "BANDWIDTH missing or not a decimal-integer");
        }
        String average = attributes.get("AVERAGE-BANDWIDTH");
        if (average != null && !DECIMAL_INTEGER.matcher(average).matches()) {
            add(out, n, line, STREAM_INF, "AVERAGE-BANDWIDTH not a decimal-integer");
        }
        String resolution = attributes.get("RESOLUTION");
        if (resolution != null && !RESOLUTION.matcher(resolution).matches()) {
            add(out, n, line, STREAM_INF, "RESOLUTION not <width>x<height>");
        }
        String frameRate = attributes.get("FRAME-RATE");
        if (frameRate != null && (!DECIMAL_FLOAT.matcher(frameRate).matches()
                || (frameRate.contains(".") && frameRate.length() - frameRate.indexOf('.') - 1 > 3))) {
            add(out, n, line, STREAM_INF, "FRAME-RATE not a decimal-floating-point rounded to 3 decimals");
        }
        String codecs = attributes.get("CODECS");
        if (codecs != null && !(codecs.length() > 2 && codecs.startsWith("\"") && codecs.endsWith("\""))) {
            add(out, n, line, STREAM_INF, "CODECS not a non-empty quoted-string");
        }
        return attributes;
    }
}
