package org.hlspipeline.processor.playout;

import java.util.ArrayList;
import java.util.List;

/** Which playhead airs next: item changes, loops, fallbacks, and layers (interrupts, alerts) starting and ending. */
final class Layers {

    private Layers() {
    }

    /**
     * The state with a playhead on the top layer ready to air its next segment, or null when there is nothing to
     * air at all (no item, no filler, no last item), or an ended state.
     */
    static ChannelState resolve(ChannelState state) {
        return resolve(state, LiveFeed.NONE);
    }

    static ChannelState resolve(ChannelState state, LiveFeed feed) {
        ChannelState s = state;
        while (true) {
            Layer top = s.top();
            Playhead current = top.current();
            if (current != null && current.live() && !current.finished() && !streamOver(s, current, feed)) {
                return s;
            }
            if (current != null && !current.live() && !current.finished()) {
                if (top.isBase() && current.fallback() && !top.items().isEmpty()) {
                    s = s.withTop(top.withCurrent(null));
                    continue;
                }
                return s;
            }
            if (current != null && current.item().loop() && !current.live()) {
                s = s.withTop(top.withCurrent(current.wrapped()));
                if (!current.item().continuousTimestamps()) {
                    s = s.withDiscontinuity();
                }
                return s;
            }
            if (top.isBase() && current != null && s.endAfterCurrent()) {
                return s.withEnd(false, true);
            }
            if (top.hasNext()) {
                Layer started = top.startNext();
                s = s.withTop(started).withDiscontinuity();
                if (top.isBase()) {
                    s = s.withLastItem(started.current().item());
                }
                continue;
            }
            if (!top.isBase()) {
                s = pop(s, s.nextAirMicros());
                continue;
            }
            if (s.endAfterCurrent()) {
                return s.withEnd(false, true);
            }
            Item fallback = s.config().filler() != null ? s.config().filler() : s.lastItem();
            if (fallback == null) {
                return null;
            }
            s = s.withTop(top.withCurrent(Playhead.fallback(fallback))).withDiscontinuity();
        }
    }

    /** A relayed stream that has ended and has nothing more to relay. */
    private static boolean streamOver(ChannelState s, Playhead playhead, LiveFeed feed) {
        String streamId = ((LiveStream) playhead.item().source()).streamId();
        if (!feed.ended(streamId)) {
            return false;
        }
        long next = playhead.liveSequence();
        return feed.span(streamId, s.config().renditionNames())
                .map(span -> next < 0 || next > span.newest()).orElse(true);
    }

    /** Pushes an interrupt or alert layer when it outranks what airs; otherwise it waits its turn. */
    static ChannelState offer(ChannelState s, Layer layer, long atMicros) {
        if (layer.priority() <= s.top().priority()) {
            List<Layer> waiting = new ArrayList<>(s.waiting());
            int at = 0;
            while (at < waiting.size() && waiting.get(at).priority() >= layer.priority()) {
                at++;
            }
            waiting.add(at, layer);
            return s.withWaiting(waiting);
        }
        ChannelState base = s;
        if (layer.policy() == ResumePolicy.REPLACE) {
            base = base.withBase(base.base().withItems(List.of()).withCurrent(null));
        }
        List<Layer> layers = new ArrayList<>(base.layers());
        layers.add(new Layer(layer.id(), layer.priority(), layer.policy(), layer.current(), layer.items(),
                layer.cycle(), layer.endsAtMicros(), atMicros));
        return base.withLayers(layers).withDiscontinuity();
    }

    /** Ends the top layer and goes on below it by its policy; then the best waiting layer may start. */
    static ChannelState pop(ChannelState s, long atMicros) {
        Layer done = s.top();
        List<Layer> layers = new ArrayList<>(s.layers().subList(0, s.layers().size() - 1));
        ChannelState below = s.withLayers(layers).withDiscontinuity();
        below = switch (done.policy()) {
            case RESUME -> below;
            case SKIP -> below.withTop(below.top().withCurrent(null));
            // The interrupt's items became the programming: once they are done, the last of them is what loops
            // when there is no filler, not the item that was cut.
            case REPLACE -> done.current() == null ? below.withTop(below.top().withCurrent(null))
                    : below.withTop(below.top().withCurrent(null)).withLastItem(done.current().item());
            case JOIN_IN_PROGRESS -> joinInProgress(below, done.startedAtMicros(), atMicros);
        };
        return startWaiting(below, atMicros);
    }

    private static ChannelState startWaiting(ChannelState s, long atMicros) {
        List<Layer> waiting = new ArrayList<>();
        for (Layer layer : s.waiting()) {
            if (!layer.isAlert() || layer.endsAtMicros() > atMicros) {
                waiting.add(layer);
            }
        }
        if (waiting.isEmpty() || waiting.get(0).priority() <= s.top().priority()) {
            return s.withWaiting(waiting);
        }
        Layer next = waiting.remove(0);
        return offer(s.withWaiting(waiting), next, atMicros);
    }

    /** Alerts whose time is up end at this boundary, whatever they were airing. */
    static ChannelState endAlertsDue(ChannelState s, long boundaryMicros) {
        ChannelState state = s;
        while (state.top().isAlert() && state.top().endsAtMicros() <= boundaryMicros) {
            state = pop(state, boundaryMicros);
        }
        return state;
    }

    /** Removes a layer by id, airing or waiting; an airing one ends at this boundary by its policy. */
    static ChannelState cancel(ChannelState s, String id, long atMicros) {
        List<Layer> waiting = s.waiting().stream().filter(l -> !l.id().equals(id)).toList();
        ChannelState state = s.withWaiting(waiting);
        for (int i = state.layers().size() - 1; i > 0; i--) {
            if (state.layers().get(i).id().equals(id)) {
                if (i == state.layers().size() - 1) {
                    return pop(state, atMicros);
                }
                List<Layer> layers = new ArrayList<>(state.layers());
                layers.remove(i);
                return state.withLayers(layers);
            }
        }
        return state;
    }

    /**
     * Where the programming below a finished alert would be had the alert not aired: the layers below run dry
     * (nothing is emitted) for as long as the alert aired, and programming continues from there.
     */
    static ChannelState joinInProgress(ChannelState below, long fromMicros, long toMicros) {
        ChannelState dry = below;
        long time = fromMicros;
        while (true) {
            ChannelState resolved = resolve(dry, LiveFeed.NONE);
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
