package org.hlspipeline.processor.hls;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A variant stream (RFC 8216 §4.3.4.2), or an I-frame playlist (§4.3.4.3) when {@code iFramesOnly}. Optional
 * attributes are null when absent and are then left out.
 *
 * @param bandwidth        BANDWIDTH, the peak bits per second, greater than 0
 * @param averageBandwidth AVERAGE-BANDWIDTH in bits per second, greater than 0, or null
 * @param resolution       RESOLUTION as {@code <width>x<height>}, or null
 * @param codecs           CODECS, an RFC 6381 list (of every rendition played with it, audio groups included)
 * @param frameRate        FRAME-RATE in frames per second, rendered with 3 decimals, or null
 * @param audio            the GROUP-ID of the AUDIO alternatives played with it, or null
 * @param subtitles        the GROUP-ID of the SUBTITLES alternatives offered with it, or null
 * @param iFramesOnly      an I-frame playlist: no FRAME-RATE, AUDIO or SUBTITLES, which its tag does not have
 */
public record VariantDescription(long bandwidth, Long averageBandwidth, String resolution, String codecs,
                                 Double frameRate, String audio, String subtitles, boolean iFramesOnly)
        implements RenditionDescription {

    /** The highest FRAME-RATE accepted. */
    static final double MAX_FRAME_RATE = 1000d;

    // Compiled once: stored stream state is decoded, and so re-checked, on every segment record.
    private static final Pattern RESOLUTION = Pattern.compile("[1-9][0-9]{0,4}x[1-9][0-9]{0,4}");
    private static final Pattern CODECS = Pattern.compile("[A-Za-z0-9.,+ -]{1,256}");

    public VariantDescription {
        problem(bandwidth, averageBandwidth, resolution, codecs, frameRate, audio, subtitles, iFramesOnly)
                .ifPresent(problem -> {
                    throw new IllegalArgumentException(problem);
                });
    }

    /** A variant that names no group. */
    public static VariantDescription of(long bandwidth, Long averageBandwidth, String resolution, String codecs,
                                        Double frameRate) {
        return new VariantDescription(bandwidth, averageBandwidth, resolution, codecs, frameRate, null, null, false);
    }

    @Override
    public RenditionType type() {
        return RenditionType.VIDEO;
    }

    /** Why these cannot describe a variant, or empty; each message names the field as the API spells it. */
    public static Optional<String> problem(Long bandwidth, Long averageBandwidth, String resolution, String codecs,
                                           Double frameRate, String audio, String subtitles, boolean iFramesOnly) {
        if (bandwidth == null) {
            return Optional.of("bandwidth is required for a VIDEO rendition");
        }
        if (bandwidth <= 0) {
            return Optional.of("bandwidth must be greater than 0");
        }
        if (averageBandwidth != null && averageBandwidth <= 0) {
            return Optional.of("averageBandwidth must be greater than 0");
        }
        if (resolution != null && !RESOLUTION.matcher(resolution).matches()) {
            return Optional.of("resolution must be WIDTHxHEIGHT, for instance 1280x720");
        }
        if (codecs != null && !CODECS.matcher(codecs).matches()) {
            return Optional.of("codecs must be an RFC 6381 list such as avc1.4d401f,mp4a.40.2");
        }
        if (frameRate != null && !(frameRate > 0 && frameRate <= MAX_FRAME_RATE && Math.round(frameRate * 1000) > 0)) {
            return Optional.of("frameRate must be greater than 0 and at most 1000");
        }
        Optional<String> problem = AlternativeDescription.groupIdProblem("audio", audio);
        if (problem.isEmpty()) {
            problem = AlternativeDescription.groupIdProblem("subtitles", subtitles);
        }
        if (problem.isEmpty() && iFramesOnly && (frameRate != null || audio != null || subtitles != null)) {
            problem = Optional.of("an iFramesOnly rendition has no frameRate, audio or subtitles "
                    + "(EXT-X-I-FRAME-STREAM-INF, RFC 8216 §4.3.4.3)");
        }
        return problem;
    }
}
