package org.hlspipeline.processor.playout;

/** What each command does to a channel at the boundary it takes effect at. */
final class PlayoutCommands {

    private PlayoutCommands() {
    }

    static ChannelState apply(ChannelState s, PlayoutCommand command, long atMicros) {
        if (command instanceof PlayoutCommand.Configure c) {
            return configure(s, c.config(), atMicros);
        }
        if (!s.configured() || s.ended()) {
            return s;
        }
        ChannelState state = s.idle() ? s.withIdle(false, atMicros) : s;
        if (command instanceof PlayoutCommand.Enqueue e) {
            return state.withBase(state.base().appended(e.items(), e.next()));
        }
        if (command instanceof PlayoutCommand.Replace r) {
            return replace(state, r);
        }
        if (command instanceof PlayoutCommand.Interrupt i) {
            return Layers.offer(state, Layer.interrupt(i.id(), i.items(), i.priority(), i.policy(), atMicros),
                    atMicros);
        }
        if (command instanceof PlayoutCommand.Skip) {
            return state.withTop(state.top().withCurrent(null));
        }
        if (command instanceof PlayoutCommand.Remove r) {
            return state.withBase(state.base().withItems(state.base().items().stream()
                    .filter(item -> !item.itemId().equals(r.itemId())).toList()));
        }
        if (command instanceof PlayoutCommand.End e) {
            return state.withEnd(e.afterCurrent(), !e.afterCurrent());
        }
        if (command instanceof PlayoutCommand.StartAlert a) {
            // An alert over by now, or one whose items lack a rendition of this channel's ladder, does not air
            // here; the other channels it targets air it all the same.
            if (a.endsAtMicros() <= atMicros || !coversLadder(a.items(), state.config())) {
                return state;
            }
            return Layers.offer(state,
                    Layer.alert(a.alertId(), a.items(), a.priority(), a.after(), atMicros, a.endsAtMicros()),
                    atMicros);
        }
        if (command instanceof PlayoutCommand.CancelAlert c) {
            return Layers.cancel(state, c.alertId(), atMicros);
        }
        throw new IllegalArgumentException("unknown command " + command);
    }

    /**
     * The first configuration anchors the channel's timeline. Later ones change what players are told, but never
     * the target duration, which a live playlist may not change (RFC 8216 6.2.1).
     */
    private static ChannelState configure(ChannelState s, ChannelConfig config, long atMicros) {
        ChannelConfig effective = !s.configured() ? config : new ChannelConfig(config.ladder(), config.windowSize(),
                s.config().targetDurationSeconds(), config.filler(), config.programDateTime(), config.adMarkers());
        ChannelState configured = s.withConfig(effective, atMicros);
        return configured.idle() ? configured.withIdle(false, atMicros) : configured;
    }

    private static boolean coversLadder(java.util.List<Item> items, ChannelConfig config) {
        for (Item item : items) {
            if (item.source() instanceof VodAsset asset && !asset.renditionNames().containsAll(config.renditionNames())) {
                return false;
            }
        }
        return true;
    }

    private static ChannelState replace(ChannelState s, PlayoutCommand.Replace r) {
        Layer base = s.base();
        if (r.afterCurrent()) {
            Playhead current = base.current();
            Playhead ending = current == null || current.fallback() ? null : current.endingAfterThisPass();
            return s.withBase(base.withItems(r.items()).withCurrent(ending));
        }
        ChannelState replaced = s.withBase(base.withItems(r.items()).withCurrent(null));
        return s.layers().size() == 1 ? replaced.withDiscontinuity() : replaced;
    }
}
