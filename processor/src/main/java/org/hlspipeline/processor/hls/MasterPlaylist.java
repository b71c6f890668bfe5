package org.hlspipeline.processor.hls;

import java.util.List;
import java.util.Objects;

/**
 * A master (multivariant) playlist: the variants in the order the caller wants them listed.
 *
 * @param variants at least one variant (copied)
 */
public record MasterPlaylist(List<Variant> variants) {

    public MasterPlaylist {
        Objects.requireNonNull(variants, "variants");
        variants = List.copyOf(variants); // also refuses null elements
        if (variants.isEmpty()) {
            throw new IllegalArgumentException("a master playlist needs at least one variant");
        }
    }
}
