package org.hlspipeline.processor.playout;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything a channel is: its configuration, its programming (layers of queue, interrupts and alerts), the
 * commands waiting for their boundary, and the output window that players see. An immutable value: only
 * {@link Playout} changes it, as pure functions of commands and time.
 *
 * @param nextAirMicros         air time of the next segment (epoch µs); 0 before the channel is configured
 * @param nextMediaSequence     the media sequence number the next aired segment gets; never reused
 * @param discontinuitySequence discontinuity tags that have slid out of the window
 * @param layers                index 0 is the queue; the last one airs
 * @param waiting               interrupts and alerts that may not preempt what airs, by priority then arrival
 * @param lastItem              the last item the queue started, looped when there is neither queue nor filler
 * @param pendingDiscontinuity  the next aired segment starts a new item, a wrap or a resume
 * @param idle                  nothing to air (no item, no filler, no last item): the timeline waits
 */
public record ChannelState(String channelId, ChannelConfig config, long nextAirMicros, long nextMediaSequence,
                           long discontinuitySequence, List<ChannelSegment> window, List<Layer> layers,
                           List<Layer> waiting, List<ScheduledCommand> scheduled, long commandsScheduled,
                           Item lastItem, boolean pendingDiscontinuity, boolean idle, boolean endAfterCurrent,
                           boolean ended) {

    public ChannelState {
        Objects.requireNonNull(channelId, "channelId");
        window = List.copyOf(window);
        layers = List.copyOf(layers);
        waiting = DeferredList.immutable(waiting);
        scheduled = DeferredList.immutable(scheduled);
        if (layers.isEmpty() || !layers.get(0).isBase()) {
            throw new IllegalArgumentException("the queue is always the first layer");
        }
    }

    public static ChannelState create(String channelId) {
        return new ChannelState(channelId, null, 0, 0, 0, List.of(), List.of(Layer.base()), List.of(), List.of(),
                0, null, false, false, false, false);
    }

    public boolean configured() {
        return config != null;
    }

    public Layer base() {
        return layers.get(0);
    }

    public Layer top() {
        return layers.get(layers.size() - 1);
    }

    /** The earliest time anything is due: the next boundary, or the next command when the timeline waits. */
    public long nextDueMicros() {
        long command = scheduled.isEmpty() ? Long.MAX_VALUE : scheduled.get(0).effectiveMicros();
        if (ended || !configured() || idle) {
            return command;
        }
        return Math.min(command, nextAirMicros);
    }

    // --- withers used by Playout; each returns a new state ---

    ChannelState withConfig(ChannelConfig newConfig, long anchorMicros) {
        return new ChannelState(channelId, newConfig, nextAirMicros == 0 ? anchorMicros : nextAirMicros,
                nextMediaSequence, discontinuitySequence, window, layers, waiting, scheduled, commandsScheduled,
                lastItem, pendingDiscontinuity, idle, endAfterCurrent, ended);
    }

    ChannelState withLayers(List<Layer> newLayers) {
        return new ChannelState(channelId, config, nextAirMicros, nextMediaSequence, discontinuitySequence, window,
                newLayers, waiting, scheduled, commandsScheduled, lastItem, pendingDiscontinuity, idle,
                endAfterCurrent, ended);
    }

    ChannelState withTop(Layer top) {
        List<Layer> list = new ArrayList<>(layers);
        list.set(list.size() - 1, top);
        return withLayers(list);
    }

    ChannelState withBase(Layer base) {
        List<Layer> list = new ArrayList<>(layers);
        list.set(0, base);
        return withLayers(list);
    }

    ChannelState withWaiting(List<Layer> newWaiting) {
        return new ChannelState(channelId, config, nextAirMicros, nextMediaSequence, discontinuitySequence, window,
                layers, newWaiting, scheduled, commandsScheduled, lastItem, pendingDiscontinuity, idle,
                endAfterCurrent, ended);
    }

    ChannelState withScheduled(List<ScheduledCommand> newScheduled, long newCount) {
        return new ChannelState(channelId, config, nextAirMicros, nextMediaSequence, discontinuitySequence, window,
                layers, waiting, newScheduled, newCount, lastItem, pendingDiscontinuity, idle, endAfterCurrent,
                ended);
    }

    ChannelState withLastItem(Item item) {
        return new ChannelState(channelId, config, nextAirMicros, nextMediaSequence, discontinuitySequence, window,
                layers, waiting, scheduled, commandsScheduled, item, pendingDiscontinuity, idle, endAfterCurrent,
                ended);
    }

    ChannelState withDiscontinuity() {
        return new ChannelState(channelId, config, nextAirMicros, nextMediaSequence, discontinuitySequence, window,
                layers, waiting, scheduled, commandsScheduled, lastItem, true, idle, endAfterCurrent, ended);
    }

    ChannelState withIdle(boolean newIdle, long resumeAtMicros) {
        return new ChannelState(channelId, config, Math.max(nextAirMicros, resumeAtMicros), nextMediaSequence,
                discontinuitySequence, window, layers, waiting, scheduled, commandsScheduled, lastItem,
                pendingDiscontinuity || newIdle != idle, newIdle, endAfterCurrent, ended);
    }

    ChannelState withEnd(boolean afterCurrent, boolean now) {
        return new ChannelState(channelId, config, nextAirMicros, nextMediaSequence, discontinuitySequence, window,
                layers, waiting, scheduled, commandsScheduled, lastItem, pendingDiscontinuity, idle,
                endAfterCurrent || afterCurrent, ended || now);
    }

    ChannelState aired(ChannelSegment segment, List<ChannelSegment> newWindow, long newDiscontinuitySequence) {
        return new ChannelState(channelId, config, segment.endMicros(), segment.mediaSequence() + 1,
                newDiscontinuitySequence, newWindow, layers, waiting, scheduled, commandsScheduled, lastItem, false,
                idle, endAfterCurrent, ended);
    }
}
