package org.hlspipeline.channel;

import java.util.ArrayList;
import java.util.List;

import org.hlspipeline.playout.AdBreak;
import org.hlspipeline.playout.AdMarkers;
import org.hlspipeline.playout.ChannelConfig;
import org.hlspipeline.playout.ChannelSegment;
import org.hlspipeline.playout.ChannelState;
import org.hlspipeline.playout.ItemKind;
import org.hlspipeline.playout.LadderRendition;
import org.hlspipeline.playout.Layer;
import org.hlspipeline.playout.Playhead;
import org.hlspipeline.playout.PlayoutCommand;
import org.hlspipeline.playout.ResumePolicy;
import org.hlspipeline.playout.ScheduledCommand;
import org.hlspipeline.schemas.state.AdBreakState;
import org.hlspipeline.schemas.state.CancelAlertState;
import org.hlspipeline.schemas.state.ChannelConfigState;
import org.hlspipeline.schemas.state.ChannelSegmentState;
import org.hlspipeline.schemas.state.ChannelStateRecord;
import org.hlspipeline.schemas.state.LayerState;
import org.hlspipeline.schemas.state.PlayheadState;
import org.hlspipeline.schemas.state.ScheduledCommandState;
import org.hlspipeline.schemas.state.StartAlertState;
import org.hlspipeline.store.StateCodec;

/**
 * The channels store's codec. Items and waiting commands are kept as the command topic's own Avro types, so the
 * state says what the scheduler sent in the scheduler's words, and evolves with the same schema rules.
 */
public final class ChannelStateCodec {

    public static final StateCodec<ChannelState, ChannelStateRecord> CHANNEL = new StateCodec<>(
            ChannelStateRecord.getEncoder(), ChannelStateRecord.getDecoder(),
            ChannelStateCodec::toRecord, ChannelStateCodec::fromRecord);

    private ChannelStateCodec() {
    }

    static ChannelStateRecord toRecord(ChannelState s) {
        List<ChannelSegmentState> window = new ArrayList<>(s.window().size());
        for (ChannelSegment seg : s.window()) {
            window.add(new ChannelSegmentState(seg.mediaSequence(), seg.airTimeMicros(), seg.durationMicros(),
                    seg.uris(), seg.discontinuity(), seg.itemId(),
                    org.hlspipeline.schemas.channel.ItemKind.valueOf(seg.kind().name()), seg.title(),
                    seg.adBreak() == null ? null : new AdBreakState(seg.adBreak().firstSequence(),
                            seg.adBreak().startMicros(), seg.adBreak().plannedMicros())));
        }
        List<ScheduledCommandState> scheduled = new ArrayList<>(s.scheduled().size());
        for (ScheduledCommand c : s.scheduled()) {
            scheduled.add(new ScheduledCommandState(c.effectiveMicros(), c.order(), commandId(c.command()),
                    payload(c.command())));
        }
        return new ChannelStateRecord(s.channelId(), s.config() == null ? null : toRecord(s.config()),
                s.nextAirMicros(), s.nextMediaSequence(), s.discontinuitySequence(), window,
                layers(s.layers()), layers(s.waiting()), scheduled, s.commandsScheduled(),
                s.lastItem() == null ? null : ItemMapper.toAvro(s.lastItem()), s.pendingDiscontinuity(), s.idle(),
                s.endAfterCurrent(), s.ended());
    }

    static ChannelState fromRecord(ChannelStateRecord r) {
        List<ChannelSegment> window = new ArrayList<>(r.getWindow().size());
        for (ChannelSegmentState seg : r.getWindow()) {
            window.add(new ChannelSegment(seg.getMediaSequence(), seg.getAirTimeMicros(), seg.getDurationMicros(),
                    seg.getUris(), seg.getDiscontinuity(), seg.getItemId(), ItemKind.valueOf(seg.getKind().name()),
                    seg.getTitle(), seg.getAdBreak() == null ? null : new AdBreak(seg.getAdBreak().getFirstSequence(),
                            seg.getAdBreak().getStartMicros(), seg.getAdBreak().getPlannedMicros())));
        }
        List<ScheduledCommand> scheduled = new ArrayList<>(r.getScheduled().size());
        for (ScheduledCommandState c : r.getScheduled()) {
            scheduled.add(new ScheduledCommand(c.getEffectiveMicros(), c.getOrder(),
                    command(c.getCommandId(), c.getCommand())));
        }
        return new ChannelState(r.getChannelId(), r.getConfig() == null ? null : fromRecord(r.getConfig()),
                r.getNextAirMicros(), r.getNextMediaSequence(), r.getDiscontinuitySequence(), window,
                fromLayers(r.getLayers()), fromLayers(r.getWaiting()), scheduled, r.getCommandsScheduled(),
                r.getLastItem() == null ? null : ItemMapper.fromAvro(r.getLastItem()), r.getPendingDiscontinuity(),
                r.getIdle(), r.getEndAfterCurrent(), r.getEnded());
    }

    private static ChannelConfigState toRecord(ChannelConfig c) {
        List<org.hlspipeline.schemas.channel.LadderRendition> ladder = new ArrayList<>();
        for (LadderRendition l : c.ladder()) {
            ladder.add(new org.hlspipeline.schemas.channel.LadderRendition(l.name(), l.bandwidth(),
                    l.averageBandwidth(), l.resolution(), l.codecs(), l.frameRate()));
        }
        return new ChannelConfigState(ladder, c.windowSize(), c.targetDurationSeconds(),
                c.filler() == null ? null : ItemMapper.toAvro(c.filler()), c.programDateTime(),
                org.hlspipeline.schemas.channel.AdMarkers.valueOf(c.adMarkers().name()));
    }

    private static ChannelConfig fromRecord(ChannelConfigState c) {
        List<LadderRendition> ladder = new ArrayList<>();
        for (org.hlspipeline.schemas.channel.LadderRendition l : c.getLadder()) {
            ladder.add(new LadderRendition(l.getName(), l.getBandwidth(), l.getAverageBandwidth(),
                    l.getResolution(), l.getCodecs(), l.getFrameRate()));
        }
        return new ChannelConfig(ladder, c.getWindowSize(), c.getTargetDurationSeconds(),
                c.getFiller() == null ? null : ItemMapper.fromAvro(c.getFiller()), c.getProgramDateTime(),
                AdMarkers.valueOf(c.getAdMarkers().name()));
    }

    private static List<LayerState> layers(List<Layer> layers) {
        List<LayerState> out = new ArrayList<>(layers.size());
        for (Layer l : layers) {
            Playhead p = l.current();
            out.add(new LayerState(l.id(), l.priority(), l.policy().name(),
                    p == null ? null : new PlayheadState(ItemMapper.toAvro(p.item()), p.nextIndex(), p.fallback(),
                            p.liveSequence(), p.liveAiredMicros(), p.stallIndex()),
                    l.items().stream().map(ItemMapper::toAvro).toList(),
                    l.cycle().stream().map(ItemMapper::toAvro).toList(), l.endsAtMicros(), l.startedAtMicros()));
        }
        return out;
    }

    private static List<Layer> fromLayers(List<LayerState> layers) {
        List<Layer> out = new ArrayList<>(layers.size());
        for (LayerState l : layers) {
            PlayheadState p = l.getCurrent();
            out.add(new Layer(l.getId(), l.getPriority(), ResumePolicy.valueOf(l.getPolicy()),
                    p == null ? null : new Playhead(ItemMapper.fromAvro(p.getItem()), p.getNextIndex(),
                            p.getFallback(), p.getLiveSequence(), p.getLiveAiredMicros(), p.getStallIndex()),
                    l.getItems().stream().map(ItemMapper::fromAvro).toList(),
                    l.getCycle().stream().map(ItemMapper::fromAvro).toList(), l.getEndsAtMicros(),
                    l.getStartedAtMicros()));
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
            return new StartAlertState(a.items().stream().map(ItemMapper::toAvro).toList(), a.priority(),
                    a.after().name(), a.endsAtMicros());
        }
        if (command instanceof PlayoutCommand.CancelAlert) {
            return new CancelAlertState();
        }
        return ChannelCommandMapper.toAvroPayload(command);
    }

    private static PlayoutCommand command(String commandId, Object payload) {
        if (payload instanceof StartAlertState a) {
            return new PlayoutCommand.StartAlert(commandId, a.getItems().stream().map(ItemMapper::fromAvro).toList(),
                    a.getPriority(), ResumePolicy.valueOf(a.getAfter()), a.getEndsAtMicros());
        }
        if (payload instanceof CancelAlertState) {
            return new PlayoutCommand.CancelAlert(commandId);
        }
        return ChannelCommandMapper.toDomain(commandId, payload);
    }
}
