package org.hlspipeline.playout;

import java.util.Map;
import java.util.TreeMap;

/**
 * One aired segment of a channel, the same boundary in every rendition.
 *
 * @param airTimeMicros when it airs: the channel's anchor plus the durations before it (epoch microseconds)
 */
public record ChannelSegment(long mediaSequence, long airTimeMicros, long durationMicros, Map<String, String> uris,
                             boolean discontinuity, String itemId, ItemKind kind, String title) {

    public ChannelSegment {
        uris = java.util.Collections.unmodifiableMap(new TreeMap<>(uris));
    }

    public long endMicros() {
        return airTimeMicros + durationMicros;
    }
}
