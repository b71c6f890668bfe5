package org.hlspipeline.queryapi.iptv;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.hlspipeline.processor.playout.ChannelSegment;
import org.hlspipeline.processor.playout.ChannelState;
import org.hlspipeline.processor.playout.ProjectedSchedule;

/**
 * A channel's guide entries, from its {@link ProjectedSchedule}: what airs now, then each entry up next with its
 * projected start and end, exactly as {@code GET /api/channels/{id}} shows them. Like the projection, it leaves out
 * commands not effective yet, shows an item that loops once, and stops where a live relay starts.
 *
 * <p>The projection knows when now playing ends but not when it started. The start is taken from the output
 * window when the window shows the segment that began this pass of the item (a discontinuity, another item
 * before it, or the channel's first segment); else from how far into the item it is ({@code now - position},
 * which for an item resumed after a cut counts the part aired before the cut); else from its last aired segment.
 *
 * <p>Pure: no clock, no I/O.
 */
public final class ChannelGuide {

    /** Entries up next projected per channel: a guide wants more than the API's default. */
    public static final int MAX_ENTRIES = 100;

    private ChannelGuide() {
    }

    public static List<XmltvWriter.Programme> programmes(ChannelState state, long nowMicros) {
        return programmes(state.channelId(), ProjectedSchedule.at(state, nowMicros, MAX_ENTRIES), state.window(),
                nowMicros);
    }

    public static List<XmltvWriter.Programme> programmes(String channelId, ProjectedSchedule schedule,
                                                         List<ChannelSegment> window, long nowMicros) {
        List<XmltvWriter.Programme> programmes = new ArrayList<>(schedule.upNext().size() + 1);
        ProjectedSchedule.NowPlaying now = schedule.nowPlaying();
        if (now != null) {
            long start = nowPlayingStart(now, window, nowMicros);
            if (start < now.endsAtMicros()) {
                programmes.add(new XmltvWriter.Programme(channelId, instant(start), instant(now.endsAtMicros()),
                        title(now.title(), now.itemId())));
            }
        }
        for (ProjectedSchedule.Entry entry : schedule.upNext()) {
            if (entry.startMicros() < entry.endMicros()) {
                programmes.add(new XmltvWriter.Programme(channelId, instant(entry.startMicros()),
                        instant(entry.endMicros()), title(entry.title(), entry.itemId())));
            }
        }
        return programmes;
    }

    /** When the pass of the item airing now started (see the class comment). */
    static long nowPlayingStart(ProjectedSchedule.NowPlaying now, List<ChannelSegment> window, long nowMicros) {
        int last = window.size() - 1;
        // The projection counts a clock behind the last aired segment as that segment's air time; so does this.
        long at = last >= 0 ? Math.max(nowMicros, window.get(last).airTimeMicros()) : nowMicros;
        boolean lastAirsNow = last >= 0 && at < window.get(last).endMicros();
        if (lastAirsNow && window.get(last).itemId().equals(now.itemId())) {
            int first = last;
            while (!window.get(first).discontinuity() && first > 0
                    && window.get(first - 1).itemId().equals(now.itemId())) {
                first--;
            }
            if (window.get(first).discontinuity() || first > 0 || window.get(first).mediaSequence() == 0) {
                return window.get(first).airTimeMicros();
            }
        }
        if (now.positionMicros() != null) {
            return at - now.positionMicros();
        }
        if (lastAirsNow && window.get(last).itemId().equals(now.itemId())) {
            return window.get(last).airTimeMicros();
        }
        return at;
    }

    private static String title(String title, String itemId) {
        return title == null || title.isBlank() ? itemId : title;
    }

    static Instant instant(long epochMicros) {
        return Instant.ofEpochSecond(Math.floorDiv(epochMicros, 1_000_000L),
                Math.floorMod(epochMicros, 1_000_000L) * 1000L);
    }
}
