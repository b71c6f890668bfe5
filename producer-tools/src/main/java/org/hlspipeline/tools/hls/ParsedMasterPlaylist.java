package org.hlspipeline.tools.hls;

import java.util.List;

/**
 * A master (multivariant) playlist as read (RFC 8216 4.3.4): its variants and alternative renditions, each with the
 * line it was written on.
 *
 * @param version    {@code EXT-X-VERSION}, 1 when absent
 * @param variants   the EXT-X-STREAM-INF variants, in playlist order, each with its line
 * @param alternates the {@code EXT-X-MEDIA} renditions, in playlist order
 */
public record ParsedMasterPlaylist(int version, List<ParsedVariant> variants,
                                   List<AlternateRendition> alternates) implements Playlist {

    public ParsedMasterPlaylist {
        variants = List.copyOf(variants);
        alternates = List.copyOf(alternates);
    }
}
