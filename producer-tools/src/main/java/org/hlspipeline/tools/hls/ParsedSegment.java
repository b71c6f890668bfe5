package org.hlspipeline.tools.hls;

import org.hlspipeline.processor.hls.MediaSegment;

/**
 * One segment of a {@link ParsedMediaPlaylist}: the app's {@link MediaSegment} and where it was written.
 *
 * @param line    the line of its URI
 * @param title   the {@code EXTINF} title, or null
 * @param mapUri  the {@code EXT-X-MAP} URI in effect (fMP4 initialization section), else null
 * @param segment URI as written, duration ({@code EXTINF} in microseconds, rounded half up), discontinuity, gap
 *                and program date-time (to the millisecond)
 */
public record ParsedSegment(int line, String title, String mapUri, MediaSegment segment) {
}
