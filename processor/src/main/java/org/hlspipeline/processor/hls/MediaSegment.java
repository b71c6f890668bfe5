package org.hlspipeline.processor.hls;

import java.time.Instant;

/**
 * One media segment of a {@link MediaPlaylist}, as it is to be rendered.
 *
 * <p>Per-segment extras (ad markers such as {@code EXT-X-CUE-OUT}, date ranges written at this segment) are
 * {@link #markers()}; the five-argument constructor leaves them out.
 *
 * @param uri             the segment URI, checked by {@link HlsText#uriProblem(String)}
 * @param durationMicros  the exact duration in microseconds, greater than 0; rendered in EXTINF with
 *                        millisecond precision, half-up
 * @param discontinuity   whether an {@code EXT-X-DISCONTINUITY} precedes this segment
 * @param gap             whether this segment is missing and rendered with {@code EXT-X-GAP}
 *                        (RFC 8216bis §4.4.4.7)
 * @param programDateTime the wall-clock time of the segment's first sample, or null; rendered in UTC with
 *                        millisecond precision (truncated), so it must lie in the years 0000 to 9999
 * @param markers         date ranges and ad cues written before this segment's EXTINF; never null
 *                        ({@link SegmentMarkers#NONE} for none)
 * @param media           its initialisation section, byte range and key; never null ({@link SegmentMedia#NONE})
 */
public record MediaSegment(
        String uri,
        long durationMicros,
        boolean discontinuity,
        boolean gap,
        Instant programDateTime,
        SegmentMarkers markers,
        SegmentMedia media) {

    static final Instant MIN_PROGRAM_DATE_TIME = HlsText.MIN_DATE_TIME;
    static final Instant MAX_PROGRAM_DATE_TIME = HlsText.MAX_DATE_TIME;

    public MediaSegment {
        java.util.Objects.requireNonNull(markers, "markers");
        java.util.Objects.requireNonNull(media, "media");
        HlsText.uriProblem(uri).ifPresent(problem -> {
            throw new IllegalArgumentException("segment " + problem);
        });
        if (durationMicros <= 0) {
            throw new IllegalArgumentException("segment duration must be greater than 0 µs, was " + durationMicros);
        }
        if (programDateTime != null && !HlsText.isFourDigitYear(programDateTime)) {
            throw new IllegalArgumentException(
                    "segment program-date-time " + programDateTime + " is outside the years 0000 to 9999");
        }
    }

    /** A segment with markers, self-contained and in the clear. */
    public MediaSegment(String uri, long durationMicros, boolean discontinuity, boolean gap, Instant programDateTime,
                        SegmentMarkers markers) {
        this(uri, durationMicros, discontinuity, gap, programDateTime, markers, SegmentMedia.NONE);
    }

    /** A segment without markers. */
    public MediaSegment(String uri, long durationMicros, boolean discontinuity, boolean gap, Instant programDateTime) {
        this(uri, durationMicros, discontinuity, gap, programDateTime, SegmentMarkers.NONE);
    }

    /** A plain segment: no discontinuity, not a gap, no program date-time. */
    public static MediaSegment of(String uri, long durationMicros) {
        return new MediaSegment(uri, durationMicros, false, false, null);
    }

    /** This segment with an {@code EXT-X-DISCONTINUITY} before it (or without one). */
    public MediaSegment withDiscontinuity(boolean discontinuity) {
        return new MediaSegment(uri, durationMicros, discontinuity, gap, programDateTime, markers, media);
    }

    /** This segment marked as a gap (or not). */
    public MediaSegment withGap(boolean gap) {
        return new MediaSegment(uri, durationMicros, discontinuity, gap, programDateTime, markers, media);
    }

    /** This segment with another program date-time (null for none). */
    public MediaSegment withProgramDateTime(Instant programDateTime) {
        return new MediaSegment(uri, durationMicros, discontinuity, gap, programDateTime, markers, media);
    }

    /** This segment with another initialisation section, byte range and key ({@link SegmentMedia#NONE}). */
    public MediaSegment withMedia(SegmentMedia media) {
        return new MediaSegment(uri, durationMicros, discontinuity, gap, programDateTime, markers, media);
    }

    /** This segment with other markers ({@link SegmentMarkers#NONE} for none). */
    public MediaSegment withMarkers(SegmentMarkers markers) {
        return new MediaSegment(uri, durationMicros, discontinuity, gap, programDateTime, markers, media);
    }
}
