package org.hlspipeline.tools.hls;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hlspipeline.tools.cli.ToolFailure;

/**
 * A playlist a command reads ({@code tail}, {@code asset import}) and how its renditions are to be named: a media
 * playlist is the one rendition {@code --rendition} names; a master playlist's variants are named by
 * {@link RenditionNames}, with {@code --rendition-names} first.
 *
 * @param rendition      {@code --rendition}, or null
 * @param renditionNames {@code --rendition-names}, in the order given
 */
public record PlaylistInput(PlaylistLocation location, PublishedUris uris, String rendition,
                            Map<String, String> renditionNames) {

    public PlaylistInput {
        renditionNames = Collections.unmodifiableMap(new LinkedHashMap<>(renditionNames));
    }

    /** The name of the rendition when the playlist turned out to be a media playlist. */
    public String mediaRendition() throws ToolFailure {
        if (rendition == null) {
            throw ToolFailure.usage(location + " is a media playlist: name its rendition with --rendition");
        }
        if (!renditionNames.isEmpty()) {
            throw ToolFailure.usage("--rendition-names names the variants of a master playlist, but " + location
                    + " is a media playlist; use --rendition");
        }
        return rendition;
    }

    /** Refuses {@code --rendition} once the playlist turned out to be a master playlist. */
    public void checkMaster() throws ToolFailure {
        if (rendition != null) {
            throw ToolFailure.usage(location + " is a master playlist: its renditions are named after the variants "
                    + "(or by --rendition-names); --rendition is for a media playlist");
        }
    }

    /**
     * The master playlist's variants and its AUDIO and SUBTITLES alternatives with media playlists of their own, by
     * rendition name; see {@link RenditionNames#assign}.
     */
    public Map<String, ParsedRendition> renditions(ParsedMasterPlaylist master) throws ToolFailure {
        checkMaster();
        List<ParsedRendition> renditions = new ArrayList<>(master.variants());
        master.alternates().stream().filter(AlternateRendition::followable).forEach(renditions::add);
        return RenditionNames.assign(renditions, renditionNames, location.toString());
    }

    /** The master playlist's variants by rendition name; see {@link RenditionNames#assign}. */
    public Map<String, ParsedVariant> variants(ParsedMasterPlaylist master) throws ToolFailure {
        checkMaster();
        return RenditionNames.assign(master, renditionNames, location.toString());
    }
}
