package org.hlspipeline.processor.hls;

import java.util.List;
import java.util.Objects;

/**
 * The ad markers and date ranges written before one {@link MediaSegment}, after its {@code EXT-X-DISCONTINUITY}
 * and {@code EXT-X-PROGRAM-DATE-TIME} and before its EXTINF, in this order: every {@code EXT-X-DATERANGE}, then
 * {@code EXT-X-CUE-IN}, then {@code EXT-X-CUE-OUT} or {@code EXT-X-CUE-OUT-CONT}. (A break that ends where the
 * next one starts gives one segment both {@code CUE-IN} and {@code CUE-OUT}: the first closes, then the second
 * opens.)
 *
 * @param dateRanges the date ranges written at this segment (copied; may be empty)
 * @param cueIn      whether {@code #EXT-X-CUE-IN} precedes this segment: a break ended right before it
 * @param cueOut     the {@code CUE-OUT} or {@code CUE-OUT-CONT} of this segment, or null
 */
public record SegmentMarkers(List<DateRange> dateRanges, boolean cueIn, CueOut cueOut) {

    /** No markers. */
    public static final SegmentMarkers NONE = new SegmentMarkers(List.of(), false, null);

    public SegmentMarkers {
        Objects.requireNonNull(dateRanges, "dateRanges");
        dateRanges = List.copyOf(dateRanges);
    }

    public boolean isEmpty() {
        return dateRanges.isEmpty() && !cueIn && cueOut == null;
    }

    public SegmentMarkers withDateRange(DateRange range) {
        List<DateRange> all = new java.util.ArrayList<>(dateRanges.size() + 1);
        all.addAll(dateRanges);
        all.add(range);
        return new SegmentMarkers(all, cueIn, cueOut);
    }

    public SegmentMarkers withCueIn() {
        return new SegmentMarkers(dateRanges, true, cueOut);
    }

    public SegmentMarkers withCueOut(CueOut cue) {
        return new SegmentMarkers(dateRanges, cueIn, cue);
    }
}
