package org.hlspipeline.processor.hls;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads HLS playlists the way a player does, for tests (shared through processor's test-jar).
 *
 * <p>Written from RFC 8216 independently of {@link PlaylistRenderer}, so that it can check the renderer. Like a
 * player it ignores blank lines, comments and unknown tags, and accepts CRLF line ends (RFC 8216 §4.1); it
 * throws {@link IllegalArgumentException} with the line number on what a player could not read. The judging of
 * style and of the HLS rules is {@link HlsRules}' job.
 */
public final class HlsPlaylistParser {

    private HlsPlaylistParser() {
    }

    /** Reads a media playlist. */
    public static ParsedMediaPlaylist parseMedia(String text) {
        List<String> lines = lines(text);
        requireExtM3u(lines);

        Integer version = null;
        Integer targetDuration = null;
        long mediaSequence = 0;
        long discontinuitySequence = 0;
        boolean ended = false;
        Map<String, Integer> tagLines = new HashMap<>();
        List<ParsedSegment> segments = new ArrayList<>();
        List<ParsedDateRange> dateRanges = new ArrayList<>();

        // tags of the segment being read
        BigDecimal duration = null;
        int extinfLine = 0;
        boolean discontinuity = false;
        boolean gap = false;
        Instant programDateTime = null;

        for (int i = 1; i < lines.size(); i++) {
            int lineNumber = i + 1;
            String line = stripCr(lines.get(i));
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("#")) {
                if (!line.startsWith("#EXT")) {
                    continue; // a comment
                }
                int colon = line.indexOf(':');
                String name = colon < 0 ? line.substring(1) : line.substring(1, colon);
                String value = colon < 0 ? null : line.substring(colon + 1);
                tagLines.putIfAbsent(name, lineNumber);
                switch (name) {
                    case "EXT-X-VERSION" -> version = (int) decimalInteger(value, lineNumber, name);
                    case "EXT-X-TARGETDURATION" -> targetDuration = (int) decimalInteger(value, lineNumber, name);
                    case "EXT-X-MEDIA-SEQUENCE" -> mediaSequence = decimalInteger(value, lineNumber, name);
                    case "EXT-X-DISCONTINUITY-SEQUENCE" ->
                            discontinuitySequence = decimalInteger(value, lineNumber, name);
                    case "EXT-X-ENDLIST" -> ended = true;
                    case "EXTINF" -> {
                        duration = extinfDuration(value, lineNumber);
                        extinfLine = lineNumber;
                    }
                    case "EXT-X-DISCONTINUITY" -> discontinuity = true;
                    case "EXT-X-GAP" -> gap = true;
                    case "EXT-X-PROGRAM-DATE-TIME" -> programDateTime = dateTime(value, lineNumber);
                    case "EXT-X-DATERANGE" -> dateRanges.add(new ParsedDateRange(
                            attributeList(value == null ? "" : value, lineNumber), lineNumber, segments.size()));
                    case "EXT-X-STREAM-INF", "EXT-X-I-FRAME-STREAM-INF", "EXT-X-MEDIA" ->
                            throw new IllegalArgumentException(
                                    "line " + lineNumber + ": " + name + " belongs in a master playlist");
                    default -> {
                        // unknown or not modelled here: ignored, as a player does (RFC 8216 §6.3.1)
                    }
                }
                continue;
            }
            if (duration == null) {
                throw new IllegalArgumentException("line " + lineNumber + ": URI line '" + line
                        + "' has no EXTINF before it");
            }
            // numbered below, once the header values are known
            segments.add(new ParsedSegment(0, 0, line, duration, discontinuity, gap, programDateTime, extinfLine,
                    lineNumber));
            duration = null;
            extinfLine = 0;
            discontinuity = false;
            gap = false;
            programDateTime = null;
        }
        if (targetDuration == null) {
            throw new IllegalArgumentException("no EXT-X-TARGETDURATION: not a media playlist");
        }
        // RFC 8216 §3: media sequence numbers count up from EXT-X-MEDIA-SEQUENCE; a segment's discontinuity
        // sequence number is EXT-X-DISCONTINUITY-SEQUENCE plus the EXT-X-DISCONTINUITY tags before its URI.
        List<ParsedSegment> numbered = new ArrayList<>(segments.size());
        long dsn = discontinuitySequence;
        for (int i = 0; i < segments.size(); i++) {
            ParsedSegment s = segments.get(i);
            if (s.discontinuity()) {
                dsn++;
            }
            numbered.add(new ParsedSegment(mediaSequence + i, dsn, s.uri(), s.duration(), s.discontinuity(),
                    s.gap(), s.programDateTime(), s.extinfLine(), s.uriLine()));
        }
        return new ParsedMediaPlaylist(version, targetDuration, mediaSequence, discontinuitySequence, ended,
                numbered, tagLines, lines, dateRanges);
    }

    /** Reads a master playlist. */
    public static ParsedMasterPlaylist parseMaster(String text) {
        List<String> lines = lines(text);
        requireExtM3u(lines);
        Integer version = null;
        List<ParsedVariant> variants = new ArrayList<>();
        Map<String, String> pending = null;
        int pendingLine = 0;
        for (int i = 1; i < lines.size(); i++) {
            int lineNumber = i + 1;
            String line = stripCr(lines.get(i));
            if (line.isEmpty() || (line.startsWith("#") && !line.startsWith("#EXT"))) {
                continue;
            }
            if (line.startsWith("#EXT-X-VERSION:")) {
                version = (int) decimalInteger(line.substring("#EXT-X-VERSION:".length()), lineNumber,
                        "EXT-X-VERSION");
            } else if (line.startsWith("#EXT-X-STREAM-INF:")) {
                if (pending != null) {
                    throw new IllegalArgumentException("line " + lineNumber + ": EXT-X-STREAM-INF at line "
                            + pendingLine + " has no URI line");
                }
                pending = attributeList(line.substring("#EXT-X-STREAM-INF:".length()), lineNumber);
                pendingLine = lineNumber;
            } else if (line.startsWith("#EXTINF") || line.startsWith("#EXT-X-TARGETDURATION")) {
                throw new IllegalArgumentException("line " + lineNumber + ": media playlist tag in a master playlist");
            } else if (!line.startsWith("#")) {
                if (pending == null) {
                    throw new IllegalArgumentException("line " + lineNumber + ": URI line '" + line
                            + "' has no EXT-X-STREAM-INF before it");
                }
                variants.add(new ParsedVariant(line, pending, pendingLine));
                pending = null;
            }
        }
        if (pending != null) {
            throw new IllegalArgumentException("line " + pendingLine + ": EXT-X-STREAM-INF has no URI line");
        }
        return new ParsedMasterPlaylist(version, variants, lines);
    }

    /**
     * Reads an attribute-list (RFC 8216 §4.2): {@code NAME=value} pairs separated by commas, a value being a
     * quoted-string or running to the next comma. Keeps the values as written, in order.
     *
     * @throws IllegalArgumentException on a syntax error or a repeated name (RFC 8216 §4.2 forbids it)
     */
    public static Map<String, String> attributeList(String text, int lineNumber) {
        Map<String, String> attributes = new LinkedHashMap<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            int eq = text.indexOf('=', i);
            if (eq <= i) {
                throw new IllegalArgumentException("line " + lineNumber + ": attribute without NAME= at column "
                        + (i + 1) + " of '" + text + "'");
            }
            String name = text.substring(i, eq);
            for (int k = 0; k < name.length(); k++) {
                char c = name.charAt(k);
                if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-')) {
                    throw new IllegalArgumentException("line " + lineNumber + ": attribute name '" + name
                            + "' is not [A-Z0-9-]+ (RFC 8216 §4.2)");
                }
            }
            int end;
            if (eq + 1 < n && text.charAt(eq + 1) == '"') {
                int close = text.indexOf('"', eq + 2);
                if (close < 0) {
                    throw new IllegalArgumentException("line " + lineNumber + ": quoted-string of " + name
                            + " is not closed");
                }
                end = close + 1;
                if (end < n && text.charAt(end) != ',') {
                    throw new IllegalArgumentException("line " + lineNumber + ": text after the quoted-string of "
                            + name);
                }
            } else {
                int comma = text.indexOf(',', eq + 1);
                end = comma < 0 ? n : comma;
            }
            String value = text.substring(eq + 1, end);
            if (value.isEmpty()) {
                throw new IllegalArgumentException("line " + lineNumber + ": attribute " + name + " has no value");
            }
            if (attributes.put(name, value) != null) {
                throw new IllegalArgumentException("line " + lineNumber + ": attribute " + name
                        + " appears twice (RFC 8216 §4.2)");
            }
            i = end + 1;
            if (end < n && i == n) {
                throw new IllegalArgumentException("line " + lineNumber + ": attribute list ends with a comma");
            }
        }
        return attributes;
    }

    /** The text split at LF, without the empty string after a final LF. */
    static List<String> lines(String text) {
        if (text == null) {
            throw new IllegalArgumentException("playlist text is null");
        }
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        if (text.endsWith("\n")) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    private static void requireExtM3u(List<String> lines) {
        if (lines.isEmpty() || !stripCr(lines.get(0)).equals("#EXTM3U")) {
            throw new IllegalArgumentException("line 1: a playlist starts with #EXTM3U (RFC 8216 §4.3.1.1)");
        }
    }

    private static String stripCr(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    private static long decimalInteger(String value, int lineNumber, String tag) {
        if (value == null || value.isEmpty() || value.length() > 20 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("line " + lineNumber + ": " + tag + " value '" + value
                    + "' is not a decimal-integer (RFC 8216 §4.2)");
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("line " + lineNumber + ": " + tag + " value '" + value
                    + "' is too large", e);
        }
    }

    /** The duration of {@code #EXTINF:<duration>,[<title>]} (RFC 8216 §4.3.2.1). */
    static BigDecimal extinfDuration(String value, int lineNumber) {
        if (value == null) {
            throw new IllegalArgumentException("line " + lineNumber + ": EXTINF without a duration");
        }
        int comma = value.indexOf(',');
        if (comma < 0) {
            throw new IllegalArgumentException("line " + lineNumber + ": EXTINF '" + value
                    + "' has no comma after the duration (RFC 8216 §4.3.2.1)");
        }
        String number = value.substring(0, comma);
        if (!number.matches("[0-9]+(\\.[0-9]*)?")) {
            throw new IllegalArgumentException("line " + lineNumber + ": EXTINF duration '" + number
                    + "' is not a decimal-integer or decimal-floating-point (RFC 8216 §4.2)");
        }
        return new BigDecimal(number);
    }

    static Instant dateTime(String value, int lineNumber) {
        try {
            return OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException | NullPointerException e) {
            throw new IllegalArgumentException("line " + lineNumber + ": EXT-X-PROGRAM-DATE-TIME '" + value
                    + "' is not an ISO 8601 date-time with time zone (RFC 8216 §4.3.2.6)", e);
        }
    }
}
