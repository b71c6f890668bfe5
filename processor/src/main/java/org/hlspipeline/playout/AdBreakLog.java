package org.hlspipeline.playout;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Which {@link AdBreak} each AD segment of a channel's window belongs to: what a {@link ChannelSegment} does not
 * record, and what the window cannot tell once a break's first segment has slid out (its ID and start) or its
 * item has left the channel's state (its planned duration). Kept next to the {@link ChannelState} it was advanced
 * with, and small: one entry per AD segment still in the window.
 *
 * <p>{@link #advance} is {@link Playout#advance} taken one boundary at a time (which airs exactly the same
 * segments, as nothing there depends on how time is cut), so that each break is recorded with the plan its item
 * had when its first segment aired. A channel whose state was advanced without its log (or before logs existed)
 * starts one with {@link #EMPTY}: breaks already airing then are worked out from the window as far as it shows
 * them (see {@link AdBreaks}), and each break opened afterwards is complete.
 *
 * @param bySequence the break of each logged AD segment, by media sequence number
 */
public record AdBreakLog(Map<Long, AdBreak> bySequence) {

    public static final AdBreakLog EMPTY = new AdBreakLog(Map.of());

    public AdBreakLog {
        bySequence = Collections.unmodifiableNavigableMap(new TreeMap<>(bySequence));
    }

    /** What {@link #advance} aired, the state after it, and the log that goes with that state. */
    public record Advance(ChannelState state, List<ChannelSegment> aired, AdBreakLog log) {
    }

    /** The break {@code segment} belongs to, or null when the log has none for it. */
    public AdBreak breakOf(ChannelSegment segment) {
        return bySequence.get(segment.mediaSequence());
    }

    /**
     * Airs every segment whose air time is at or before {@code untilMicros}, as {@link Playout#advance} does,
     * and records the break of each AD segment aired; the result keeps only the entries of segments still in the
     * window.
     *
     * @param log the log that goes with {@code state}
     */
    public static Advance advance(ChannelState state, AdBreakLog log, long untilMicros) {
        NavigableMap<Long, AdBreak> breaks = new TreeMap<>(log.bySequence);
        List<ChannelSegment> aired = new ArrayList<>();
        ChannelState s = state;
        while (true) {
            long due = s.nextDueMicros();
            if (due > untilMicros) {
                break;
            }
            ChannelSegment previous = s.window().isEmpty() ? null : s.window().get(s.window().size() - 1);
            Playout.Advance step = Playout.advance(s, due);
            if (step.state().equals(s)) {
                break; // nothing was due after all; a further step would not change anything either
            }
            for (ChannelSegment segment : step.aired()) {
                if (segment.kind() == ItemKind.AD) {
                    // A break that was airing before this log was started stays unlogged to its end, so that
                    // the window alone describes it consistently (see AdBreaks).
                    AdBreak adBreak = AdBreaks.continues(previous, segment)
                            ? breaks.get(previous.mediaSequence()) : AdBreaks.opening(step.state(), segment);
                    if (adBreak != null) {
                        breaks.put(segment.mediaSequence(), adBreak);
                    }
                }
                previous = segment;
            }
            aired.addAll(step.aired());
            s = step.state();
            breaks.headMap(firstInWindow(s), false).clear();
        }
        breaks.headMap(firstInWindow(s), false).clear();
        return new Advance(s, aired, new AdBreakLog(breaks));
    }

    private static long firstInWindow(ChannelState s) {
        return s.window().isEmpty() ? s.nextMediaSequence() : s.window().get(0).mediaSequence();
    }
}
