package org.hlspipeline.processor.playout;

import java.util.Map;
import java.util.TreeMap;

/**
 * One segment of a relayed stream, in every rendition of the channel's ladder.
 *
 * @param gap the stream declared it lost (EXT-X-GAP): a channel skips it rather than air media that is not there
 */
public record LiveSegment(long sequence, long durationMicros, Map<String, String> uris, boolean gap) {

    public LiveSegment {
        uris = java.util.Collections.unmodifiableMap(new TreeMap<>(uris));
    }
}
