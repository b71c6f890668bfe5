package org.hlspipeline.processor.hls;

/**
 * One variant stream of a {@link MasterPlaylist}: an {@code EXT-X-STREAM-INF} tag and its URI
 * (RFC 8216 §4.3.4.2). Optional attributes are null when absent and are then left out.
 *
 * @param uri              the media playlist URI, checked by {@link HlsText#uriProblem(String)}
 * @param bandwidth        BANDWIDTH, the peak bits per second, greater than 0
 * @param averageBandwidth AVERAGE-BANDWIDTH in bits per second, greater than 0, or null
 * @param resolution       RESOLUTION as {@code <width>x<height>}, or null
 * @param codecs           CODECS, a quoted-string (no {@code "}, CR, LF or other control character), or null
 * @param frameRate        FRAME-RATE in frames per second, rendered with 3 decimals, or null
 */
public record Variant(
        String uri,
        long bandwidth,
        Long averageBandwidth,
        String resolution,
        String codecs,
        Double frameRate) {

    /** Upper bound for FRAME-RATE, so that its millisecond-precision form fits a long comfortably. */
    static final double MAX_FRAME_RATE = 1_000_000d;

    public Variant {
        HlsText.uriProblem(uri).ifPresent(problem -> {
            throw new IllegalArgumentException("variant " + problem);
        });
        if (bandwidth <= 0) {
            throw new IllegalArgumentException("BANDWIDTH must be greater than 0, was " + bandwidth);
        }
        if (averageBandwidth != null && averageBandwidth <= 0) {
            throw new IllegalArgumentException(
                    "AVERAGE-BANDWIDTH must be greater than 0, was " + averageBandwidth);
        }
        if (resolution != null) {
            HlsText.resolutionProblem(resolution).ifPresent(problem -> {
                throw new IllegalArgumentException(problem);
            });
        }
        if (codecs != null) {
            HlsText.quotedStringProblem("CODECS", codecs).ifPresent(problem -> {
                throw new IllegalArgumentException(problem);
            });
        }
        if (frameRate != null && !(frameRate > 0 && frameRate <= MAX_FRAME_RATE && Math.round(frameRate * 1000) > 0)) {
            throw new IllegalArgumentException(
                    "FRAME-RATE must be a number above 0.000 and at most " + MAX_FRAME_RATE + ", was " + frameRate);
        }
    }

    /** A variant with only the required BANDWIDTH. */
    public static Variant of(String uri, long bandwidth) {
        return new Variant(uri, bandwidth, null, null, null, null);
    }
}
