package org.hlspipeline.processor.hls;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the rule families of {@link HlsRules} share: the rule names as they appear in messages, the tag
 * vocabulary, the checks every playlist starts with and every line gets, and the formatting of findings and
 * reports.
 *
 * <p>{@link HlsRules} extends this class only so that the rule names stay reachable as {@code HlsRules.X}.
 */
abstract class HlsRuleSupport {

    // Rule names, as they appear in messages.
    static final String EXTM3U_FIRST = "EXTM3U first (RFC 8216 §4.3.1.1)";
    static final String LINE_SYNTAX = "lines (RFC 8216 §4.1)";
    static final String NO_CONTROL_CHARACTERS = "no control characters (docs/input-rules.md)";
    static final String ONE_TARGET_DURATION = "exactly one EXT-X-TARGETDURATION (RFC 8216 §4.3.3.1)";
    static final String EXTINF_WITHIN_TARGET = "EXTINF rounded ≤ EXT-X-TARGETDURATION (RFC 8216 §4.3.3.1)";
    static final String EXTINF_FORMAT = "EXTINF with millisecond precision (RFC 8216 §4.3.2.1)";
    static final String VERSION = "EXT-X-VERSION the lowest the tags require (RFC 8216 §4.3.1.2, §7; docs/hls-output.md)";
    static final String NO_PLAYLIST_TYPE = "no EXT-X-PLAYLIST-TYPE on live playlists (docs/architecture.md)";
    static final String HEADER_ONCE = "header tags once, before the first segment (RFC 8216 §4.3.3)";
    static final String DISCONTINUITY_SEQUENCE_PRESENT =
            "EXT-X-DISCONTINUITY-SEQUENCE present while live (RFC 8216 §4.3.3.3)";
    static final String ENDLIST_LAST = "EXT-X-ENDLIST at most once and last (RFC 8216 §4.3.3.4)";
    static final String SEGMENT_SHAPE = "each segment: tags, one EXTINF, then a URI line (RFC 8216 §4.3.2)";
    static final String TAG_VALUES = "tag values well-formed (RFC 8216 §4.2, §4.3)";
    static final String MEDIA_OR_MASTER = "media or master, not both (RFC 8216 §4.1)";
    static final String TARGET_DURATION_UNCHANGED = "EXT-X-TARGETDURATION never changes (RFC 8216 §6.2.1)";
    static final String MEDIA_SEQUENCE = "EXT-X-MEDIA-SEQUENCE grows by the segments removed (RFC 8216 §6.2.1, §6.2.2)";
    static final String HEAD_ONLY = "segments are removed from the head only, and never change (RFC 8216 §6.2.1)";
    static final String DISCONTINUITY_SEQUENCE =
            "EXT-X-DISCONTINUITY-SEQUENCE grows by the EXT-X-DISCONTINUITY tags removed (RFC 8216 §4.3.3.3)";
    static final String ENDED_IS_FINAL = "nothing changes after EXT-X-ENDLIST (RFC 8216 §4.3.3.4, §6.2.1)";
    static final String THREE_TARGET_DURATIONS =
            "no removal below 3 × EXT-X-TARGETDURATION without EXT-X-ENDLIST (RFC 8216 §6.2.2)";
    static final String STREAM_INF = "EXT-X-STREAM-INF attributes (RFC 8216 §4.3.4.2, §4.2)";
    static final String MEDIA = "EXT-X-MEDIA attributes (RFC 8216 §4.3.4.1)";
    static final String RENDITION_GROUPS =
            "a group's members: distinct NAMEs, one DEFAULT=YES at most (RFC 8216 §4.3.4.1.1)";
    static final String GROUP_REFERENCES =
            "every group a variant names exists, of that TYPE (RFC 8216 §4.3.4.2)";
    static final String DATERANGE_ATTRIBUTES =
            "EXT-X-DATERANGE has a quoted ID and START-DATE and well-formed attributes (RFC 8216 §4.3.2.7)";
    static final String DATERANGE_ONE_ID =
            "EXT-X-DATERANGE tags of one ID agree on the attributes they share (RFC 8216 §4.3.2.7)";
    static final String DATERANGE_NEEDS_PROGRAM_DATE_TIME =
            "a playlist with EXT-X-DATERANGE has an EXT-X-PROGRAM-DATE-TIME (RFC 8216 §4.3.2.7)";
    static final String DATERANGE_STABLE =
            "a date range keeps its attribute values across polls; only new ones may appear (8216bis §4.4.5.1)";
    static final String DATERANGE_KEPT =
            "a date range is not dropped while any of its dates maps into the playlist (docs/hls-output.md)";

    static final Set<String> HEADER_TAGS = Set.of(
            "EXT-X-VERSION", "EXT-X-TARGETDURATION", "EXT-X-MEDIA-SEQUENCE", "EXT-X-DISCONTINUITY-SEQUENCE",
            "EXT-X-PLAYLIST-TYPE", "EXT-X-I-FRAMES-ONLY", "EXT-X-INDEPENDENT-SEGMENTS", "EXT-X-START");
    /** Tags that apply to the next URI line: a segment has begun once one appears. */
    static final Set<String> SEGMENT_TAGS = Set.of(
            "EXTINF", "EXT-X-DISCONTINUITY", "EXT-X-PROGRAM-DATE-TIME", "EXT-X-GAP", "EXT-X-BYTERANGE",
            "EXT-X-KEY", "EXT-X-MAP", "EXT-X-BITRATE");
    static final Set<String> MASTER_TAGS = Set.of(
            "EXT-X-STREAM-INF", "EXT-X-I-FRAME-STREAM-INF", "EXT-X-MEDIA", "EXT-X-SESSION-DATA",
            "EXT-X-SESSION-KEY", "EXT-X-CONTENT-STEERING");

    static final Pattern DECIMAL_INTEGER = Pattern.compile("[0-9]{1,20}");
    private static final Pattern TAG_NAME = Pattern.compile("#(EXT[A-Z0-9-]*)");

    /** A tag line: its name without the {@code #}, and the text after the {@code :}, or null without one. */
    record Tag(String name, String value) {
    }

    HlsRuleSupport() {
    }

    // ------------------------------------------------------------------------------------------- checks

    /**
     * The checks every playlist starts with: not null or empty, the last line ends with LF, the first line is
     * exactly {@code #EXTM3U}. Reports to {@code out} what fails, and returns the lines to go on with, or null
     * when there are none.
     */
    static List<String> prologue(String text, List<String> out) {
        if (text == null || text.isEmpty()) {
            out.add("line 1: [" + EXTM3U_FIRST + "] the playlist is " + (text == null ? "null" : "empty"));
            return null;
        }
        List<String> lines = HlsPlaylistParser.lines(text);
        if (!text.endsWith("\n")) {
            add(out, lines.size(), lines.get(lines.size() - 1), LINE_SYNTAX, "the last line does not end with \\n");
        }
        if (!lines.get(0).equals("#EXTM3U")) {
            add(out, 1, lines.get(0), EXTM3U_FIRST, "the first line must be exactly #EXTM3U");
        }
        return lines;
    }

    /** Reports a control character in line {@code n}, and the line if blank; whether it is blank. */
    static boolean reportControlOrBlank(List<String> out, int n, String line) {
        int control = firstControlCharacter(line);
        if (control >= 0) {
            add(out, n, line, NO_CONTROL_CHARACTERS, "control character " + codePoint(line.charAt(control))
                    + " at column " + (control + 1));
        }
        if (line.isEmpty()) {
            add(out, n, line, LINE_SYNTAX, "blank line");
            return true;
        }
        return false;
    }

    /** Line {@code n}, which starts with {@code #}, as a tag; null, reported, when it is a comment or garbage. */
    static Tag tag(List<String> out, int n, String line) {
        Matcher name = TAG_NAME.matcher(line);
        if (!name.lookingAt() || (name.end() < line.length() && line.charAt(name.end()) != ':')) {
            add(out, n, line, LINE_SYNTAX, "neither a tag (#EXT...) nor a URI: comment or garbage");
            return null;
        }
        return new Tag(name.group(1), name.end() < line.length() ? line.substring(name.end() + 1) : null);
    }

    /** Reports whitespace in the URI line {@code n}. */
    static void reportUriWhitespace(List<String> out, int n, String line) {
        int space = line.indexOf(' ');
        if (space >= 0) {
            add(out, n, line, LINE_SYNTAX, "whitespace in a URI at column " + (space + 1));
        }
    }

    /** Whether the value is a decimal-integer (RFC 8216 §4.2) that fits a long; reports it when not. */
    static boolean isDecimalInteger(String value, List<String> out, int n, String line) {
        if (value == null || !DECIMAL_INTEGER.matcher(value).matches()
                || new BigDecimal(value).compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            add(out, n, line, TAG_VALUES, "value is not a decimal-integer");
            return false;
        }
        return true;
    }

    private static int firstControlCharacter(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c < 0x20 || c == 0x7F) {
                return i;
            }
        }
        return -1;
    }

    // ------------------------------------------------------------------------------------------- output

    /** Adds the finding {@code detail} of {@code rule} on line {@code n}. */
    static void add(List<String> out, int n, String line, String rule, String detail) {
        out.add("line " + n + " `" + printable(line) + "`: [" + rule + "] " + detail);
    }

    /** The assertion message: the title, every violation, then the numbered playlist text. */
    static String report(String title, List<String> violations, String label, String text) {
        StringBuilder b = new StringBuilder(title).append(": ").append(violations.size()).append(" violation(s)\n");
        for (String v : violations) {
            b.append("  - ").append(v).append('\n');
        }
        return b.append(numbered(label, text)).toString();
    }

    static String numbered(String label, String text) {
        StringBuilder b = new StringBuilder("--- ").append(label).append(" ---\n");
        if (text == null) {
            return b.append("<null>\n").toString();
        }
        List<String> lines = HlsPlaylistParser.lines(text);
        for (int i = 0; i < lines.size(); i++) {
            b.append(String.format("%4d | %s%n", i + 1, printable(lines.get(i))));
        }
        return b.toString();
    }

    static String printable(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7F) {
                b.append(codePoint(c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static String codePoint(char c) {
        return String.format("<U+%04X>", (int) c);
    }
}
