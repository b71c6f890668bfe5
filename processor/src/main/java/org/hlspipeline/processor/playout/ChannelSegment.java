package org.hlspipeline.processor.playout;

import java.util.Map;
import java.util.TreeMap;

import org.hlspipeline.processor.hls.SegmentMedia;

/**
 * One aired segment of a channel, the same boundary in every rendition.
 *
 * @param airTimeMicros when it airs: the channel's anchor plus the durations before it (epoch microseconds)
 * @param adBreak       for an AD segment, the break it belongs to, fixed when the break's first segment aired, so
 *                      every playlist that shows any part of the break marks it the same way; null otherwise
 * @param media         per rendition, the initialisation section, byte range and key, with the IV stated where
 *                      the channel's numbering would change it; a rendition left out is self-contained and in the
 *                      clear
 */
public record ChannelSegment(long mediaSequence, long airTimeMicros, long durationMicros, Map<String, String> uris,
                             boolean discontinuity, String itemId, ItemKind kind, String title, AdBreak adBreak,
                             Map<String, SegmentMedia> media) {

    public ChannelSegment {
        uris = java.util.Collections.unmodifiableMap(new TreeMap<>(uris));
        TreeMap<String, SegmentMedia> kept = new TreeMap<>();
        if (media != null) {
            media.forEach((rendition, m) -> {
                if (!m.isNone()) {
                    kept.put(rendition, m);
                }
            });
        }
        media = java.util.Collections.unmodifiableMap(kept);
    }

    public ChannelSegment(long mediaSequence, long airTimeMicros, long durationMicros, Map<String, String> uris,
                          boolean discontinuity, String itemId, ItemKind kind, String title, AdBreak adBreak) {
        this(mediaSequence, airTimeMicros, durationMicros, uris, discontinuity, itemId, kind, title, adBreak,
                Map.of());
    }

    public ChannelSegment(long mediaSequence, long airTimeMicros, long durationMicros, Map<String, String> uris,
                          boolean discontinuity, String itemId, ItemKind kind, String title) {
        this(mediaSequence, airTimeMicros, durationMicros, uris, discontinuity, itemId, kind, title, null);
    }

    public long endMicros() {
        return airTimeMicros + durationMicros;
    }

    /** What the segment of {@code rendition} needs besides its URI. */
    public SegmentMedia media(String rendition) {
        return media.getOrDefault(rendition, SegmentMedia.NONE);
    }

    /** Whether a player must reset its decoder between {@code previous} and this: a rendition changes its map. */
    boolean changesMap(ChannelSegment previous) {
        for (String rendition : uris.keySet()) {
            if (!media(rendition).sameMap(previous.media(rendition))) {
                return true;
            }
        }
        return false;
    }

    ChannelSegment with(boolean newDiscontinuity, AdBreak newAdBreak) {
        return new ChannelSegment(mediaSequence, airTimeMicros, durationMicros, uris, newDiscontinuity, itemId, kind,
                title, newAdBreak, media);
    }
}
