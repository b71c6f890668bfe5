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
 * The ad markers of a channel's window (DESIGN §7 "Ads"): AD items bracketed so that downstream ad insertion can
 * replace them, as {@link ChannelConfig#adMarkers()} asks ({@code DATERANGE}, {@code CUE}, {@code BOTH} or
 * {@code NONE}). Pure: the same state gives the same markers, and every rendition gets the same ones.
 *
 * <h2>Breaks</h2>
 * An ad break is one occurrence of an AD item: its segments from the one that starts it (a discontinuity, or a
 * change of kind or item) to the last before the next such start. Its identity and plan are an {@link AdBreak},
 * fixed when its first segment airs and carried by each of its segments ({@link ChannelSegment#adBreak()}), so
 * the break keeps its markers after its first segment has slid out: ID {@code ad-<media sequence of its first
 * segment>}, start = that segment's air time, planned duration = what the item had left to air then. A break is
 * <em>closed</em> once a segment that is not part of it is in the window, or the channel has ended; its duration
 * is then the sum of its segments' durations (less than planned when it was cut short).
 *
 * <h2>DATERANGE (RFC 8216 §4.3.2.7, 8216bis §4.4.5.1, SCTE-35 mapping §4.4.5.1.1)</h2>
 * One {@code EXT-X-DATERANGE} per break that has a segment in the window, written before the first window
 * segment that lies in the break (its first segment, or the window's first segment once that has slid out):
 * <pre>
 * while it airs:  ID="ad-N",START-DATE="…",PLANNED-DURATION=p,SCTE35-OUT=0x…
 * once closed:    ID="ad-N",START-DATE="…",PLANNED-DURATION=p,DURATION=d,SCTE35-OUT=0x…,SCTE35-IN=0x…
 * </pre>
 * Values never change for an ID; a poll only ever adds {@code DURATION} and {@code SCTE35-IN}, as the RFC
 * allows (attributes of one ID must agree where both tags have them). {@code SCTE35-OUT} is a splice_insert with
 * {@code out_of_network_indicator} 1 and {@code break_duration} = planned; {@code SCTE35-IN} the same event with
 * {@code out_of_network_indicator} 0 (see {@link Scte35}). The tag goes once the break's last segment has slid
 * out: the range is [START-DATE, START-DATE + DURATION), which then ends at or before the first segment's
 * date, so none of its dates maps into the playlist any more. A date range needs an
 * {@code EXT-X-PROGRAM-DATE-TIME} in its playlist (RFC 8216 §4.3.2.7 "MUST"): on a channel without program
 * date-times, {@link ChannelPlaylists} gives one to each segment that carries a date range.
 *
 * <h2>CUE (the Adobe/Elemental convention; not in the RFC)</h2>
 * <pre>
 * #EXT-X-CUE-OUT:p                                 before the break's first segment, while it is in the window
 * #EXT-X-CUE-OUT-CONT:ElapsedTime=e,Duration=p     instead, before the window's first segment once the break's
 *                                                  first segment has slid out (e = its air time − the start)
 * #EXT-X-CUE-IN                                    before the first segment after a closed break, while a
 *                                                  segment of the break is still in the window
 * </pre>
 * One {@code CUE-OUT} or {@code CUE-OUT-CONT} per break and playlist: the later segments of a break carry no tag
 * (some packagers repeat {@code CUE-OUT-CONT} on each; a player or inserter that reads the playlist from the top
 * knows the state from the first). {@code BOTH} writes the date range first, then the cue tags; {@code NONE}
 * writes nothing. Durations are seconds with three decimals, like EXTINF.
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
