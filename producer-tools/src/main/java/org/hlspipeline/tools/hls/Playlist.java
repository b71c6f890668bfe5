package org.hlspipeline.tools.hls;

/** What {@link PlaylistParser} reads: a media playlist (segments) or a master playlist (variants). */
public sealed interface Playlist permits ParsedMediaPlaylist, ParsedMasterPlaylist {

    /** {@code EXT-X-VERSION}, 1 when absent. */
    int version();
}
