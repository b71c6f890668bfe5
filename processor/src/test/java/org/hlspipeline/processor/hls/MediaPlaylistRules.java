package org.hlspipeline.processor.hls;

import static org.hlspipeline.processor.hls.HlsRuleSupport.*;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The HLS rules for one media playlist; see {@link HlsRules#mediaPlaylistViolations}. */
final class MediaPlaylistRules {

    /**
     * Media playlist tags that no version above 3 is needed for (RFC 8216 §7, 8216bis §7). With only these,
     * EXT-X-VERSION must be exactly 3 when EXTINF has decimals: higher is not "the lowest" (docs/hls-output.md, Playlist versions).
     */
    private static final Set<String> MEDIA_TAGS_UP_TO_VERSION_3 = Set.of(
            "EXTM3U", "EXT-X-VERSION", "EXT-X-TARGETDURATION", "EXT-X-MEDIA-SEQUENCE",
            "EXT-X-DISCONTINUITY-SEQUENCE", "EXT-X-ENDLIST", "EXT-X-INDEPENDENT-SEGMENTS", "EXT-X-START",
            "EXTINF", "EXT-X-DISCONTINUITY", "EXT-X-PROGRAM-DATE-TIME", "EXT-X-GAP", "EXT-X-BITRATE",
            "EXT-X-DATERANGE", "EXT-X-CUE-OUT", "EXT-X-CUE-OUT-CONT", "EXT-X-CUE-IN");

    private static final Pattern EXTINF_VALUE = Pattern.compile("([0-9]+)(\\.([0-9]*))?,(.*)");

    private MediaPlaylistRules() {
    }

    /** What is wrong with {@code text} as a media playlist; see {@link HlsRules#mediaPlaylistViolations}. */
    static List<String> violations(String text) {
        List<String> out = new ArrayList<>();
        List<String> lines = prologue(text, out);
        if (lines == null) {
            return out;
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
        boolean anyProgramDateTime = false;
        int firstDateRangeLine = 0;
        Map<String, SeenDateRange> dateRangesById = new HashMap<>();

        for (int i = 0; i < lines.size(); i++) {
            int n = i + 1;
            String line = lines.get(i);
            if (endlistLine > 0) {
                add(out, n, line, ENDLIST_LAST, "line after EXT-X-ENDLIST (line " + endlistLine + ")");
            }
            if (reportControlOrBlank(out, n, line)) {
                continue;
            }
            if (line.startsWith("#")) {
                Tag parsed = tag(out, n, line);
                if (parsed == null) {
                    continue;
                }
                String tag = parsed.name();
                String value = parsed.value();
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
                    case "EXT-X-DISCONTINUITY", "EXT-X-GAP", "EXT-X-CUE-IN" -> noValue(value, out, n, line);
                    case "EXT-X-DATERANGE" -> {
                        if (firstDateRangeLine == 0) {
                            firstDateRangeLine = n;
                        }
                        dateRange(value, out, n, line, dateRangesById);
                    }
                    case "EXT-X-PROGRAM-DATE-TIME" -> {
                        anyProgramDateTime = true;
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
            reportUriWhitespace(out, n, line);
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
        if (firstDateRangeLine > 0 && !anyProgramDateTime) {
            add(out, firstDateRangeLine, lines.get(firstDateRangeLine - 1), DATERANGE_NEEDS_PROGRAM_DATE_TIME,
                    "no EXT-X-PROGRAM-DATE-TIME in the playlist, so its dates map to nothing");
        }
        return out;
    }

    /** The first EXT-X-DATERANGE of one ID: its line and the attributes seen so far for that ID. */
    private record SeenDateRange(int line, Map<String, String> attributes) {
    }

    private static final Pattern NON_NEGATIVE_DECIMAL = Pattern.compile("[0-9]+(\\.[0-9]+)?");
    private static final Pattern HEXADECIMAL_SEQUENCE = Pattern.compile("0[xX][0-9A-Fa-f]+");

    /**
     * Checks one EXT-X-DATERANGE (RFC 8216 §4.3.2.7): a well-formed attribute-list with a quoted, non-empty ID and
     * a quoted ISO 8601 START-DATE; DURATION and PLANNED-DURATION non-negative decimal-floating-point numbers;
     * END-DATE a quoted date not before START-DATE and, with DURATION, equal to START-DATE + DURATION; SCTE35-CMD,
     * -OUT and -IN hexadecimal-sequences; and, for an ID seen before in this playlist, the same value for every
     * attribute both tags have.
     */
    private static void dateRange(String value, List<String> out, int n, String line,
                                  Map<String, SeenDateRange> byId) {
        Map<String, String> attributes;
        try {
            attributes = HlsPlaylistParser.attributeList(value == null ? "" : value, n);
        } catch (IllegalArgumentException e) {
            add(out, n, line, DATERANGE_ATTRIBUTES, "not an attribute-list: " + e.getMessage());
            return;
        }
        String id = attributes.get("ID");
        boolean idOk = id != null && quoted(id) && id.length() > 2;
        if (!idOk) {
            add(out, n, line, DATERANGE_ATTRIBUTES, id == null ? "no ID" : "ID is not a non-empty quoted-string");
        }
        Instant start = quotedDate(attributes, "START-DATE", true, out, n, line);
        Instant end = quotedDate(attributes, "END-DATE", false, out, n, line);
        BigDecimal duration = null;
        for (String name : List.of("DURATION", "PLANNED-DURATION")) {
            String v = attributes.get(name);
            if (v != null && !NON_NEGATIVE_DECIMAL.matcher(v).matches()) {
                add(out, n, line, DATERANGE_ATTRIBUTES, name + " is not a non-negative decimal-floating-point");
            } else if (v != null && name.equals("DURATION")) {
                duration = new BigDecimal(v);
            }
        }
        if (start != null && end != null) {
            if (end.isBefore(start)) {
                add(out, n, line, DATERANGE_ATTRIBUTES, "END-DATE is before START-DATE");
            } else if (duration != null && duration.movePointRight(3).setScale(0, RoundingMode.HALF_UP).longValue()
                    != end.toEpochMilli() - start.toEpochMilli()) {
                add(out, n, line, DATERANGE_ATTRIBUTES, "END-DATE is not START-DATE + DURATION");
            }
        }
        for (String name : List.of("SCTE35-CMD", "SCTE35-OUT", "SCTE35-IN")) {
            String v = attributes.get(name);
            if (v != null && !HEXADECIMAL_SEQUENCE.matcher(v).matches()) {
                add(out, n, line, DATERANGE_ATTRIBUTES, name + " is not a hexadecimal-sequence (0x...)");
            }
        }
        if (!idOk) {
            return;
        }
        SeenDateRange seen = byId.get(id);
        if (seen == null) {
            byId.put(id, new SeenDateRange(n, new java.util.LinkedHashMap<>(attributes)));
            return;
        }
        for (Map.Entry<String, String> a : attributes.entrySet()) {
            String before = seen.attributes().putIfAbsent(a.getKey(), a.getValue());
            if (before != null && !before.equals(a.getValue())) {
                add(out, n, line, DATERANGE_ONE_ID, "ID " + id + " has " + a.getKey() + "=" + a.getValue()
                        + ", but " + before + " at line " + seen.line());
            }
        }
    }

    private static boolean quoted(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"");
    }

    /** The date of a quoted ISO 8601 attribute; null, reported where wrong or (when required) absent. */
    private static Instant quotedDate(Map<String, String> attributes, String name, boolean required,
                                      List<String> out, int n, String line) {
        String v = attributes.get(name);
        if (v == null) {
            if (required) {
                add(out, n, line, DATERANGE_ATTRIBUTES, "no " + name);
            }
            return null;
        }
        if (!quoted(v)) {
            add(out, n, line, DATERANGE_ATTRIBUTES, name + " is not a quoted-string");
            return null;
        }
        try {
            return HlsPlaylistParser.dateTime(v.substring(1, v.length() - 1), n);
        } catch (IllegalArgumentException e) {
            add(out, n, line, DATERANGE_ATTRIBUTES, name + " is not an ISO 8601 date-time with time zone");
            return null;
        }
    }

    private static void noValue(String value, List<String> out, int n, String line) {
        if (value != null) {
            add(out, n, line, TAG_VALUES, "this tag takes no value");
        }
    }
}
