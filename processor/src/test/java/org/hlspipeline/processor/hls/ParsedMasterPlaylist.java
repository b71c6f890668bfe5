package org.hlspipeline.processor.hls;

import java.util.List;

/**
 * A master playlist as a player reads it (test fixture, see {@link HlsPlaylistParser}).
 *
 * @param version  EXT-X-VERSION, or null when the tag is absent (which means version 1)
 * @param variants the EXT-X-STREAM-INF entries in order
 * @param lines    the text split into lines
 */
public record ParsedMasterPlaylist(Integer version, List<ParsedVariant> variants, List<String> lines) {

    public ParsedMasterPlaylist {
        variants = List.copyOf(variants);
        lines = List.copyOf(lines);
    }
}
