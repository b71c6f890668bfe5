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
        IFrameAndSessionKeyRules iFramesAndKeys = new IFrameAndSessionKeyRules(out);
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
                                checkVersion(Long.parseLong(value), lines, out, n, line);
                            }
                        }
                    }
                    case "EXT-X-STREAM-INF" -> {
                        variants++;
                        pendingStreamInf = n;
                        checkStreamInf(value, out, n, line);
                    }
                    case "EXT-X-I-FRAME-STREAM-INF", "EXT-X-SESSION-KEY" -> {
                        try {
                            Map<String, String> attributes = HlsPlaylistParser.attributeList(value == null ? ""
                                    : value, n);
                            if (tag.equals("EXT-X-SESSION-KEY")) {
                                iFramesAndKeys.sessionKey(attributes, n, line);
                            } else {
                                iFramesAndKeys.iFrameStreamInf(attributes, n, line);
                            }
                        } catch (IllegalArgumentException e) {
                            add(out, n, line, TAG_VALUES, e.getMessage());
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
        if (versionLine == 0 && RenditionGroupRules.lowestVersion(lines) > 1) {
            add(out, 1, lines.get(0), VERSION, "no EXT-X-VERSION, but EXT-X-SESSION-KEY needs version "
                    + RenditionGroupRules.lowestVersion(lines) + " (RFC 8216 §7)");
        }
        out.addAll(RenditionGroupRules.violations(lines));
        return out;
    }

    /** Between what EXT-X-SESSION-KEY needs and what EXT-X-MEDIA allows (RFC 8216 §7). */
    private static void checkVersion(long version, List<String> lines, List<String> out, int n, String line) {
        int highest = RenditionGroupRules.highestVersion(lines);
        int lowest = RenditionGroupRules.lowestVersion(lines);
        if (version > highest) {
            add(out, n, line, VERSION, "these tags need no version above " + highest);
        } else if (version < lowest) {
            add(out, n, line, VERSION, "EXT-X-SESSION-KEY needs version " + lowest + " (RFC 8216 §7)");
        }
    }

    private static void checkStreamInf(String value, List<String> out, int n, String line) {
        Map<String, String> attributes;
        try {
            attributes = HlsPlaylistParser.attributeList(value == null ? "" : value, n);
        } catch (IllegalArgumentException e) {
            add(out, n, line, STREAM_INF, e.getMessage());
            return;
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
    }
}
