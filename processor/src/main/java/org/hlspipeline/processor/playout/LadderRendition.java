package org.hlspipeline.processor.playout;

import java.util.Objects;

import org.hlspipeline.processor.hls.RenditionDescription;
import org.hlspipeline.processor.hls.VariantDescription;

/**
 * One rendition of a channel's ladder: its name (in the channel's URIs and in every item's renditions) and what
 * the master playlist says about it, a variant or a member of an audio or subtitles group.
 */
public record LadderRendition(String name, RenditionDescription description) {

    public LadderRendition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
    }

    /** A variant that names no group. */
    public LadderRendition(String name, long bandwidth, Long averageBandwidth, String resolution, String codecs,
                           Double frameRate) {
        this(name, VariantDescription.of(bandwidth, averageBandwidth, resolution, codecs, frameRate));
    }
}
