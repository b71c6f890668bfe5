package org.hlspipeline.tools.hls;

import org.hlspipeline.processor.hls.Variant;

/**
 * One {@code EXT-X-STREAM-INF} of a {@link ParsedMasterPlaylist}: the app's {@link Variant} and where it was
 * written.
 *
 * @param line       the line of its URI
 * @param variant    URI as written, BANDWIDTH, AVERAGE-BANDWIDTH, RESOLUTION, CODECS, FRAME-RATE
 * @param audioGroup its {@code AUDIO} group id, or null
 */
public record ParsedVariant(int line, Variant variant, String audioGroup) {

    /** The media playlist's URI as the master playlist writes it. */
    public String uri() {
        return variant.uri();
    }
}
