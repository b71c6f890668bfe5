package org.hlspipeline.processor.playout;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a channel airs at a given time and what it will air next, projected from its state: the basis of the
 * channel API's "now playing" and "up next" and of the guide. It runs the engine's own rules ({@link Layers},
 * alerts ending at their boundary, fallbacks) on a copy of the state, one item pass at a time, so it shows what
 * {@link Playout#advance} will air; commands scheduled but not yet effective are left out (see
 * docs/hls-output.md, Projected schedule). Pure: times are epoch microseconds, like the engine's.
 *
 * @param nowPlaying    what airs at the time asked, or null (not configured, nothing aired yet, ended, idle)
 * @param upNext        what airs after it, in order, each with its projected start and end
 * @param horizon       why the list stops where it does
 * @param horizonMicros when the projection stops: the end of the last entry (or of now playing), the time the
 *                      channel ends or runs dry; 0 when the channel is not configured
 */
public record ProjectedSchedule(NowPlaying nowPlaying, List<Entry> upNext, Horizon horizon, long horizonMicros) {

    public static final int DEFAULT_MAX_ITEMS = 20;

    /** Item passes the projection may walk through before giving up (a state far behind the clock). */
    static final int MAX_STEPS = 10_000;

    public ProjectedSchedule {
        upNext = List.copyOf(upNext);
        Objects.requireNonNull(horizon, "horizon");
    }

    /** Why the projection stops. */
    public enum Horizon {
        /** The last entry (or now playing, when nothing follows) repeats until a command changes it. */
        LOOPS,
        /** The channel ends (EndChannel) at {@code horizonMicros}. */
        ENDS,
        /** Nothing is left to air from {@code horizonMicros} on (no item, no filler, no last item), or the
         * channel is not configured. */
        IDLE,
        /** The list was cut at the maximum number of entries; programming goes on. */
        MORE,
        /** A live relay airs from {@code horizonMicros}; its end cannot be projected. */
        LIVE
    }

    /**
     * The item airing at the time asked.
     *
     * @param layer          "queue", or the id of the interrupt or alert it airs for; null when unknown
     * @param segmentIndex   the index in the asset of the segment airing; null when unknown (the item's playhead
     *                       was dropped by a command applied ahead of the next boundary)
     * @param positionMicros how far into the item: the durations from its in point to the airing segment, plus the
     *                       time into that segment; null when unknown
     * @param endsAtMicros   when this pass of the item ends: after its last segment, or where it is cut (an alert's
     *                       end, a command applied ahead of the next boundary)
     * @param fallback       it airs because nothing else is queued (the filler, or the last item looping)
     * @param loops          it repeats after this pass until a command changes it
     */
    public record NowPlaying(String itemId, String title, ItemKind kind, String layer, Integer segmentIndex,
                             Long positionMicros, long endsAtMicros, boolean fallback, boolean loops) {
    }

    /**
     * One pass of an item, as projected.
     *
     * @param layer     "queue", or the id of the interrupt or alert it airs for
     * @param fromIndex the asset index of its first segment (above the in point when it resumes after a cut)
     * @param toIndex   the asset index after its last segment (below the out point when an alert's end cuts it)
     * @param fallback  it airs because nothing else is queued (the filler, or the last item looping)
     * @param loops     it repeats after this pass until a command changes it; the list stops here
     */
    public record Entry(String itemId, String title, ItemKind kind, String layer, long startMicros, long endMicros,
                        int fromIndex, int toIndex, boolean fallback, boolean loops) {

        public long durationMicros() {
            return endMicros - startMicros;
        }
    }

    /** The projection at {@code nowMicros} with up to {@value #DEFAULT_MAX_ITEMS} entries up next. */
    public static ProjectedSchedule at(ChannelState state, long nowMicros) {
        return at(state, nowMicros, DEFAULT_MAX_ITEMS);
    }

    /**
     * The projection at {@code nowMicros}. A time before the last aired segment's air time counts as that air
     * time (the window says that segment airs), so a clock a little behind the processor's still sees it.
     */
    public static ProjectedSchedule at(ChannelState state, long nowMicros, int maxItems) {
        Objects.requireNonNull(state, "state");
        if (maxItems < 0) {
            throw new IllegalArgumentException("maxItems must be >= 0");
        }
        if (!state.configured()) {
            return new ProjectedSchedule(null, List.of(), Horizon.IDLE, 0);
        }
        List<ScheduleRun> runs = new ArrayList<>();
        ScheduleRun aired = airedRun(state);
        long now = nowMicros;
        if (aired != null) {
            runs.add(aired);
            now = Math.max(now, aired.anchorMicros);
        }
        Horizon horizon = null;
        long horizonMicros = state.nextAirMicros();
        if (state.ended()) {
            horizon = Horizon.ENDS;
        } else if (state.idle()) {
            horizon = Horizon.IDLE;
        }

        // A copy without the scheduled commands: the projection never applies them.
        ChannelState s = new ChannelState(state.channelId(), state.config(), state.nextAirMicros(),
                state.nextMediaSequence(), state.discontinuitySequence(), state.window(), state.layers(),
                state.waiting(), List.of(), state.commandsScheduled(), state.lastItem(),
                state.pendingDiscontinuity(), state.idle(), state.endAfterCurrent(), state.ended());
        long t = state.nextAirMicros();
        ScheduleRun open = aired;
        int steps = 0;
        while (horizon == null) {
            // Enough entries, once the last one is a whole pass after now (now playing may yet continue).
            boolean enough = open != null && open.startMicros > now && startingAfter(runs, now) >= maxItems;
            if (enough || ++steps > MAX_STEPS) {
                horizon = Horizon.MORE;
                horizonMicros = t;
                break;
            }
            s = Layers.endAlertsDue(s, t);
            ChannelState r = Layers.resolve(s);
            if (r == null || r.ended()) {
                horizon = r == null ? Horizon.IDLE : Horizon.ENDS;
                horizonMicros = t;
                break;
            }
            Layer top = r.top();
            Playhead playhead = top.current();
            Item item = playhead.item();
            if (!(item.source() instanceof VodAsset asset)) {
                horizon = Horizon.LIVE;
                horizonMicros = t;
                break;
            }
            int from = playhead.nextIndex();
            int to = from;
            long end = t;
            if (top.isAlert()) {
                // An alert ends at the first boundary at or after its end time, mid-item if need be.
                while (to < item.outPoint() && end < top.endsAtMicros()) {
                    end += asset.durationMicros(to);
                    to++;
                }
            } else {
                to = item.outPoint();
                end = t + asset.span(from, to);
            }
            // Only a command (which the projection does not see) stops a loop on a layer without an end time.
            boolean loopsForever = item.loop() && !top.isAlert();
            boolean continues = open != null && !r.pendingDiscontinuity() && open.itemId.equals(item.itemId())
                    && (open.toIndex == null || open.toIndex == from);
            if (continues) {
                open.toIndex = to;
                open.endMicros = end;
                open.loops = loopsForever;
                if (open.item == null) {
                    open.item = item;
                }
            } else {
                open = ScheduleRun.projected(item, top.id(), playhead.fallback(), from, to, t, end,
                        loopsForever);
                runs.add(open);
            }
            s = passed(r, top.withCurrent(new Playhead(item, to, playhead.fallback())), end, to - from);
            t = end;
            if (loopsForever) {
                horizon = Horizon.LOOPS;
                horizonMicros = end;
            }
        }
        return assemble(runs, now, maxItems, horizon, horizonMicros);
    }

    private static ProjectedSchedule assemble(List<ScheduleRun> runs, long now, int maxItems, Horizon horizon,
                                              long horizonMicros) {
        NowPlaying nowPlaying = null;
        List<Entry> upNext = new ArrayList<>();
        for (ScheduleRun run : runs) {
            if (run.startMicros > now) {
                if (upNext.size() < maxItems) {
                    upNext.add(new Entry(run.itemId, run.title, run.kind, run.layer, run.startMicros, run.endMicros,
                            run.fromIndex, run.toIndex, run.fallback, run.loops));
                }
            } else if (run.endMicros > now && nowPlaying == null) {
                ScheduleRun.Position at = run.positionAt(now);
                nowPlaying = new NowPlaying(run.itemId, run.title, run.kind, run.layer,
                        at == null ? null : at.index(), at == null ? null : at.micros(), run.endMicros, run.fallback,
                        run.loops);
            }
        }
        return new ProjectedSchedule(nowPlaying, upNext, horizon, horizonMicros);
    }

    private static int startingAfter(List<ScheduleRun> runs, long now) {
        int count = 0;
        for (ScheduleRun run : runs) {
            if (run.startMicros > now) {
                count++;
            }
        }
        return count;
    }

    /**
     * The pass that aired the window's last segment. Its playhead is the topmost one on that item that has aired
     * a segment; a command applied ahead of the next boundary (skip, replace now) may have dropped it, and then
     * only the segment itself is known.
     */
    private static ScheduleRun airedRun(ChannelState state) {
        List<ChannelSegment> window = state.window();
        if (window.isEmpty()) {
            return null;
        }
        ChannelSegment last = window.get(window.size() - 1);
        for (int i = state.layers().size() - 1; i >= 0; i--) {
            Layer layer = state.layers().get(i);
            Playhead playhead = layer.current();
            if (playhead != null && playhead.item().itemId().equals(last.itemId())
                    && playhead.nextIndex() > playhead.item().inPoint()
                    && playhead.item().source() instanceof VodAsset) {
                return ScheduleRun.aired(last, playhead.item(), layer.id(), playhead.fallback(),
                        playhead.nextIndex() - 1);
            }
        }
        return ScheduleRun.aired(last, null, null, false, null);
    }

    /** The state after airing {@code segments} segments of the top layer's playhead, ending at {@code airMicros}. */
    private static ChannelState passed(ChannelState r, Layer top, long airMicros, int segments) {
        List<Layer> layers = new ArrayList<>(r.layers());
        layers.set(layers.size() - 1, top);
        return new ChannelState(r.channelId(), r.config(), airMicros, r.nextMediaSequence() + segments,
                r.discontinuitySequence(), r.window(), layers, r.waiting(), r.scheduled(), r.commandsScheduled(),
                r.lastItem(), false, r.idle(), r.endAfterCurrent(), r.ended());
    }
}
