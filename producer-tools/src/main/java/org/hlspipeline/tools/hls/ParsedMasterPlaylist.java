package org.hlspipeline.tools.hls;

import java.util.List;

import org.hlspipeline.processor.hls.MasterPlaylist;

/**
 * A master (multivariant) playlist as read (RFC 8216 4.3.4): the app's {@link MasterPlaylist} plus what only a file
 * has.
 *
 * @param version    {@code EXT-X-VERSION}, 1 when absent
 * @param playlist   the variants the app's model takes, in playlist order
 * @param variants   one per variant of {@code playlist}, with its line
 * @param alternates the {@code EXT-X-MEDIA} renditions, which the app's playlists do not list
 */
public record ParsedMasterPlaylist(int version, MasterPlaylist playlist, List<ParsedVariant> variants,
                                   List<AlternateRendition> alternates) implements Playlist {

    public ParsedMasterPlaylist {
        variants = List.copyOf(variants);
        alternates = List.copyOf(alternates);
    }
}
