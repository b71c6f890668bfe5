package org.hlspipeline.processor.hls;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One media segment as a player reads it from a media playlist (test fixture, see {@link HlsPlaylistParser}).
 *
 * @param mediaSequence         the segment's media sequence number (RFC 8216 §3)
 * @param discontinuitySequence the segment's discontinuity sequence number: EXT-X-DISCONTINUITY-SEQUENCE plus
 *                              the EXT-X-DISCONTINUITY tags before its URI line (RFC 8216 §3, §4.3.3.3)
 * @param uri                   the URI line as written
 * @param duration              the EXTINF duration in seconds, exactly as written
 * @param discontinuity         whether an EXT-X-DISCONTINUITY tag applies to it
 * @param gap                   whether an EXT-X-GAP tag applies to it
 * @param programDateTime       the EXT-X-PROGRAM-DATE-TIME written on it, or null (not extrapolated)
 * @param extinfLine            the 1-based line number of its EXTINF tag
 * @param uriLine               the 1-based line number of its URI line
 */
public record ParsedSegment(
        long mediaSequence,
        long discontinuitySequence,
        String uri,
        BigDecimal duration,
        boolean discontinuity,
        boolean gap,
        Instant programDateTime,
        int extinfLine,
        int uriLine) {

    /** The duration in whole milliseconds (EXTINF is written with millisecond precision here). */
    public long durationMillis() {
        return duration.movePointRight(3).longValueExact();
    }
}
