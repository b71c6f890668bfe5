package org.hlspipeline.tools.hls;

import org.hlspipeline.processor.hls.InitSection;
import org.hlspipeline.processor.hls.MediaSegment;
import org.hlspipeline.processor.hls.SegmentKey;

/**
 * One segment of a {@link ParsedMediaPlaylist}: the app's {@link MediaSegment} and where it was written.
 *
 * @param line    the line of its URI
 * @param title   the {@code EXTINF} title, or null
 * @param map     the {@code EXT-X-MAP} in effect (fMP4 initialization section), its URI as written, else null
 * @param key     the {@code EXT-X-KEY} in effect, its URI as written, else null (in the clear)
 * @param segment URI as written, duration ({@code EXTINF} in microseconds, rounded half up), discontinuity, gap
 *                and program date-time (to the millisecond)
 */
public record ParsedSegment(int line, String title, InitSection map, SegmentKey key, MediaSegment segment) {

    /** The initialisation section's URI as written, or null. */
    public String mapUri() {
        return map == null ? null : map.uri();
    }
}
