package org.hlspipeline.processor.playout;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.hlspipeline.processor.hls.SegmentMedia;

/**
 * A VOD asset as a channel airs it: per rendition where its segments are and what they need to be played, and
 * every segment's duration. All
 * renditions share segment boundaries, which is what lets a channel switch renditions at any segment.
 *
 * <p>Most assets have one segment duration; they keep it once ({@code durationsMicros} empty), so a channel
 * with fifty queued hour-long episodes holds fifty numbers, not tens of thousands.
 *
 * @param segmentDurationMicros the duration of every segment, when {@code durationsMicros} is empty
 * @param durationsMicros       one duration per segment, or empty
 * @param startNumber           the number {@code {n}} of the asset's first segment
 */
public record VodAsset(Map<String, RenditionUris> renditions, int segmentCount, long segmentDurationMicros,
                       List<Long> durationsMicros, long startNumber) implements SegmentSource {

    public static final long MAX_SEGMENT_MICROS = 60_000_000L;

    public VodAsset {
        renditions = java.util.Collections.unmodifiableMap(new TreeMap<>(renditions));
        durationsMicros = durationsMicros == null ? List.of() : List.copyOf(durationsMicros);
        if (renditions.isEmpty()) {
            throw new IllegalArgumentException("an asset needs at least one rendition");
        }
        if (segmentCount < 1) {
            throw new IllegalArgumentException("segmentCount must be at least 1");
        }
        if (durationsMicros.isEmpty()) {
            checkDuration(segmentDurationMicros);
        } else if (durationsMicros.size() != segmentCount) {
            throw new IllegalArgumentException("durations lists " + durationsMicros.size() + " values for "
                    + segmentCount + " segments");
        } else {
            durationsMicros.forEach(VodAsset::checkDuration);
        }
        for (Map.Entry<String, RenditionUris> e : renditions.entrySet()) {
            List<String> uris = e.getValue().uris();
            if (!uris.isEmpty() && uris.size() != segmentCount) {
                throw new IllegalArgumentException("rendition " + e.getKey() + " lists " + uris.size()
                        + " uris for " + segmentCount + " segments");
            }
            int ranges = e.getValue().byteRanges().size();
            if (ranges != 0 && ranges != segmentCount) {
                throw new IllegalArgumentException("rendition " + e.getKey() + " lists " + ranges
                        + " byte ranges for " + segmentCount + " segments");
            }
        }
    }

    private static void checkDuration(long micros) {
        if (micros <= 0 || micros > MAX_SEGMENT_MICROS) {
            throw new IllegalArgumentException("segment durations must be greater than 0 and at most 60 s");
        }
    }

    /** An asset of {@code count} segments of one duration. */
    public static VodAsset uniform(Map<String, RenditionUris> renditions, int count, long durationMicros,
                                   long startNumber) {
        return new VodAsset(renditions, count, durationMicros, List.of(), startNumber);
    }

    public long durationMicros(int index) {
        return durationsMicros.isEmpty() ? segmentDurationMicros : durationsMicros.get(index);
    }

    /** The duration of the segments {@code from} (inclusive) to {@code to} (exclusive). */
    public long span(int from, int to) {
        if (to <= from) {
            return 0;
        }
        if (durationsMicros.isEmpty()) {
            return (long) (to - from) * segmentDurationMicros;
        }
        long total = 0;
        for (int i = from; i < to; i++) {
            total += durationsMicros.get(i);
        }
        return total;
    }

    public String uri(String rendition, int index) {
        return renditions.get(rendition).uri(index, startNumber + index);
    }

    /** The initialisation section, byte range and key of segment {@code index} of {@code rendition}. */
    public SegmentMedia media(String rendition, int index) {
        return renditions.get(rendition).media(index, startNumber + index);
    }

    public Set<String> renditionNames() {
        return renditions.keySet();
    }
}
