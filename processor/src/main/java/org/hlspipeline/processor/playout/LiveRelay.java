package org.hlspipeline.processor.playout;

import java.util.List;
import java.util.Optional;

/**
 * How a live item airs: the next contiguous segment of its stream, renumbered into the channel's media sequence.
 * The item joins at the stream's live edge (and rejoins there if the window has moved past it); segments the
 * stream declared lost are skipped; when the stream has nothing for a boundary the channel waits, and past
 * 1.5 target durations the filler airs until the stream comes back. Every switch and every skip starts with a
 * discontinuity, because the timestamps do not follow on.
 */
final class LiveRelay {

    private LiveRelay() {
    }

    /** The state after airing one segment at the next boundary, or null to wait for the stream there. */
    static ChannelState air(ChannelState s, LiveFeed feed, long untilMicros) {
        Playhead playhead = s.top().current();
        String streamId = ((LiveStream) playhead.item().source()).streamId();
        List<String> ladder = s.config().renditionNames();
        long sequence = playhead.liveSequence();
        Optional<LiveFeed.Span> span = feed.span(streamId, ladder);
        if (span.isPresent() && (sequence < 0 || sequence < span.get().oldest())) {
            sequence = span.get().newest();
        }
        while (sequence >= 0) {
            Optional<LiveSegment> segment = feed.segment(streamId, sequence, ladder);
            if (segment.isEmpty()) {
                break;
            }
            if (segment.get().gap()) {
                sequence++;
                continue;
            }
            // Back from a stall, or past media the relay skipped (a lost segment, a jump to the live edge): the
            // timestamps do not follow on from the last segment aired, so players must be told.
            boolean jumped = playhead.liveSequence() >= 0 && sequence != playhead.liveSequence();
            ChannelState state = playhead.stalled() || jumped ? s.withDiscontinuity() : s;
            LiveSegment live = segment.get();
            Item item = playhead.item();
            ChannelSegment aired = new ChannelSegment(state.nextMediaSequence(), state.nextAirMicros(),
                    live.durationMicros(), live.uris(), state.pendingDiscontinuity() && state.nextMediaSequence() > 0,
                    item.itemId(), item.kind(), item.title(), null, live.airedMedia());
            return Airing.appendAired(state, playhead.relayed(sequence, live.durationMicros()), aired);
        }
        return stallFiller(s, playhead, sequence, untilMicros);
    }

    private static ChannelState stallFiller(ChannelState s, Playhead playhead, long sequence, long untilMicros) {
        Item filler = s.config().filler();
        long stallAt = s.nextAirMicros() + s.config().targetDurationSeconds() * 1_500_000L;
        if (filler == null || (!playhead.stalled() && untilMicros < stallAt)) {
            return null;
        }
        int index = playhead.stalled() && playhead.stallIndex() < filler.outPoint()
                ? playhead.stallIndex() : filler.inPoint();
        ChannelState state = !playhead.stalled() || index == filler.inPoint() ? s.withDiscontinuity() : s;
        ChannelSegment aired = Airing.vodSegment(state, filler, index);
        Playhead waiting = new Playhead(playhead.item(), playhead.nextIndex(), playhead.fallback(), sequence,
                playhead.liveAiredMicros(), index + 1);
        return Airing.appendAired(state, waiting, aired);
    }
}
