package org.hlspipeline.hls;

import java.util.List;
import java.util.Objects;

/**
 * A media playlist as it is to be rendered: a live window of a stream or of a channel.
 *
 * <p>The model states what to render; it does not enforce the window rules (for instance DESIGN §6 still
 * publishes a segment longer than the target duration). Those are checked by the tests' {@code HlsRules}.
 * Playlist-level extras (for instance the {@code EXT-X-DATERANGE}s of a channel) are meant to arrive as
 * further components, with a constructor of today's signature kept.
 *
 * @param targetDurationSeconds {@code EXT-X-TARGETDURATION}, at least 1
 * @param mediaSequence         {@code EXT-X-MEDIA-SEQUENCE}: the sequence number of the first segment, ≥ 0
 * @param discontinuitySequence {@code EXT-X-DISCONTINUITY-SEQUENCE}: discontinuity tags slid out so far, ≥ 0
 * @param segments              the segments in order (copied; may be empty)
 * @param ended                 whether {@code EXT-X-ENDLIST} closes the playlist
 */
public record MediaPlaylist(
        int targetDurationSeconds,
        long mediaSequence,
        long discontinuitySequence,
        List<MediaSegment> segments,
        boolean ended) {

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
    }
}
