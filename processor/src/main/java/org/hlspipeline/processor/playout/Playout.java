package org.hlspipeline.processor.playout;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

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
        ChannelSegment plain = Airing.vodSegment(s, playhead.item(), playhead.nextIndex());
        return Airing.appendAired(s, playhead.advanced(), plain);
    }
}
