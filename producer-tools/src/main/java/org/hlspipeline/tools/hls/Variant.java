package org.hlspipeline.tools.hls;

/**
 * One {@code EXT-X-STREAM-INF} of a master playlist and the URI of its media playlist.
 *
 * @param line             the line of the URI
 * @param uri              as written
 * @param bandwidth        {@code BANDWIDTH}, bits per second
 * @param averageBandwidth {@code AVERAGE-BANDWIDTH} or null
 * @param resolution       {@code RESOLUTION} ({@code 1280x720}) or null
 * @param codecs           {@code CODECS} or null
 * @param frameRate        {@code FRAME-RATE} or null
 * @param audioGroup       {@code AUDIO} group id or null
 */
public record Variant(int line, String uri, long bandwidth, Long averageBandwidth, String resolution, String codecs,
                      Double frameRate, String audioGroup) {
}
