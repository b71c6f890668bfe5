package org.hlspipeline.processor.playout;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.hlspipeline.processor.hls.MasterPlaylist;
import org.hlspipeline.processor.hls.MediaPlaylist;
import org.hlspipeline.processor.hls.MediaSegment;
import org.hlspipeline.processor.hls.SegmentMarkers;
import org.hlspipeline.processor.hls.RenditionDescription;
import org.hlspipeline.processor.hls.SegmentKey;

/**
 * A channel's output window as HLS playlists, through the same renderer as live streams. Every rendition is cut
 * from the same window, so all renditions always show the same media sequence, discontinuity sequence, segment
 * boundaries and ad markers.
 *
 * <p>Ad markers ({@link AdBreaks}) need the channel's {@link AdBreakLog} to be complete: pass the log that was
 * advanced with the state. Without it, breaks are marked only as far as the window shows them.
 */
public final class ChannelPlaylists {

    private ChannelPlaylists() {
    }

    /**
     * The media playlist of {@code rendition}, with the ad markers of the channel's style.
     *
     * <p>Program date-times follow the channel's setting, except that a segment carrying an
     * {@code EXT-X-DATERANGE} always has one: RFC 8216 §4.3.2.7 requires a program date-time in every playlist
     * with a date range, and there it also maps the range's dates onto the segments. It is the segment's air
     * time, as it would be with program date-times on.
     */
    public static MediaPlaylist media(ChannelState state, String rendition) {
        ChannelConfig config = state.config();
        List<ChannelSegment> window = state.window();
        List<SegmentMarkers> markers = AdBreaks.markers(state);
        List<MediaSegment> segments = new ArrayList<>(window.size());
        for (int i = 0; i < window.size(); i++) {
            ChannelSegment s = window.get(i);
            SegmentMarkers m = markers.get(i);
            boolean pdt = config.programDateTime() || !m.dateRanges().isEmpty();
            Instant programDateTime = pdt ? Instant.ofEpochMilli(Math.floorDiv(s.airTimeMicros(), 1000L)) : null;
            segments.add(new MediaSegment(s.uris().get(rendition), s.durationMicros(), s.discontinuity(), false,
                    programDateTime, m, s.media(rendition)));
        }
        long mediaSequence = window.isEmpty() ? state.nextMediaSequence() : window.get(0).mediaSequence();
        return new MediaPlaylist(config.targetDurationSeconds(), mediaSequence, state.discontinuitySequence(),
                segments, state.ended());
    }

    /**
     * The ladder, in the order the scheduler configured it: variants, and the groups they name. A ladder is
     * checked whole when configured, so every group a variant names has members. Session keys are the keys in
     * force at the window's newest segment, without their IVs, as for streams. URIs are relative to the master
     * playlist.
     */
    public static MasterPlaylist master(ChannelState state) {
        Map<String, RenditionDescription> ladder = new LinkedHashMap<>();
        state.config().ladder().forEach(r -> ladder.put(r.name(), r.description()));
        Set<SegmentKey> keys = new LinkedHashSet<>();
        List<ChannelSegment> window = state.window();
        if (!window.isEmpty()) {
            ChannelSegment newest = window.get(window.size() - 1);
            ladder.keySet().forEach(rendition -> {
                SegmentKey key = newest.media(rendition).key();
                if (key != null) {
                    keys.add(key.withoutIv());
                }
            });
        }
        return MasterPlaylist.listing(ladder, name -> "renditions/" + name + "/playlist.m3u8", List.copyOf(keys))
                .orElseThrow(() -> new IllegalStateException("channel " + state.channelId() + " has no variant"));
    }
}
