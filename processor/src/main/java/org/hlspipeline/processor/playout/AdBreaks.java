package org.hlspipeline.processor.playout;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.hlspipeline.processor.hls.CueOut;
import org.hlspipeline.processor.hls.DateRange;
import org.hlspipeline.processor.hls.Scte35;
import org.hlspipeline.processor.hls.SegmentMarkers;

/**
 * The ad markers of a channel's window: AD items bracketed so that downstream ad insertion can replace them, in
 * the style the channel's configuration asks ({@link ChannelConfig#adMarkers()}). Computed from the window alone,
 * so every rendition gets the same markers and a break keeps them after its first segment has slid out (see
 * docs/hls-output.md, Ad markers).
 */
public final class AdBreaks {

    private AdBreaks() {
    }

    /**
     * The break that {@code aired}, an AD segment that starts a break, opens: planned is its duration plus what
     * its item has left to air after it.
     *
     * @param next the item's playhead one segment further
     */
    public static AdBreak opening(ChannelSegment aired, Playhead next) {
        return new AdBreak(aired.mediaSequence(), aired.airTimeMicros(), aired.durationMicros()
                + remainingMicros(next));
    }

    /**
     * Whether {@code segment} continues the item occurrence of {@code previous}, the segment aired right before
     * it: both AD, the same item, no discontinuity between them.
     */
    public static boolean continues(ChannelSegment previous, ChannelSegment segment) {
        return previous != null && previous.kind() == ItemKind.AD && segment.kind() == ItemKind.AD
                && previous.mediaSequence() + 1 == segment.mediaSequence() && !segment.discontinuity()
                && previous.itemId().equals(segment.itemId());
    }

    /** What the playhead's item has left to air from its next segment (0 for a live source). */
    static long remainingMicros(Playhead playhead) {
        if (!(playhead.item().source() instanceof VodAsset asset)) {
            return 0;
        }
        long total = 0;
        for (int i = playhead.nextIndex(); i < playhead.item().outPoint(); i++) {
            total += asset.durationMicros(i);
        }
        return total;
    }

    /**
     * The markers of each segment of {@code state}'s window, in window order ({@link SegmentMarkers#NONE} where
     * there are none), in the style of the channel's configuration.
     */
    public static List<SegmentMarkers> markers(ChannelState state) {
        List<ChannelSegment> window = state.window();
        SegmentMarkers[] out = new SegmentMarkers[window.size()];
        Arrays.fill(out, SegmentMarkers.NONE);
        AdMarkers style = state.config().adMarkers();
        if (style == AdMarkers.NONE) {
            return Arrays.asList(out);
        }
        boolean dateRanges = style == AdMarkers.DATERANGE || style == AdMarkers.BOTH;
        boolean cues = style == AdMarkers.CUE || style == AdMarkers.BOTH;

        for (Run run : runs(window)) {
            AdBreak adBreak = run.adBreak();
            ChannelSegment first = window.get(run.from());
            ChannelSegment last = window.get(run.to());
            boolean closed = run.to() < window.size() - 1 || state.ended();
            long durationMicros = last.endMicros() - adBreak.startMicros();
            if (dateRanges) {
                out[run.from()] = out[run.from()].withDateRange(dateRange(adBreak, closed ? durationMicros : null));
            }
            if (cues) {
                CueOut cue = first.mediaSequence() == adBreak.firstSequence()
                        ? CueOut.start(adBreak.plannedMicros())
                        : CueOut.continued(first.airTimeMicros() - adBreak.startMicros(), adBreak.plannedMicros());
                out[run.from()] = out[run.from()].withCueOut(cue);
                if (run.to() + 1 < window.size()) {
                    out[run.to() + 1] = out[run.to() + 1].withCueIn();
                }
            }
        }
        return Arrays.asList(out);
    }

    /** The date range of {@code adBreak}: open while {@code durationMicros} is null, closed with it. */
    public static DateRange dateRange(AdBreak adBreak, Long durationMicros) {
        String out = Scte35.hex(Scte35.spliceOut(adBreak.spliceEventId(), adBreak.plannedMicros()));
        String in = durationMicros == null ? null : Scte35.hex(Scte35.spliceIn(adBreak.spliceEventId()));
        return new DateRange(adBreak.id(), startDate(adBreak), adBreak.plannedMicros(), durationMicros, out, in);
    }

    /** The break's start as its segment's program date-time is written: milliseconds, truncated. */
    static Instant startDate(AdBreak adBreak) {
        return Instant.ofEpochMilli(Math.floorDiv(adBreak.startMicros(), 1000L));
    }

    /** Window indexes {@code from..to} (inclusive) of one break. */
    private record Run(int from, int to, AdBreak adBreak) {
    }

    /** The breaks that have segments in the window, in order. */
    private static List<Run> runs(List<ChannelSegment> window) {
        List<Run> runs = new ArrayList<>();
        int i = 0;
        while (i < window.size()) {
            ChannelSegment s = window.get(i);
            if (s.adBreak() == null) {
                i++;
                continue;
            }
            int j = i;
            while (j + 1 < window.size() && s.adBreak().equals(window.get(j + 1).adBreak())) {
                j++;
            }
            runs.add(new Run(i, j, s.adBreak()));
            i = j + 1;
        }
        return runs;
    }
}
