package org.hlspipeline.processor.playout;

import java.util.Map;
import java.util.TreeMap;

/**
 * One aired segment of a channel, the same boundary in every rendition.
 *
 * @param airTimeMicros when it airs: the channel's anchor plus the durations before it (epoch microseconds)
 * @param adBreak       for an AD segment, the break it belongs to, fixed when the break's first segment aired, so
 *                      every playlist that shows any part of the break marks it the same way; null otherwise
 */
public record ChannelSegment(long mediaSequence, long airTimeMicros, long durationMicros, Map<String, String> uris,
                             boolean discontinuity, String itemId, ItemKind kind, String title, AdBreak adBreak) {

    public ChannelSegment {
        uris = java.util.Collections.unmodifiableMap(new TreeMap<>(uris));
    }

    public ChannelSegment(long mediaSequence, long airTimeMicros, long durationMicros, Map<String, String> uris,
                          boolean discontinuity, String itemId, ItemKind kind, String title) {
        this(mediaSequence, airTimeMicros, durationMicros, uris, discontinuity, itemId, kind, title, null);
    }

    public long endMicros() {
        return airTimeMicros + durationMicros;
    }
}
