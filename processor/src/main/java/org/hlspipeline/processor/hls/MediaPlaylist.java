package org.hlspipeline.processor.hls;

import java.util.List;
import java.util.Objects;

/**
 * A media playlist as it is to be rendered: a live window of a stream or of a channel.
 *
 * <p>The model states what to render; it does not enforce the window rules (for instance a stream still
 * publishes a segment longer than the target duration, see docs/architecture.md, HLS rendering decisions). Those
 * are checked by the tests' {@code HlsRules}. Date ranges and ad cues travel with the segment they are written
 * at ({@link MediaSegment#markers()}).
 *
 * <p>Two rules of RFC 8216 §4.3.2.7 (8216bis §4.4.5.1) hold within one playlist, so they are checked here: a
 * playlist with an {@code EXT-X-DATERANGE} has at least one segment with a program date-time (which
 * {@link PlaylistRenderer} then writes), and two date ranges with one ID are the same tag (the RFC lets
 * repeated tags of one ID differ only in attributes the other lacks; this model writes each range once, whole).
 *
 * @param targetDurationSeconds {@code EXT-X-TARGETDURATION}, at least 1
 * @param mediaSequence         {@code EXT-X-MEDIA-SEQUENCE}: the sequence number of the first segment, ≥ 0
 * @param discontinuitySequence {@code EXT-X-DISCONTINUITY-SEQUENCE}: discontinuity tags slid out so far, ≥ 0
 * @param segments              the segments in order (copied; may be empty)
 * @param ended                 whether {@code EXT-X-ENDLIST} closes the playlist
 * @param iFramesOnly           an I-frame playlist: {@code EXT-X-I-FRAMES-ONLY}, each segment one I-frame
 */
public record MediaPlaylist(
        int targetDurationSeconds,
        long mediaSequence,
        long discontinuitySequence,
        List<MediaSegment> segments,
        boolean ended,
        boolean iFramesOnly) {

    /** A playlist of whole segments. */
    public MediaPlaylist(int targetDurationSeconds, long mediaSequence, long discontinuitySequence,
                         List<MediaSegment> segments, boolean ended) {
        this(targetDurationSeconds, mediaSequence, discontinuitySequence, segments, ended, false);
    }

    public MediaPlaylist {
        if (targetDurationSeconds < 1) {
            throw new IllegalArgumentException(
                    "target duration must be at least 1 s, was " + targetDurationSeconds);
        }
        if (mediaSequence < 0) {
            throw new IllegalArgumentException("media sequence must be ≥ 0, was " + mediaSequence);
        }
        if (discontinuitySequence < 0) {
            throw new IllegalArgumentException(
                    "discontinuity sequence must be ≥ 0, was " + discontinuitySequence);
        }
        Objects.requireNonNull(segments, "segments");
        segments = List.copyOf(segments); // also refuses null elements
        checkDateRanges(segments);
    }

    private static void checkDateRanges(List<MediaSegment> segments) {
        java.util.Map<String, DateRange> byId = null;
        boolean programDateTime = false;
        for (MediaSegment segment : segments) {
            programDateTime |= segment.programDateTime() != null;
            for (DateRange range : segment.markers().dateRanges()) {
                if (byId == null) {
                    byId = new java.util.HashMap<>();
                }
                DateRange other = byId.putIfAbsent(range.id(), range);
                if (other != null && !other.equals(range)) {
                    throw new IllegalArgumentException("two different date ranges with ID '" + range.id() + "'");
                }
            }
        }
        if (byId != null && !programDateTime) {
            throw new IllegalArgumentException("a playlist with EXT-X-DATERANGE needs a segment with a program"
                    + " date-time (RFC 8216 §4.3.2.7)");
        }
    }
}
