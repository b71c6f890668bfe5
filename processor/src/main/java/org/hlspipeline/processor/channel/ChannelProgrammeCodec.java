package org.hlspipeline.processor.channel;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.apache.avro.message.BinaryMessageDecoder;
import org.hlspipeline.processor.playout.Playhead;
import org.hlspipeline.processor.playout.ChannelState;
import org.hlspipeline.processor.playout.Item;
import org.hlspipeline.processor.playout.Layer;
import org.hlspipeline.processor.playout.PlayoutCommand;
import org.hlspipeline.processor.playout.ResumePolicy;
import org.hlspipeline.processor.playout.ScheduledCommand;
import org.hlspipeline.schemas.state.PlayheadState;
import org.hlspipeline.schemas.state.CancelAlertState;
import org.hlspipeline.schemas.state.ChannelProgrammeRecord;
import org.hlspipeline.schemas.state.LayerItemsState;
import org.hlspipeline.schemas.state.LayerState;
import org.hlspipeline.schemas.state.ScheduledCommandState;
import org.hlspipeline.schemas.state.StartAlertState;
import org.hlspipeline.processor.kafka.StateCodec;

/**
 * The programme record of a channel (see {@link ChannelStateCodec}). Items and waiting commands are kept as the
 * command topic's own Avro types, so the state says what the scheduler sent in the scheduler's words, and evolves
 * with the same schema rules.
 */
final class ChannelProgrammeCodec {

    /** Reads programmes written by every release: v1 is the one before renditions had media. */
    private static final BinaryMessageDecoder<ChannelProgrammeRecord> DECODER = StateCodec.decoderOf(
            ChannelProgrammeRecord.getClassSchema(), ChannelProgrammeRecord.class, "ChannelProgrammeRecord-v1.avsc");

    private ChannelProgrammeCodec() {
    }

    static byte[] encode(ChannelState s) {
        List<LayerItemsState> layers = new ArrayList<>(s.layers().size());
        for (Layer l : s.layers()) {
            layers.add(new LayerItemsState(items(l.items()), items(l.cycle())));
        }
        List<ScheduledCommandState> scheduled = new ArrayList<>(s.scheduled().size());
        for (ScheduledCommand c : s.scheduled()) {
            scheduled.add(new ScheduledCommandState(c.effectiveMicros(), c.order(), commandId(c.command()),
                    payload(c.command())));
        }
        return StateCodec.encodeRecord(ChannelProgrammeRecord.getEncoder(),
                new ChannelProgrammeRecord(layers, layers(s.waiting()), scheduled));
    }

    /** A stored programme, decoded once, when a deferred list of the channel first needs it. */
    static final class Source {

        private final String channelId;
        private final Supplier<byte[]> bytes;
        private volatile ChannelProgrammeRecord record;

        Source(String channelId, Supplier<byte[]> bytes) {
            this.channelId = channelId;
            this.bytes = bytes;
        }

        List<Item> items(int layer) {
            return fromItems(record().getLayers().get(layer).getItems());
        }

        List<Item> cycle(int layer) {
            return fromItems(record().getLayers().get(layer).getCycle());
        }

        List<Layer> waiting() {
            return fromLayers(record().getWaiting());
        }

        List<ScheduledCommand> scheduled() {
            List<ScheduledCommand> out = new ArrayList<>(record().getScheduled().size());
            for (ScheduledCommandState c : record().getScheduled()) {
                out.add(new ScheduledCommand(c.getEffectiveMicros(), c.getOrder(),
                        command(c.getCommandId(), c.getCommand())));
            }
            return out;
        }

        private ChannelProgrammeRecord record() {
            ChannelProgrammeRecord r = record;
            if (r == null) {
                byte[] stored = bytes.get();
                if (stored == null) {
                    throw new IllegalStateException("channel " + channelId + " has queued items, waiting layers or "
                            + "scheduled commands, but no programme record");
                }
                r = StateCodec.decodeRecord(DECODER, stored);
                record = r;
            }
            return r;
        }
    }

    private static List<org.hlspipeline.schemas.channel.Item> items(List<Item> items) {
        return items.stream().map(ItemMapper::toAvro).toList();
    }

    private static List<Item> fromItems(List<org.hlspipeline.schemas.channel.Item> items) {
        return items.stream().map(ItemMapper::fromAvro).toList();
    }

    private static List<LayerState> layers(List<Layer> layers) {
        List<LayerState> out = new ArrayList<>(layers.size());
        for (Layer l : layers) {
            out.add(new LayerState(l.id(), l.priority(), l.policy().name(), toRecord(l.current()),
                    items(l.items()), items(l.cycle()), l.endsAtMicros(), l.startedAtMicros()));
        }
        return out;
    }

    private static List<Layer> fromLayers(List<LayerState> layers) {
        List<Layer> out = new ArrayList<>(layers.size());
        for (LayerState l : layers) {
            out.add(new Layer(l.getId(), l.getPriority(), ResumePolicy.valueOf(l.getPolicy()),
                    fromRecord(l.getCurrent()), fromItems(l.getItems()), fromItems(l.getCycle()),
                    l.getEndsAtMicros(), l.getStartedAtMicros()));
        }
        return out;
    }

    private static String commandId(PlayoutCommand command) {
        if (command instanceof PlayoutCommand.Interrupt i) {
            return i.id();
        }
        if (command instanceof PlayoutCommand.StartAlert a) {
            return a.alertId();
        }
        if (command instanceof PlayoutCommand.CancelAlert c) {
            return c.alertId();
        }
        return "";
    }

    private static Object payload(PlayoutCommand command) {
        if (command instanceof PlayoutCommand.StartAlert a) {
            return new StartAlertState(items(a.items()), a.priority(), a.after().name(), a.endsAtMicros());
        }
        if (command instanceof PlayoutCommand.CancelAlert) {
            return new CancelAlertState();
        }
        return ChannelCommandMapper.toAvroPayload(command);
    }

    private static PlayoutCommand command(String commandId, Object payload) {
        if (payload instanceof StartAlertState a) {
            return new PlayoutCommand.StartAlert(commandId, fromItems(a.getItems()), a.getPriority(),
                    ResumePolicy.valueOf(a.getAfter()), a.getEndsAtMicros());
        }
        if (payload instanceof CancelAlertState) {
            return new PlayoutCommand.CancelAlert(commandId);
        }
        return ChannelCommandMapper.toDomain(commandId, payload);
    }

    /** A layer's playhead: in the timeline, which every boundary rewrites, and with each waiting layer. */
    static PlayheadState toRecord(Playhead p) {
        return p == null ? null : new PlayheadState(ItemMapper.toAvro(p.item()), p.nextIndex(), p.fallback(),
                p.liveSequence(), p.liveAiredMicros(), p.stallIndex());
    }

    static Playhead fromRecord(PlayheadState p) {
        return p == null ? null : new Playhead(ItemMapper.fromAvro(p.getItem()), p.getNextIndex(), p.getFallback(),
                p.getLiveSequence(), p.getLiveAiredMicros(), p.getStallIndex());
    }
}
