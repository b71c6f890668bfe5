package org.hlspipeline.tools.hls;

import java.util.List;

/**
 * A media playlist (RFC 8216 4.3.3, 4.3.2).
 *
 * @param version                {@code EXT-X-VERSION}, 1 when absent
 * @param targetDurationSeconds  {@code EXT-X-TARGETDURATION}
 * @param mediaSequence          {@code EXT-X-MEDIA-SEQUENCE}, 0 when absent: the sequence number of the first segment
 * @param discontinuitySequence  {@code EXT-X-DISCONTINUITY-SEQUENCE}, 0 when absent
 * @param playlistType           {@code EVENT}, {@code VOD} or null
 * @param endList                {@code EXT-X-ENDLIST} is present: no segment will be added
 * @param segments               in playlist order
 */
public record MediaPlaylist(int version, long targetDurationSeconds, long mediaSequence, long discontinuitySequence,
                            String playlistType, boolean endList, List<MediaSegment> segments) implements Playlist {

    public MediaPlaylist {
        segments = List.copyOf(segments);
    }

    /** The media sequence number of the segment at {@code index}: {@code EXT-X-MEDIA-SEQUENCE} plus its position. */
    public long sequenceOf(int index) {
        return mediaSequence + index;
    }
}
