package org.hlspipeline.processor.window;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.hlspipeline.processor.hls.MediaSegment;
import org.hlspipeline.processor.hls.SegmentKey;
import org.hlspipeline.processor.hls.SegmentMarkers;
import org.hlspipeline.processor.hls.SegmentMedia;

/**
 * One segment of a rendition's live window, at its media sequence number.
 *
 * <p>A {@code gap} segment stands for a sequence that was declared lost at the gap deadline: it keeps the
 * media timeline continuous (players skip it, RFC 8216bis 4.4.4.7) instead of stalling the stream.
 *
 * @param programDateTimeMillis wall-clock time of the first sample, or {@code null} when the transcoder did not say
 * @param media                 its initialisation section, byte range and key ({@link SegmentMedia#NONE} for none)
 */
public record WindowSegment(long sequence, String uri, long durationMicros, boolean discontinuity, boolean gap,
                            Long programDateTimeMillis, SegmentMedia media) {

    public WindowSegment {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(media, "media");
        if (sequence < 0) {
            throw new IllegalArgumentException("sequence must be >= 0: " + sequence);
        }
        if (durationMicros <= 0) {
            throw new IllegalArgumentException("duration must be > 0: " + durationMicros);
        }
    }

    /** A self-contained segment in the clear. */
    public WindowSegment(long sequence, String uri, long durationMicros, boolean discontinuity, boolean gap,
                         Long programDateTimeMillis) {
        this(sequence, uri, durationMicros, discontinuity, gap, programDateTimeMillis, SegmentMedia.NONE);
    }

    /** A placeholder for a lost sequence; its URI is never fetched by players that honour EXT-X-GAP. */
    static WindowSegment lost(long sequence, long durationMicros) {
        return new WindowSegment(sequence, "gap-" + sequence + ".ts", durationMicros, false, true, null);
    }

    /**
     * The key in force at the live edge of {@code segments} (oldest first): the newest fetched segment's, or null
     * when it is in the clear. Gaps are never fetched, so they change nothing.
     */
    public static SegmentKey keyInForce(List<WindowSegment> segments) {
        for (int i = segments.size() - 1; i >= 0; i--) {
            if (!segments.get(i).gap()) {
                return segments.get(i).media().key();
            }
        }
        return null;
    }

    /** The segment as a playlist shows it. */
    MediaSegment toMediaSegment() {
        Instant pdt = programDateTimeMillis == null ? null : Instant.ofEpochMilli(programDateTimeMillis);
        return new MediaSegment(uri, durationMicros, discontinuity, gap, pdt, SegmentMarkers.NONE, media);
    }

    /** The same media: the same URI and, for a sub-range, the same range (its map and key may be restated). */
    boolean sameMediaAs(WindowSegment other) {
        return uri.equals(other.uri) && Objects.equals(media.byteRange(), other.media.byteRange());
    }
}
