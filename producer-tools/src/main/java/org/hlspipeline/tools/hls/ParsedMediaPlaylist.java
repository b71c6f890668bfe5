package org.hlspipeline.tools.hls;

import java.util.List;

import org.hlspipeline.processor.hls.MediaPlaylist;

/**
 * A media playlist as read (RFC 8216 4.3.3): the app's {@link MediaPlaylist}, the very model its renderer writes,
 * plus what only a file has.
 *
 * @param version      {@code EXT-X-VERSION}, 1 when absent
 * @param playlistType {@code EVENT}, {@code VOD} or null
 * @param playlist     the segments the app's model takes, in playlist order
 * @param segments     one per segment of {@code playlist}, with its line
 * @param refusal      a playlist being written may go on with a segment the model refuses (an unsafe URI, say):
 *                     the segments before it are read, and this says which one and why; null when none
 */
public record ParsedMediaPlaylist(int version, String playlistType, MediaPlaylist playlist,
                                  List<ParsedSegment> segments, PlaylistException refusal) implements Playlist {

    public ParsedMediaPlaylist {
        segments = List.copyOf(segments);
    }

    /** The media sequence number of the segment at {@code index}: {@code EXT-X-MEDIA-SEQUENCE} plus its position. */
    public long sequenceOf(int index) {
        return playlist.mediaSequence() + index;
    }

    /** {@code EXT-X-ENDLIST} is present: no segment will be added. */
    public boolean endList() {
        return playlist.ended();
    }
}
