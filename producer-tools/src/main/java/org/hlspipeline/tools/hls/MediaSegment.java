package org.hlspipeline.tools.hls;

import java.time.Instant;

/**
 * One media segment of a media playlist, with the tags that apply to it.
 *
 * @param line            the line of its URI
 * @param uri             as written in the playlist
 * @param durationMicros  {@code EXTINF}, in microseconds (rounded half up)
 * @param title           the {@code EXTINF} title, or null
 * @param discontinuity   an {@code EXT-X-DISCONTINUITY} precedes it
 * @param programDateTime its {@code EXT-X-PROGRAM-DATE-TIME} (to the millisecond) when the tag precedes it, else null
 * @param mapUri          the {@code EXT-X-MAP} URI in effect (fMP4 initialization section), else null
 * @param gap             marked {@code EXT-X-GAP} (RFC 8216bis): no media at the URI
 */
public record MediaSegment(int line, String uri, long durationMicros, String title, boolean discontinuity,
                           Instant programDateTime, String mapUri, boolean gap) {
}
