package org.hlspipeline.processor.playout;

import java.util.Objects;

/** One rendition of a channel's ladder: what its master playlist says about it. */
public record LadderRendition(String name, long bandwidth, Long averageBandwidth, String resolution, String codecs,
                              Double frameRate) {

    public LadderRendition {
        Objects.requireNonNull(name, "name");
        if (bandwidth <= 0) {
            throw new IllegalArgumentException("bandwidth must be > 0");
        }
    }
}
