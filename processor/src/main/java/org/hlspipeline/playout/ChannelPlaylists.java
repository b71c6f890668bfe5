package org.hlspipeline.playout;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.hlspipeline.hls.MasterPlaylist;
import org.hlspipeline.hls.MediaPlaylist;
import org.hlspipeline.hls.MediaSegment;
import org.hlspipeline.hls.Variant;

/**
 * A channel's output window as HLS playlists, through the same renderer as live streams. Every rendition is cut
 * from the same window, so all renditions always show the same media sequence, discontinuity sequence and
 * segment boundaries.
 */
public final class ChannelPlaylists {

    private ChannelPlaylists() {
    }

    public static MediaPlaylist media(ChannelState state, String rendition) {
        ChannelConfig config = state.config();
        List<ChannelSegment> window = state.window();
        List<MediaSegment> segments = new ArrayList<>(window.size());
        for (ChannelSegment s : window) {
            Instant pdt = config.programDateTime() ? Instant.ofEpochMilli(s.airTimeMicros() / 1000) : null;
            segments.add(new MediaSegment(s.uris().get(rendition), s.durationMicros(), s.discontinuity(), false, pdt));
        }
        long mediaSequence = window.isEmpty() ? state.nextMediaSequence() : window.get(0).mediaSequence();
        return new MediaPlaylist(config.targetDurationSeconds(), mediaSequence, state.discontinuitySequence(),
                segments, state.ended());
    }

    /** The ladder, in the order the scheduler configured it. URIs are relative to the master playlist. */
    public static MasterPlaylist master(ChannelState state) {
        List<Variant> variants = new ArrayList<>();
        for (LadderRendition r : state.config().ladder()) {
            variants.add(new Variant("renditions/" + r.name() + "/playlist.m3u8", r.bandwidth(), r.averageBandwidth(),
                    r.resolution(), r.codecs(), r.frameRate()));
        }
        return new MasterPlaylist(variants);
    }
}
