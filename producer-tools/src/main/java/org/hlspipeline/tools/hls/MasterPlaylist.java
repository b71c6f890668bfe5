package org.hlspipeline.tools.hls;

import java.util.List;

/** A master (multivariant) playlist (RFC 8216 4.3.4). */
public record MasterPlaylist(int version, List<Variant> variants, List<AlternateRendition> alternates)
        implements Playlist {

    public MasterPlaylist {
        variants = List.copyOf(variants);
        alternates = List.copyOf(alternates);
    }
}
