package org.hlspipeline.hls;

import static org.hlspipeline.hls.HlsRuleSupport.*;

import java.math.BigDecimal;
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
        return out;
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
