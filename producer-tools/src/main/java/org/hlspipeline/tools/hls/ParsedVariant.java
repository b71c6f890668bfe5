package org.hlspipeline.tools.hls;

import org.hlspipeline.processor.hls.Variant;

/**
 * One {@code EXT-X-STREAM-INF} of a {@link ParsedMasterPlaylist}: the app's {@link Variant} and where it was
 * written.
 *
 * @param line       the line of its URI
 * @param variant    URI as written, BANDWIDTH, AVERAGE-BANDWIDTH, RESOLUTION, CODECS, FRAME-RATE, AUDIO and
 *                   SUBTITLES
 */
public record ParsedVariant(int line, Variant variant) implements ParsedRendition {

    @Override
    public String uri() {
        return variant.uri();
    }
}
