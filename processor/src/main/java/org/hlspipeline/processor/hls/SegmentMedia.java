package org.hlspipeline.processor.hls;

import java.util.Objects;

/**
 * What a segment needs besides its URI to be played: the initialisation section (fMP4/CMAF), the sub-range of
 * its resource, and its key. Each is carried per segment, so that a window that slides past the tag that declared
 * one still states it for its first segment.
 *
 * @param map       the initialisation section, or null for a self-contained segment (MPEG-TS)
 * @param byteRange the segment's sub-range of its URI, or null for the whole resource
 * @param key       how the segment is encrypted, or null for a segment in the clear
 */
public record SegmentMedia(InitSection map, ByteRange byteRange, SegmentKey key) {

    public static final SegmentMedia NONE = new SegmentMedia(null, null, null);

    public boolean isNone() {
        return map == null && byteRange == null && key == null;
    }

    /** Whether two segments in a row need no new EXT-X-MAP between them. */
    public boolean sameMap(SegmentMedia previous) {
        return Objects.equals(map, previous.map);
    }

    /** Whether two segments in a row need no new EXT-X-KEY between them. */
    public boolean sameKey(SegmentMedia previous) {
        return Objects.equals(key, previous.key);
    }
}
