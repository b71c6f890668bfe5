package org.hlspipeline.processor.playout;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.hlspipeline.processor.hls.SegmentMedia;
import org.hlspipeline.processor.hls.WindowSlide;

/**
 * How one segment goes on air, whoever provides it (a VOD playhead, a live relay, the filler of a stalled relay):
 * its URIs in every rendition of the ladder, the ad break it carries, and the window sliding on.
 */
final class Airing {

    private Airing() {
    }

    /** Segment {@code index} of a VOD item, in every rendition of the ladder, as the next segment to air. */
    static ChannelSegment vodSegment(ChannelState s, Item item, int index) {
        VodAsset asset = item.vod();
        Map<String, String> uris = new TreeMap<>();
        Map<String, SegmentMedia> media = new TreeMap<>();
        for (String rendition : s.config().renditionNames()) {
            uris.put(rendition, asset.uri(rendition, index));
            media.put(rendition, asset.media(rendition, index));
        }
        return new ChannelSegment(s.nextMediaSequence(), s.nextAirMicros(), asset.durationMicros(index), uris,
                s.pendingDiscontinuity() && s.nextMediaSequence() > 0, item.itemId(), item.kind(), item.title(),
                null, media);
    }

    /**
     * Adds an aired segment to the window (sliding it) and moves the top layer's playhead on to {@code next}.
     * An AD segment carries its break: the one the previous segment opened, or a new one.
     */
    static ChannelState appendAired(ChannelState s, Playhead next, ChannelSegment plain) {
        Layer top = s.top();
        ChannelSegment previous = s.window().isEmpty() ? null : s.window().get(s.window().size() - 1);
        // A new initialisation section is a new encoding, which a discontinuity must announce (RFC 8216 §4.3.2.3,
        // docs/hls-output.md): every item change already is one; this keeps it so whatever led here.
        boolean discontinuity = plain.discontinuity() || (previous != null && plain.changesMap(previous));
        ChannelSegment cut = plain.with(discontinuity, null);
        ChannelSegment segment = cut.kind() != ItemKind.AD ? cut : cut.with(discontinuity,
                AdBreaks.continues(previous, cut) ? previous.adBreak() : AdBreaks.opening(cut, next));

        List<ChannelSegment> window = new ArrayList<>(s.window().size() + 1);
        window.addAll(s.window());
        window.add(segment);
        int removed = WindowSlide.removable(window, ChannelSegment::durationMicros, s.config().windowSize(),
                s.config().targetDurationSeconds());
        long slidDiscontinuities = WindowSlide.discontinuities(window, ChannelSegment::discontinuity, removed);
        ChannelState withPlayhead = s.withTop(top.withCurrent(next));
        return withPlayhead.aired(segment, window.subList(removed, window.size()),
                s.discontinuitySequence() + slidDiscontinuities);
    }
}
