package org.hlspipeline.processor.hls;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A media playlist as a player reads it (test fixture, see {@link HlsPlaylistParser}).
 *
 * @param version               EXT-X-VERSION, or null when the tag is absent (which means version 1)
 * @param targetDuration        EXT-X-TARGETDURATION in seconds
 * @param mediaSequence         EXT-X-MEDIA-SEQUENCE, 0 when absent (RFC 8216 §4.3.3.2)
 * @param discontinuitySequence EXT-X-DISCONTINUITY-SEQUENCE, 0 when absent (RFC 8216 §4.3.3.3)
 * @param ended                 whether EXT-X-ENDLIST is present
 * @param segments              the segments in order
 * @param tagLines              the 1-based line of the first occurrence of each tag name (for instance
 *                              {@code "EXT-X-TARGETDURATION"}), for messages
 * @param lines                 the text split into lines (without their line ends)
 * @param dateRanges            the EXT-X-DATERANGE tags in order
 */
public record ParsedMediaPlaylist(
        Integer version,
        int targetDuration,
        long mediaSequence,
        long discontinuitySequence,
        boolean ended,
        List<ParsedSegment> segments,
        Map<String, Integer> tagLines,
        List<String> lines,
        List<ParsedDateRange> dateRanges) {

    public ParsedMediaPlaylist {
        segments = List.copyOf(segments);
        tagLines = Map.copyOf(tagLines);
        lines = List.copyOf(lines);
        dateRanges = List.copyOf(dateRanges);
    }

    /** A playlist without date ranges. */
    public ParsedMediaPlaylist(Integer version, int targetDuration, long mediaSequence, long discontinuitySequence,
                               boolean ended, List<ParsedSegment> segments, Map<String, Integer> tagLines,
                               List<String> lines) {
        this(version, targetDuration, mediaSequence, discontinuitySequence, ended, segments, tagLines, lines,
                List.of());
    }

    /** The sum of the EXTINF durations, in seconds. */
    public BigDecimal totalDuration() {
        BigDecimal total = BigDecimal.ZERO;
        for (ParsedSegment segment : segments) {
            total = total.add(segment.duration());
        }
        return total;
    }

    /** The URIs in order. */
    public List<String> uris() {
        return segments.stream().map(ParsedSegment::uri).toList();
    }

    /** The 1-based line of the first occurrence of the tag (name without '#'), or 0 when absent. */
    public int lineOf(String tagName) {
        return tagLines.getOrDefault(tagName, 0);
    }
}
