package org.hlspipeline.processor.hls;

/**
 * What a transcoder or a scheduler says about one rendition, which decides how the master playlist lists it.
 * The same description serves a stream's renditions and a channel's ladder.
 */
public sealed interface RenditionDescription permits VariantDescription, AlternativeDescription {

    RenditionType type();

    /** Whether it is an I-frame playlist (EXT-X-I-FRAMES-ONLY), which only a variant can be. */
    default boolean iFramesOnly() {
        return false;
    }
}
