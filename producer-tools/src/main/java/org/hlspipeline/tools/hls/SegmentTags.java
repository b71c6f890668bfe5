package org.hlspipeline.tools.hls;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;

import org.hlspipeline.processor.hls.MediaPlaylist;
import org.hlspipeline.processor.hls.ByteRange;
import org.hlspipeline.processor.hls.InitSection;
import org.hlspipeline.processor.hls.MediaSegment;
import org.hlspipeline.processor.hls.SegmentMedia;
import org.hlspipeline.processor.hls.SegmentKey;
import org.hlspipeline.processor.rules.InputRules;

/**
 * The media segments {@link PlaylistParser} reads: the tags that apply to the next segment (RFC 8216 4.3.2) until
 * its URI line, then the segment in the app's model. A segment the model refuses ends the segments read: a
 * finished file is refused whole, a file being written keeps the segments before it and says why it stops there.
 */
final class SegmentTags {

    private final String source;
    private final boolean growing;
    private final List<ParsedSegment> segments = new ArrayList<>();
    private PlaylistException refusal;
    private InitSection map;
    private SegmentKey key;
    private Long pendingRangeLength;
    private Long pendingRangeOffset;
    private int pendingLine;
    private Long pendingDuration;
    private String pendingTitle;
    private boolean pendingDiscontinuity;
    private Instant pendingProgramDateTime;
    private boolean pendingGap;

    SegmentTags(String source, boolean growing) {
        this.source = source;
        this.growing = growing;
    }

    void extinf(int number, Matcher extinf) throws PlaylistException {
        if (pendingDuration != null) {
            throw new PlaylistException(source, number, "a second #EXTINF before the URI of the segment that "
                    + "#EXTINF at line " + pendingLine + " describes");
        }
        pendingDuration = new BigDecimal(extinf.group(1)).movePointRight(6).setScale(0, RoundingMode.HALF_UP)
                .longValueExact();
        pendingTitle = extinf.group(2) == null || extinf.group(2).isEmpty() ? null : extinf.group(2);
        pendingLine = number;
    }

    void discontinuity() {
        pendingDiscontinuity = true;
    }

    void gap() {
        pendingGap = true;
    }

    void programDateTime(Instant instant) {
        pendingProgramDateTime = instant;
    }

    void map(int number, String uri, ByteRange range) throws PlaylistException {
        try {
            map = new InitSection(uri, range);
        } catch (IllegalArgumentException e) {
            throw new PlaylistException(source, number, e.getMessage());
        }
    }

    /** The next segment's sub-range; without an offset it continues the previous segment's (RFC 8216 4.3.2.2). */
    void byteRange(int number, long length, Long offset) throws PlaylistException {
        if (length <= 0) {
            throw new PlaylistException(source, number, "#EXT-X-BYTERANGE length must be greater than 0");
        }
        pendingRangeLength = length;
        pendingRangeOffset = offset;
    }

    /** The key for the segments that follow; null after METHOD=NONE. */
    void key(SegmentKey key) {
        this.key = key;
    }

    /** An EXTINF waits for its URI line. */
    boolean pending() {
        return pendingDuration != null;
    }

    /** A segment was read or has begun. */
    boolean started() {
        return !segments.isEmpty() || pendingDuration != null;
    }

    boolean isEmpty() {
        return segments.isEmpty();
    }

    /** The URI line of the pending segment. */
    void uri(int number, String uri) throws PlaylistException {
        if (refusal == null) {
            try {
                segments.add(new ParsedSegment(number, pendingTitle, map, key, new MediaSegment(uri, pendingDuration,
                        pendingDiscontinuity, pendingGap, pendingProgramDateTime)
                        .withMedia(new SegmentMedia(null, range(number, uri), null))));
            } catch (IllegalArgumentException e) {
                Optional<String> uriProblem = InputRules.uriProblem(uri);
                refusal = new PlaylistException(source, number, uriProblem.isPresent()
                        ? "segment URI '" + uri + "' cannot be published: " + uriProblem.get() : e.getMessage());
                if (!growing) {
                    throw refusal;
                }
            }
        }
        pendingDuration = null;
        pendingTitle = null;
        pendingDiscontinuity = false;
        pendingProgramDateTime = null;
        pendingGap = false;
        pendingRangeLength = null;
        pendingRangeOffset = null;
    }

    /** The pending sub-range with its offset stated, which the pipeline requires. */
    private ByteRange range(int number, String uri) throws PlaylistException {
        if (pendingRangeLength == null) {
            return null;
        }
        long offset;
        if (pendingRangeOffset != null) {
            offset = pendingRangeOffset;
        } else {
            ParsedSegment previous = segments.isEmpty() ? null : segments.get(segments.size() - 1);
            ByteRange before = previous == null ? null : previous.segment().media().byteRange();
            if (before == null || !previous.segment().uri().equals(uri)) {
                throw new PlaylistException(source, number, "#EXT-X-BYTERANGE without an offset must follow a "
                        + "sub-range of the same resource (RFC 8216 4.3.2.2)");
            }
            offset = before.offset() + before.length();
        }
        return new ByteRange(pendingRangeLength, offset);
    }

    void checkComplete() throws PlaylistException {
        if (pendingDuration != null && !growing) {
            throw new PlaylistException(source, pendingLine, "#EXTINF has no segment URI after it");
        }
    }

    ParsedMediaPlaylist playlist(int version, String playlistType, long targetDuration, long mediaSequence,
                                 long discontinuitySequence, boolean endList) throws PlaylistException {
        MediaPlaylist playlist;
        try {
            playlist = new MediaPlaylist((int) Math.min(Integer.MAX_VALUE, targetDuration), mediaSequence,
                    discontinuitySequence, segments.stream().map(ParsedSegment::segment).toList(),
                    endList && refusal == null);
        } catch (IllegalArgumentException e) {
            throw new PlaylistException(source, 0, e.getMessage());
        }
        return new ParsedMediaPlaylist(version, playlistType, playlist, segments, refusal);
    }
}
