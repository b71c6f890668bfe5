package org.hlspipeline.processor.hls;

import static org.hlspipeline.processor.hls.HlsRuleSupport.*;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules for two successive polls of one live media playlist (RFC 8216 §6.2.1, §6.2.2); see
 * {@link HlsRules#successorViolations}.
 */
final class PlaylistSuccessionRules {

    private PlaylistSuccessionRules() {
    }

    /** What is wrong with {@code next} as the poll after {@code previous}; see {@link HlsRules#successorViolations}. */
    static List<String> violations(String previous, String next) {
        List<String> out = new ArrayList<>();
        for (String v : MediaPlaylistRules.violations(previous)) {
            out.add("previous " + v);
        }
        for (String v : MediaPlaylistRules.violations(next)) {
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
        dateRanges(p, q, out);
        return out;
    }

    /**
     * Date ranges across polls: a range of {@code previous} that {@code next} shows again keeps every attribute
     * with its value (RFC 8216bis §4.4.5.1 lets tags of one ID differ only by attributes the other lacks; a later
     * poll may add END-DATE, DURATION or SCTE35-IN, never change or withdraw what was said). A range of
     * {@code previous} that {@code next} does not show must have no date in next's time span (docs/hls-output.md, Ad markers): the
     * range is [START-DATE, END-DATE or START-DATE + DURATION), open-ended without either, and next spans from its
     * first segment's date to its last segment's end, dates extrapolated from its program date-times.
     */
    private static void dateRanges(ParsedMediaPlaylist p, ParsedMediaPlaylist q, List<String> out) {
        if (p.dateRanges().isEmpty()) {
            return;
        }
        java.util.Map<String, ParsedDateRange> next = new java.util.HashMap<>();
        for (ParsedDateRange r : q.dateRanges()) {
            next.putIfAbsent(r.id(), r);
        }
        Instant[] span = span(q);
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (ParsedDateRange a : p.dateRanges()) {
            if (a.id() == null || !seen.add(a.id())) {
                continue;
            }
            ParsedDateRange b = next.get(a.id());
            if (b != null) {
                for (java.util.Map.Entry<String, String> attribute : a.attributes().entrySet()) {
                    String now = b.attributes().get(attribute.getKey());
                    if (now == null) {
                        out.add("next line " + b.line() + ": [" + DATERANGE_STABLE + "] ID " + a.id() + " dropped "
                                + attribute.getKey() + "=" + attribute.getValue() + " (previous line " + a.line() + ")");
                    } else if (!now.equals(attribute.getValue())) {
                        out.add("next line " + b.line() + ": [" + DATERANGE_STABLE + "] ID " + a.id() + " changed "
                                + attribute.getKey() + " from " + attribute.getValue() + " to " + now
                                + " (previous line " + a.line() + ")");
                    }
                }
                continue;
            }
            Instant start = a.startDate();
            if (span == null || start == null) {
                continue; // next maps no dates, or the range had none: nothing to compare
            }
            Instant end = a.date("END-DATE");
            BigDecimal duration = a.decimal("DURATION");
            if (end == null && duration != null) {
                end = start.plusMillis(duration.movePointRight(3).setScale(0, java.math.RoundingMode.HALF_UP)
                        .longValue());
            }
            if (start.isBefore(span[1]) && (end == null || end.isAfter(span[0]))) {
                out.add("previous line " + a.line() + ": [" + DATERANGE_KEPT + "] ID " + a.id() + " ["
                        + start + ", " + (end == null ? "open" : end) + ") is gone from next, whose segments span ["
                        + span[0] + ", " + span[1] + ")");
            }
        }
    }

    /** From the first segment's date to the end of the last segment, or null without a program date-time. */
    private static Instant[] span(ParsedMediaPlaylist q) {
        List<ParsedSegment> segments = q.segments();
        int anchor = -1;
        for (int i = 0; i < segments.size() && anchor < 0; i++) {
            if (segments.get(i).programDateTime() != null) {
                anchor = i;
            }
        }
        if (anchor < 0) {
            return null;
        }
        long startMillis = segments.get(anchor).programDateTime().toEpochMilli();
        for (int i = 0; i < anchor; i++) {
            startMillis -= segments.get(i).durationMillis();
        }
        long endMillis = segments.get(anchor).programDateTime().toEpochMilli();
        for (int i = anchor; i < segments.size(); i++) {
            ParsedSegment s = segments.get(i);
            if (i > anchor && s.programDateTime() != null) {
                endMillis = s.programDateTime().toEpochMilli();
            }
            endMillis += s.durationMillis();
        }
        return new Instant[] {Instant.ofEpochMilli(startMillis), Instant.ofEpochMilli(endMillis)};
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
}
