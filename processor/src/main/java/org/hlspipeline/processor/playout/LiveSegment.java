package org.hlspipeline.processor.playout;

import java.util.Map;
import java.util.TreeMap;

import org.hlspipeline.processor.hls.SegmentMedia;

/**
 * One segment of a relayed stream, in every rendition of the channel's ladder.
 *
 * @param gap   the stream declared it lost (EXT-X-GAP): a channel skips it rather than air media that is not there
 * @param media per rendition, its initialisation section, byte range and key as the stream carries them; a
 *              rendition left out is self-contained and in the clear
 */
public record LiveSegment(long sequence, long durationMicros, Map<String, String> uris, boolean gap,
                          Map<String, SegmentMedia> media) {

    public LiveSegment {
        uris = java.util.Collections.unmodifiableMap(new TreeMap<>(uris));
        media = media == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(media));
    }

    public LiveSegment(long sequence, long durationMicros, Map<String, String> uris, boolean gap) {
        this(sequence, durationMicros, uris, gap, Map.of());
    }

    /**
     * The segment's media as the channel airs it: a key that leaves its IV to the media sequence number states
     * the stream's sequence, since the channel numbers the segment otherwise (RFC 8216 §5.2).
     */
    Map<String, SegmentMedia> airedMedia() {
        Map<String, SegmentMedia> aired = new TreeMap<>();
        media.forEach((rendition, m) -> aired.put(rendition, m.key() == null ? m
                : new SegmentMedia(m.map(), m.byteRange(), m.key().statingIv(sequence))));
        return aired;
    }
}
