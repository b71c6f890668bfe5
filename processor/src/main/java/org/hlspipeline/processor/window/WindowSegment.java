package org.hlspipeline.processor.window;

import java.util.Objects;

/**
 * One segment of a rendition's live window, at its media sequence number.
 *
 * <p>A {@code gap} segment stands for a sequence that was declared lost at the gap deadline: it keeps the
 * media timeline continuous (players skip it, RFC 8216bis 4.4.4.7) instead of stalling the stream.
 *
 * @param programDateTimeMillis wall-clock time of the first sample, or {@code null} when the transcoder did not say
 */
public record WindowSegment(long sequence, String uri, long durationMicros, boolean discontinuity, boolean gap,
                            Long programDateTimeMillis) {

    public WindowSegment {
        Objects.requireNonNull(uri, "uri");
        if (sequence < 0) {
            throw new IllegalArgumentException("sequence must be >= 0: " + sequence);
        }
        if (durationMicros <= 0) {
            throw new IllegalArgumentException("duration must be > 0: " + durationMicros);
        }
    }

    /** A placeholder for a lost sequence; its URI is never fetched by players that honour EXT-X-GAP. */
    static WindowSegment lost(long sequence, long durationMicros) {
        return new WindowSegment(sequence, "gap-" + sequence + ".ts", durationMicros, false, true, null);
    }

    boolean sameMediaAs(WindowSegment other) {
        return uri.equals(other.uri);
    }
}
