package org.hlspipeline.processor.playout;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.hlspipeline.processor.hls.WindowSlide;

/**
 * The channel engine: pure functions of a {@link ChannelState}, the commands given to it and the time.
 *
 * <p>A command is scheduled for an effective time and applied at the first segment boundary at or after it.
 * {@link #advance} airs every segment whose air time has come, one boundary at a time: first the commands due
 * there, then the segment of whatever airs on the top layer. Nothing here reads a clock, so the same commands
 * and the same "until" always air the same segments with the same media sequence numbers.
 */
public final class Playout {

    private Playout() {
    }

    /** What {@link #advance} aired, and the state after it. */
    public record Advance(ChannelState state, List<ChannelSegment> aired) {
    }

    public static ChannelState schedule(ChannelState state, PlayoutCommand command, long effectiveMicros) {
        List<ScheduledCommand> list = new ArrayList<>(state.scheduled());
        list.add(new ScheduledCommand(effectiveMicros, state.commandsScheduled(), command));
        list.sort(Comparator.comparingLong(ScheduledCommand::effectiveMicros)
                .thenComparingLong(ScheduledCommand::order));
        return state.withScheduled(list, state.commandsScheduled() + 1);
    }

    /** Airs every segment whose air time is at or before {@code untilMicros}, with no live stream visible. */
    public static Advance advance(ChannelState state, long untilMicros) {
        return advance(state, untilMicros, LiveFeed.NONE);
    }

    /**
     * Airs every segment whose air time is at or before {@code untilMicros}. A live item airs what {@code feed}
     * shows of its stream; when the stream has nothing for a boundary the channel waits there, and once the wait
     * passes 1.5 target durations (the longest a live playlist may go without a new segment, RFC 8216bis
     * 6.2.1) the filler airs in its place until the stream comes back.
     */
    public static Advance advance(ChannelState state, long untilMicros, LiveFeed feed) {
        List<ChannelSegment> aired = new ArrayList<>();
        ChannelState s = state;
        while (true) {
            ScheduledCommand due = s.scheduled().isEmpty() ? null : s.scheduled().get(0);
            boolean waitingTimeline = !s.configured() || s.idle() || s.ended();
            if (due != null && due.effectiveMicros() <= untilMicros
                    && (waitingTimeline || due.effectiveMicros() <= s.nextAirMicros())) {
                s = s.withScheduled(s.scheduled().subList(1, s.scheduled().size()), s.commandsScheduled());
                s = PlayoutCommands.apply(s, due.command(), Math.max(s.nextAirMicros(), due.effectiveMicros()));
                continue;
            }
            if (waitingTimeline || s.nextAirMicros() > untilMicros) {
                return new Advance(s, aired);
            }
            s = Layers.endAlertsDue(s, s.nextAirMicros());
            ChannelState resolved = Layers.resolve(s, feed);
            if (resolved == null || resolved.ended()) {
                s = resolved == null ? s.withIdle(true, 0) : resolved;
                continue;
            }
            ChannelState after = resolved.top().current().live() ? LiveRelay.air(resolved, feed, untilMicros)
                    : air(resolved);
            if (after == null) {
                return new Advance(resolved, aired); // waiting for the stream at this boundary
            }
            aired.add(after.window().get(after.window().size() - 1));
            s = after;
        }
    }

    /** Airs the next segment of the top layer's VOD playhead, which {@link Layers#resolve} made ready. */
    private static ChannelState air(ChannelState s) {
        Playhead playhead = s.top().current();
        ChannelSegment plain = vodSegment(s, playhead.item(), playhead.nextIndex());
        return appendAired(s, playhead.advanced(), plain);
    }

    /** Segment {@code index} of a VOD item, in every rendition of the ladder, as the next segment to air. */
    static ChannelSegment vodSegment(ChannelState s, Item item, int index) {
        VodAsset asset = item.vod();
        Map<String, String> uris = new TreeMap<>();
        for (String rendition : s.config().renditionNames()) {
            uris.put(rendition, asset.uri(rendition, index));
        }
        return new ChannelSegment(s.nextMediaSequence(), s.nextAirMicros(), asset.durationMicros(index), uris,
                s.pendingDiscontinuity() && s.nextMediaSequence() > 0, item.itemId(), item.kind(), item.title());
    }

    /**
     * Adds an aired segment to the window (sliding it) and moves the top layer's playhead on to {@code next}.
     * An AD segment carries its break: the one the previous segment opened, or a new one.
     */
    static ChannelState appendAired(ChannelState s, Playhead next, ChannelSegment plain) {
        Layer top = s.top();
        ChannelSegment previous = s.window().isEmpty() ? null : s.window().get(s.window().size() - 1);
        ChannelSegment segment = plain.kind() != ItemKind.AD ? plain : withAdBreak(plain,
                AdBreaks.continues(previous, plain) ? previous.adBreak() : AdBreaks.opening(plain, next));

        List<ChannelSegment> window = new ArrayList<>(s.window().size() + 1);
        window.addAll(s.window());
        window.add(segment);
        int removed = WindowSlide.removable(window, ChannelSegment::durationMicros, s.config().windowSize(),
                s.config().targetDurationSeconds());
        long slidDiscontinuities = 0;
        for (int i = 0; i < removed; i++) {
            if (window.get(i).discontinuity()) {
                slidDiscontinuities++;
            }
        }
        ChannelState withPlayhead = s.withTop(top.withCurrent(next));
        return withPlayhead.aired(segment, window.subList(removed, window.size()),
                s.discontinuitySequence() + slidDiscontinuities);
    }

    private static ChannelSegment withAdBreak(ChannelSegment s, AdBreak adBreak) {
        return new ChannelSegment(s.mediaSequence(), s.airTimeMicros(), s.durationMicros(), s.uris(),
                s.discontinuity(), s.itemId(), s.kind(), s.title(), adBreak);
    }

    /**
     * Where the programming below a finished alert would be had the alert not aired: the layers below run dry
     * (nothing is emitted) for as long as the alert aired, and programming continues from there.
     */
    static ChannelState joinInProgress(ChannelState below, long fromMicros, long toMicros) {
        ChannelState dry = below;
        long time = fromMicros;
        while (true) {
            ChannelState resolved = Layers.resolve(dry, LiveFeed.NONE);
            if (resolved == null || resolved.ended()) {
                return dry;
            }
            Playhead playhead = resolved.top().current();
            if (playhead.live()) {
                return resolved.withDiscontinuity(); // a relay joins at its live edge anyway
            }
            long duration = playhead.item().vod().durationMicros(playhead.nextIndex());
            if (time + duration > toMicros) {
                return resolved.withDiscontinuity();
            }
            time += duration;
            dry = resolved.withTop(resolved.top().withCurrent(playhead.advanced()));
        }
    }
}
