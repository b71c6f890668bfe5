package org.hlspipeline.hls;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HLS rules of DESIGN §8 as test assertions (shared through processor's test-jar): what every served
 * playlist must satisfy, and what every two successive polls of one live playlist must satisfy.
 *
 * <p>Written from RFC 8216 independently of {@link PlaylistRenderer}. Each failure names the rule (with its
 * RFC or DESIGN section) and the line, and the assertion lists every violation it found, followed by the
 * numbered playlist text. The {@code ...Violations} methods return the same findings as a list.
 */
public final class HlsRules {

    // Rule names, as they appear in messages.
    static final String EXTM3U_FIRST = "EXTM3U first (RFC 8216 §4.3.1.1)";
    static final String LINE_SYNTAX = "lines (RFC 8216 §4.1; DESIGN §8)";
    static final String NO_CONTROL_CHARACTERS = "no control characters (DESIGN §8, §11)";
    static final String ONE_TARGET_DURATION = "exactly one EXT-X-TARGETDURATION (RFC 8216 §4.3.3.1)";
    static final String EXTINF_WITHIN_TARGET = "EXTINF rounded ≤ EXT-X-TARGETDURATION (RFC 8216 §4.3.3.1)";
    static final String EXTINF_FORMAT = "EXTINF with millisecond precision (RFC 8216 §4.3.2.1; DESIGN §8)";
    static final String VERSION = "EXT-X-VERSION the lowest the tags require (RFC 8216 §4.3.1.2, §7; DESIGN §8)";
    static final String NO_PLAYLIST_TYPE = "no EXT-X-PLAYLIST-TYPE on live playlists (DESIGN §8)";
    static final String HEADER_ONCE = "header tags once, before the first segment (RFC 8216 §4.3.3)";
    static final String DISCONTINUITY_SEQUENCE_PRESENT =
            "EXT-X-DISCONTINUITY-SEQUENCE present while live (RFC 8216 §4.3.3.3; DESIGN §8)";
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

    private static final Set<String> HEADER_TAGS = Set.of(
            "EXT-X-VERSION", "EXT-X-TARGETDURATION", "EXT-X-MEDIA-SEQUENCE", "EXT-X-DISCONTINUITY-SEQUENCE",
            "EXT-X-PLAYLIST-TYPE", "EXT-X-I-FRAMES-ONLY", "EXT-X-INDEPENDENT-SEGMENTS", "EXT-X-START");
    /** Tags that apply to the next URI line: a segment has begun once one appears. */
    private static final Set<String> SEGMENT_TAGS = Set.of(
            "EXTINF", "EXT-X-DISCONTINUITY", "EXT-X-PROGRAM-DATE-TIME", "EXT-X-GAP", "EXT-X-BYTERANGE",
            "EXT-X-KEY", "EXT-X-MAP", "EXT-X-BITRATE");
    private static final Set<String> MASTER_TAGS = Set.of(
            "EXT-X-STREAM-INF", "EXT-X-I-FRAME-STREAM-INF", "EXT-X-MEDIA", "EXT-X-SESSION-DATA",
            "EXT-X-SESSION-KEY", "EXT-X-CONTENT-STEERING");
    /**
     * Media playlist tags that no version above 3 is needed for (RFC 8216 §7, 8216bis §7). With only these,
     * EXT-X-VERSION must be exactly 3 when EXTINF has decimals: higher is not "the lowest" of DESIGN §8.
     */
    private static final Set<String> MEDIA_TAGS_UP_TO_VERSION_3 = Set.of(
            "EXTM3U", "EXT-X-VERSION", "EXT-X-TARGETDURATION", "EXT-X-MEDIA-SEQUENCE",
            "EXT-X-DISCONTINUITY-SEQUENCE", "EXT-X-ENDLIST", "EXT-X-INDEPENDENT-SEGMENTS", "EXT-X-START",
            "EXTINF", "EXT-X-DISCONTINUITY", "EXT-X-PROGRAM-DATE-TIME", "EXT-X-GAP", "EXT-X-BITRATE",
            "EXT-X-DATERANGE", "EXT-X-CUE-OUT", "EXT-X-CUE-OUT-CONT", "EXT-X-CUE-IN");

    private static final Pattern TAG_NAME = Pattern.compile("#(EXT[A-Z0-9-]*)");
    private static final Pattern DECIMAL_INTEGER = Pattern.compile("[0-9]{1,20}");
    private static final Pattern EXTINF_VALUE = Pattern.compile("([0-9]+)(\\.([0-9]*))?,(.*)");
    private static final Pattern RESOLUTION = Pattern.compile("[0-9]+x[0-9]+");
    private static final Pattern DECIMAL_FLOAT = Pattern.compile("[0-9]+(\\.[0-9]+)?");

    private HlsRules() {
    }

    // ---------------------------------------------------------------------------------------------- media

    /** Asserts that {@code text} is a media playlist that satisfies DESIGN §8; see {@link #mediaPlaylistViolations}. */
    public static void assertValidMediaPlaylist(String text) {
        List<String> violations = mediaPlaylistViolations(text);
        if (!violations.isEmpty()) {
            throw new AssertionError(report("Invalid media playlist", violations, "playlist", text));
        }
    }

    /**
     * What is wrong with {@code text} as a media playlist served by this pipeline, one message per finding:
     * <ul>
     *   <li>the first line is {@code #EXTM3U}; every line ends with LF; no blank lines, comments or garbage;
     *       no control characters in any line;</li>
     *   <li>exactly one EXT-X-TARGETDURATION, and every EXTINF rounded to the nearest integer is at most it;</li>
     *   <li>EXTINF is {@code <seconds>.<3 digits>,} (DESIGN §8: millisecond precision);</li>
     *   <li>EXT-X-VERSION is present and at least 3 when an EXTINF has decimals, and not above 3 when only tags
     *       that need no more are used;</li>
     *   <li>no EXT-X-PLAYLIST-TYPE; header tags at most once and before the first segment;
     *       EXT-X-DISCONTINUITY-SEQUENCE present unless ended;</li>
     *   <li>each segment has exactly one EXTINF and ends with a URI line; no master playlist tags;</li>
     *   <li>EXT-X-ENDLIST at most once, and last.</li>
     * </ul>
     */
    public static List<String> mediaPlaylistViolations(String text) {
        List<String> out = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            out.add("line 1: [" + EXTM3U_FIRST + "] the playlist is " + (text == null ? "null" : "empty"));
            return out;
        }
        List<String> lines = HlsPlaylistParser.lines(text);
        if (!text.endsWith("\n")) {
            add(out, lines.size(), lines.get(lines.size() - 1), LINE_SYNTAX, "the last line does not end with \\n");
        }
        if (!lines.get(0).equals("#EXTM3U")) {
            add(out, 1, lines.get(0), EXTM3U_FIRST, "the first line must be exactly #EXTM3U");
        }

        Map<String, Integer> headerLines = new HashMap<>();
        Long targetDuration = null;
        Long version = null;
        int endlistLine = 0;
        boolean anyDecimalExtinf = false;
        boolean onlyTagsUpToVersion3 = true;
        boolean segmentsBegun = false;
        int segmentStartLine = 0; // line of the first tag of the segment being read, 0 if none
        int segmentExtinfLine = 0;
        List<Integer> extinfLines = new ArrayList<>();
        List<BigDecimal> extinfDurations = new ArrayList<>();

        for (int i = 0; i < lines.size(); i++) {
            int n = i + 1;
            String line = lines.get(i);
            if (endlistLine > 0) {
                add(out, n, line, ENDLIST_LAST, "line after EXT-X-ENDLIST (line " + endlistLine + ")");
            }
            int control = firstControlCharacter(line);
            if (control >= 0) {
                add(out, n, line, NO_CONTROL_CHARACTERS, "control character " + codePoint(line.charAt(control))
                        + " at column " + (control + 1));
            }
            if (line.isEmpty()) {
                add(out, n, line, LINE_SYNTAX, "blank line");
                continue;
            }
            if (line.startsWith("#")) {
                Matcher name = TAG_NAME.matcher(line);
                if (!name.lookingAt() || (name.end() < line.length() && line.charAt(name.end()) != ':')) {
                    add(out, n, line, LINE_SYNTAX, "neither a tag (#EXT...) nor a URI: comment or garbage");
                    continue;
                }
                String tag = name.group(1);
                String value = name.end() < line.length() ? line.substring(name.end() + 1) : null;
                if (!MEDIA_TAGS_UP_TO_VERSION_3.contains(tag)) {
                    onlyTagsUpToVersion3 = false;
                }
                if (tag.equals("EXTM3U")) {
                    if (n != 1) {
                        add(out, n, line, EXTM3U_FIRST, "#EXTM3U again");
                    }
                    continue;
                }
                if (MASTER_TAGS.contains(tag)) {
                    add(out, n, line, MEDIA_OR_MASTER, tag + " is a master playlist tag");
                    continue;
                }
                if (HEADER_TAGS.contains(tag)) {
                    Integer first = headerLines.putIfAbsent(tag, n);
                    if (first != null) {
                        add(out, n, line, HEADER_ONCE, tag + " again (first at line " + first + ")");
                    } else if (segmentsBegun || segmentStartLine > 0) {
                        add(out, n, line, HEADER_ONCE, tag + " after the first segment");
                    }
                }
                switch (tag) {
                    case "EXT-X-VERSION" -> {
                        if (isDecimalInteger(value, out, n, line) && version == null) {
                            version = Long.valueOf(value);
                        }
                    }
                    case "EXT-X-TARGETDURATION" -> {
                        if (isDecimalInteger(value, out, n, line) && targetDuration == null) {
                            targetDuration = Long.valueOf(value);
                            if (targetDuration < 1) {
                                add(out, n, line, TAG_VALUES, "a target duration of 0 s");
                            }
                        }
                        if (headerLines.get(tag) != n) { // the repeat is also reported under HEADER_ONCE
                            add(out, n, line, ONE_TARGET_DURATION, "second EXT-X-TARGETDURATION");
                        }
                    }
                    case "EXT-X-MEDIA-SEQUENCE", "EXT-X-DISCONTINUITY-SEQUENCE" ->
                            isDecimalInteger(value, out, n, line);
                    case "EXT-X-PLAYLIST-TYPE" -> add(out, n, line, NO_PLAYLIST_TYPE, "present");
                    case "EXT-X-ENDLIST" -> {
                        if (endlistLine == 0) {
                            endlistLine = n;
                        }
                        noValue(value, out, n, line);
                    }
                    case "EXTINF" -> {
                        if (segmentExtinfLine > 0) {
                            add(out, n, line, SEGMENT_SHAPE, "second EXTINF for one segment (first at line "
                                    + segmentExtinfLine + ")");
                        }
                        segmentExtinfLine = n;
                        Matcher m = value == null ? null : EXTINF_VALUE.matcher(value);
                        if (m == null || !m.matches()) {
                            add(out, n, line, EXTINF_FORMAT, "not #EXTINF:<duration>,[<title>]");
                        } else {
                            if (m.group(2) != null) {
                                anyDecimalExtinf = true;
                            }
                            if (m.group(3) == null || m.group(3).length() != 3) {
                                add(out, n, line, EXTINF_FORMAT, "the duration must have exactly 3 decimals");
                            }
                            extinfLines.add(n);
                            extinfDurations.add(new BigDecimal(m.group(1) + (m.group(3) == null || m.group(3).isEmpty()
                                    ? "" : "." + m.group(3))));
                        }
                    }
                    case "EXT-X-DISCONTINUITY", "EXT-X-GAP" -> noValue(value, out, n, line);
                    case "EXT-X-PROGRAM-DATE-TIME" -> {
                        try {
                            HlsPlaylistParser.dateTime(value, n);
                        } catch (IllegalArgumentException e) {
                            add(out, n, line, TAG_VALUES, "not an ISO 8601 date-time with time zone (RFC 8216 §4.3.2.6)");
                        }
                    }
                    default -> {
                        // other tags are allowed; they only lift the "exactly 3" version check
                    }
                }
                if (SEGMENT_TAGS.contains(tag) && segmentStartLine == 0) {
                    segmentStartLine = n;
                }
                continue;
            }
            // a URI line
            if (segmentExtinfLine == 0) {
                add(out, n, line, SEGMENT_SHAPE, "URI line without an EXTINF before it");
            }
            int space = line.indexOf(' ');
            if (space >= 0) {
                add(out, n, line, LINE_SYNTAX, "whitespace in a URI at column " + (space + 1));
            }
            segmentsBegun = true;
            segmentStartLine = 0;
            segmentExtinfLine = 0;
        }
        if (segmentStartLine > 0) {
            add(out, segmentStartLine, lines.get(segmentStartLine - 1), SEGMENT_SHAPE,
                    "segment tags not followed by a URI line");
        }

        if (!headerLines.containsKey("EXT-X-TARGETDURATION")) {
            add(out, 1, lines.get(0), ONE_TARGET_DURATION, "no EXT-X-TARGETDURATION in the playlist");
        }
        if (targetDuration != null) {
            for (int k = 0; k < extinfDurations.size(); k++) {
                BigDecimal rounded = extinfDurations.get(k).setScale(0, RoundingMode.HALF_UP);
                if (rounded.compareTo(BigDecimal.valueOf(targetDuration)) > 0) {
                    int n = extinfLines.get(k);
                    add(out, n, lines.get(n - 1), EXTINF_WITHIN_TARGET, extinfDurations.get(k) + " s rounds to "
                            + rounded + " > EXT-X-TARGETDURATION:" + targetDuration + " (line "
                            + headerLines.get("EXT-X-TARGETDURATION") + ")");
                }
            }
        }
        if (anyDecimalExtinf) {
            if (version == null) {
                add(out, 1, lines.get(0), VERSION, "no EXT-X-VERSION, but EXTINF has decimals, which needs 3");
            } else if (version < 3) {
                int n = headerLines.get("EXT-X-VERSION");
                add(out, n, lines.get(n - 1), VERSION, "EXTINF has decimals, which needs 3");
            }
        }
        if (version != null && version > 3 && onlyTagsUpToVersion3) {
            int n = headerLines.get("EXT-X-VERSION");
            add(out, n, lines.get(n - 1), VERSION, "higher than the 3 that the tags used need");
        }
        if (endlistLine == 0 && !headerLines.containsKey("EXT-X-DISCONTINUITY-SEQUENCE")) {
            add(out, 1, lines.get(0), DISCONTINUITY_SEQUENCE_PRESENT, "a live playlist without it");
        }
        return out;
    }

    // ------------------------------------------------------------------------------------------ successor

    /**
     * Asserts that {@code next} may follow {@code previous} as the next poll of the same live media playlist;
     * see {@link #successorViolations}.
     */
    public static void assertValidSuccessor(String previous, String next) {
        List<String> violations = successorViolations(previous, next);
        if (!violations.isEmpty()) {
            throw new AssertionError(report("Invalid playlist update", violations, "previous", previous)
                    + numbered("next", next));
        }
    }

    /**
     * What is wrong with {@code next} as the next poll of the live media playlist {@code previous} (both must
     * pass {@link #mediaPlaylistViolations} first; their findings are reported prefixed with "previous" or
     * "next"):
     * <ul>
     *   <li>EXT-X-TARGETDURATION is unchanged;</li>
     *   <li>EXT-X-MEDIA-SEQUENCE does not decrease and grows by exactly the segments removed from the head:
     *       every segment of {@code previous} still present has the same media sequence number, URI, EXTINF,
     *       discontinuity, gap and (where both have one) program date-time, and none is missing in between;</li>
     *   <li>EXT-X-DISCONTINUITY-SEQUENCE grows by exactly the EXT-X-DISCONTINUITY tags of the removed segments
     *       (at least, when every segment of {@code previous} was removed, as then they cannot be counted);</li>
     *   <li>once {@code previous} has EXT-X-ENDLIST, {@code next} is the same text;</li>
     *   <li>when segments were removed and {@code next} has no EXT-X-ENDLIST, its duration is at least
     *       3 × EXT-X-TARGETDURATION.</li>
     * </ul>
     */
    public static List<String> successorViolations(String previous, String next) {
        List<String> out = new ArrayList<>();
        for (String v : mediaPlaylistViolations(previous)) {
            out.add("previous " + v);
        }
        for (String v : mediaPlaylistViolations(next)) {
            out.add("next " + v);
        }
        if (!out.isEmpty()) {
            return out;
        }
        ParsedMediaPlaylist p = HlsPlaylistParser.parseMedia(previous);
        ParsedMediaPlaylist q = HlsPlaylistParser.parseMedia(next);

        if (p.ended()) {
            if (!previous.equals(next)) {
                int n = firstDifferentLine(p.lines(), q.lines());
                out.add("next line " + n + ": [" + ENDED_IS_FINAL + "] previous has EXT-X-ENDLIST (line "
                        + p.lineOf("EXT-X-ENDLIST") + "), but line " + n + " changed from `"
                        + lineOrEnd(p.lines(), n) + "` to `" + lineOrEnd(q.lines(), n) + "`");
            }
            return out;
        }
        if (p.targetDuration() != q.targetDuration()) {
            out.add("next line " + q.lineOf("EXT-X-TARGETDURATION") + ": [" + TARGET_DURATION_UNCHANGED + "] was "
                    + p.targetDuration() + " (previous line " + p.lineOf("EXT-X-TARGETDURATION") + "), now "
                    + q.targetDuration());
        }
        if (q.mediaSequence() < p.mediaSequence()) {
            out.add("next line " + q.lineOf("EXT-X-MEDIA-SEQUENCE") + ": [" + MEDIA_SEQUENCE + "] decreased from "
                    + p.mediaSequence() + " (previous line " + p.lineOf("EXT-X-MEDIA-SEQUENCE") + ") to "
                    + q.mediaSequence());
            return out; // nothing lines up any more
        }
        long removed = q.mediaSequence() - p.mediaSequence();
        List<ParsedSegment> ps = p.segments();
        List<ParsedSegment> qs = q.segments();

        if (removed <= ps.size()) {
            for (int i = (int) removed; i < ps.size(); i++) {
                ParsedSegment a = ps.get(i);
                int j = i - (int) removed;
                if (j >= qs.size()) {
                    out.add("previous line " + a.uriLine() + ": [" + HEAD_ONLY + "] segment " + a.mediaSequence()
                            + " `" + a.uri() + "` is gone from next, though only " + removed
                            + " segment(s) were removed from the head (EXT-X-MEDIA-SEQUENCE " + p.mediaSequence()
                            + " → " + q.mediaSequence() + ")");
                    break;
                }
                ParsedSegment b = qs.get(j);
                if (!a.uri().equals(b.uri())) {
                    out.add("next line " + b.uriLine() + ": [" + MEDIA_SEQUENCE + "] media sequence "
                            + b.mediaSequence() + " is `" + b.uri() + "`, but was `" + a.uri() + "` (previous line "
                            + a.uriLine() + "); EXT-X-MEDIA-SEQUENCE went " + p.mediaSequence() + " → "
                            + q.mediaSequence() + ", which says " + removed + " segment(s) were removed");
                    break; // the rest is misaligned too
                }
                String changed = segmentChange(a, b);
                if (changed != null) {
                    out.add("next line " + b.uriLine() + ": [" + HEAD_ONLY + "] segment " + b.mediaSequence() + " `"
                            + b.uri() + "` changed its " + changed + " (previous line " + a.uriLine() + ")");
                }
            }
            List<Integer> slidOut = new ArrayList<>();
            for (int i = 0; i < removed; i++) {
                if (ps.get(i).discontinuity()) {
                    slidOut.add(ps.get(i).uriLine());
                }
            }
            long expected = p.discontinuitySequence() + slidOut.size();
            if (q.discontinuitySequence() != expected) {
                out.add("next line " + q.lineOf("EXT-X-DISCONTINUITY-SEQUENCE") + ": [" + DISCONTINUITY_SEQUENCE
                        + "] is " + q.discontinuitySequence() + ", expected " + p.discontinuitySequence() + " + "
                        + slidOut.size() + " = " + expected + (slidOut.isEmpty() ? ""
                        : " (removed segments with EXT-X-DISCONTINUITY at previous lines " + slidOut + ")"));
            }
        } else {
            long tags = ps.stream().filter(ParsedSegment::discontinuity).count();
            long atLeast = p.discontinuitySequence() + tags;
            if (q.discontinuitySequence() < atLeast) {
                out.add("next line " + q.lineOf("EXT-X-DISCONTINUITY-SEQUENCE") + ": [" + DISCONTINUITY_SEQUENCE
                        + "] is " + q.discontinuitySequence() + ", but every segment of previous was removed, with "
                        + tags + " EXT-X-DISCONTINUITY tag(s), so it must be at least " + atLeast);
            }
        }

        if (removed > 0 && !q.ended()) {
            BigDecimal minimum = BigDecimal.valueOf(3L * q.targetDuration());
            BigDecimal total = q.totalDuration();
            if (total.compareTo(minimum) < 0) {
                out.add("next line " + q.lineOf("EXT-X-MEDIA-SEQUENCE") + ": [" + THREE_TARGET_DURATIONS + "] "
                        + removed + " segment(s) removed, leaving " + total.toPlainString() + " s, less than 3 × "
                        + q.targetDuration() + " = " + minimum + " s");
            }
        }
        return out;
    }

    // --------------------------------------------------------------------------------------------- master

    /** Asserts that {@code text} is a valid master playlist; see {@link #masterPlaylistViolations}. */
    public static void assertValidMasterPlaylist(String text) {
        List<String> violations = masterPlaylistViolations(text);
        if (!violations.isEmpty()) {
            throw new AssertionError(report("Invalid master playlist", violations, "playlist", text));
        }
    }

    /**
     * What is wrong with {@code text} as a master playlist: {@code #EXTM3U} first; LF line ends, no blank,
     * comment or garbage lines, no control characters; at least one EXT-X-STREAM-INF, each with a well-formed
     * attribute list (no repeated names, BANDWIDTH a decimal-integer, RESOLUTION {@code WxH}, FRAME-RATE with at
     * most 3 decimals, quoted values closed) followed by a URI line; no media playlist tags; EXT-X-VERSION at
     * most once and not above 1 while only these attributes are used.
     */
    public static List<String> masterPlaylistViolations(String text) {
        List<String> out = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            out.add("line 1: [" + EXTM3U_FIRST + "] the playlist is " + (text == null ? "null" : "empty"));
            return out;
        }
        List<String> lines = HlsPlaylistParser.lines(text);
        if (!text.endsWith("\n")) {
            add(out, lines.size(), lines.get(lines.size() - 1), LINE_SYNTAX, "the last line does not end with \\n");
        }
        if (!lines.get(0).equals("#EXTM3U")) {
            add(out, 1, lines.get(0), EXTM3U_FIRST, "the first line must be exactly #EXTM3U");
        }
        int versionLine = 0;
        int pendingStreamInf = 0;
        int variants = 0;
        for (int i = 1; i < lines.size(); i++) {
            int n = i + 1;
            String line = lines.get(i);
            int control = firstControlCharacter(line);
            if (control >= 0) {
                add(out, n, line, NO_CONTROL_CHARACTERS, "control character " + codePoint(line.charAt(control))
                        + " at column " + (control + 1));
            }
            if (line.isEmpty()) {
                add(out, n, line, LINE_SYNTAX, "blank line");
                continue;
            }
            if (line.startsWith("#")) {
                if (pendingStreamInf > 0) {
                    add(out, pendingStreamInf, lines.get(pendingStreamInf - 1), STREAM_INF,
                            "not followed by a URI line (line " + n + " is a tag)");
                    pendingStreamInf = 0;
                }
                Matcher name = TAG_NAME.matcher(line);
                if (!name.lookingAt() || (name.end() < line.length() && line.charAt(name.end()) != ':')) {
                    add(out, n, line, LINE_SYNTAX, "neither a tag (#EXT...) nor a URI: comment or garbage");
                    continue;
                }
                String tag = name.group(1);
                String value = name.end() < line.length() ? line.substring(name.end() + 1) : null;
                switch (tag) {
                    case "EXTM3U" -> add(out, n, line, EXTM3U_FIRST, "#EXTM3U again");
                    case "EXT-X-VERSION" -> {
                        if (versionLine > 0) {
                            add(out, n, line, VERSION, "EXT-X-VERSION again (first at line " + versionLine + ")");
                        } else {
                            versionLine = n;
                            if (isDecimalInteger(value, out, n, line) && Long.parseLong(value) > 1) {
                                add(out, n, line, VERSION, "EXT-X-STREAM-INF with these attributes needs no"
                                        + " version above 1");
                            }
                        }
                    }
                    case "EXT-X-STREAM-INF" -> {
                        variants++;
                        pendingStreamInf = n;
                        checkStreamInf(value, out, n, line);
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
            if (line.indexOf(' ') >= 0) {
                add(out, n, line, LINE_SYNTAX, "whitespace in a URI at column " + (line.indexOf(' ') + 1));
            }
            pendingStreamInf = 0;
        }
        if (pendingStreamInf > 0) {
            add(out, pendingStreamInf, lines.get(pendingStreamInf - 1), STREAM_INF, "not followed by a URI line");
        }
        if (variants == 0) {
            add(out, 1, lines.get(0), STREAM_INF, "no EXT-X-STREAM-INF in the playlist");
        }
        return out;
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

    // -------------------------------------------------------------------------------------------- helpers

    /** Whether the value is a decimal-integer (RFC 8216 §4.2) that fits a long; reports it when not. */
    private static boolean isDecimalInteger(String value, List<String> out, int n, String line) {
        if (value == null || !DECIMAL_INTEGER.matcher(value).matches()
                || new BigDecimal(value).compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            add(out, n, line, TAG_VALUES, "value is not a decimal-integer");
            return false;
        }
        return true;
    }

    private static void noValue(String value, List<String> out, int n, String line) {
        if (value != null) {
            add(out, n, line, TAG_VALUES, "this tag takes no value");
        }
    }

    /** Which property of a segment changed between two polls, or null. */
    private static String segmentChange(ParsedSegment a, ParsedSegment b) {
        if (a.duration().compareTo(b.duration()) != 0) {
            return "EXTINF from " + a.duration() + " to " + b.duration();
        }
        if (a.discontinuity() != b.discontinuity()) {
            return "EXT-X-DISCONTINUITY from " + a.discontinuity() + " to " + b.discontinuity();
        }
        if (a.gap() != b.gap()) {
            return "EXT-X-GAP from " + a.gap() + " to " + b.gap();
        }
        // A program date-time may be added on a segment that became the first (nothing before it to
        // extrapolate from), so compare only where both carry one.
        if (a.programDateTime() != null && b.programDateTime() != null
                && !a.programDateTime().equals(b.programDateTime())) {
            return "EXT-X-PROGRAM-DATE-TIME from " + a.programDateTime() + " to " + b.programDateTime();
        }
        return null;
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

    private static int firstDifferentLine(List<String> a, List<String> b) {
        int n = Math.min(a.size(), b.size());
        for (int i = 0; i < n; i++) {
            if (!a.get(i).equals(b.get(i))) {
                return i + 1;
            }
        }
        return n + 1;
    }

    private static String lineOrEnd(List<String> lines, int n) {
        return n <= lines.size() ? printable(lines.get(n - 1)) : "<end of playlist>";
    }

    private static void add(List<String> out, int n, String line, String rule, String detail) {
        out.add("line " + n + " `" + printable(line) + "`: [" + rule + "] " + detail);
    }

    private static String report(String title, List<String> violations, String label, String text) {
        StringBuilder b = new StringBuilder(title).append(": ").append(violations.size()).append(" violation(s)\n");
        for (String v : violations) {
            b.append("  - ").append(v).append('\n');
        }
        return b.append(numbered(label, text)).toString();
    }

    private static String numbered(String label, String text) {
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

    private static String printable(String s) {
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
