package org.hlspipeline.processor.window;

/** What a transcoder says about a rendition, shown in the master playlist's EXT-X-STREAM-INF. */
public record RenditionDescription(long bandwidth, Long averageBandwidth, String resolution, String codecs,
                                   Double frameRate) {

    public RenditionDescription {
        if (bandwidth <= 0) {
            throw new IllegalArgumentException("bandwidth must be > 0: " + bandwidth);
        }
    }
}
