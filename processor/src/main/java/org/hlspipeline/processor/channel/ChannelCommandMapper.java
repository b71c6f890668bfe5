package org.hlspipeline.processor.channel;

import org.hlspipeline.processor.kafka.RenditionRecords;
import org.hlspipeline.processor.rules.ChannelCommandRules;
import java.util.ArrayList;
import java.util.List;

import org.hlspipeline.processor.playout.AdMarkers;
import org.hlspipeline.processor.playout.ChannelConfig;
import org.hlspipeline.processor.playout.LadderRendition;
import org.hlspipeline.processor.playout.PlayoutCommand;
import org.hlspipeline.processor.playout.ResumePolicy;
import org.hlspipeline.schemas.channel.AfterAlert;
import org.hlspipeline.schemas.channel.Alert;
import org.hlspipeline.schemas.channel.ChannelCommand;
import org.hlspipeline.schemas.channel.ConfigureChannel;
import org.hlspipeline.schemas.channel.EndChannel;
import org.hlspipeline.schemas.channel.Enqueue;
import org.hlspipeline.schemas.channel.Interrupt;
import org.hlspipeline.schemas.channel.Position;
import org.hlspipeline.schemas.channel.RemoveItem;
import org.hlspipeline.schemas.channel.Replace;
import org.hlspipeline.schemas.channel.Skip;
import org.hlspipeline.schemas.channel.When;

/**
 * Channel commands between the Avro contract ({@code hls.channel-commands}, {@code hls.broadcasts}) and the
 * playout domain. Expects commands that {@link ChannelCommandRules} accepted; the domain's constructors throw on
 * what is not valid.
 *
 * <p>A {@link ConfigureChannel}'s null fields mean the defaults: window size {@value #DEFAULT_WINDOW_SIZE},
 * target duration {@value ChannelCommandRules#DEFAULT_TARGET_DURATION_SECONDS} s, program-date-time on, ad markers
 * DATERANGE, no filler. They are applied here whether or not the channel is configured already; a caller that
 * wants a re-configure's null fields to keep the channel's current values merges them itself. The target
 * duration of a configured channel never changes whatever a re-configure says (RFC 8216 6.2.1; the playout
 * engine keeps the first one).
 */
public final class ChannelCommandMapper {

    public static final int DEFAULT_WINDOW_SIZE = 6;
    public static final boolean DEFAULT_PROGRAM_DATE_TIME = true;
    public static final AdMarkers DEFAULT_AD_MARKERS = AdMarkers.DATERANGE;

    private ChannelCommandMapper() {
    }

    /** The command in the domain's words; an interrupt's id is the command id. */
    public static PlayoutCommand toDomain(ChannelCommand command) {
        return toDomain(command.getCommandId(), command.getPayload());
    }

    /**
     * A payload (a branch of {@link ChannelCommand}'s union) in the domain's words, with the command id that
     * names an interrupt; the inverse of {@link #toAvroPayload}.
     */
    public static PlayoutCommand toDomain(String commandId, Object payload) {
        if (payload instanceof ConfigureChannel c) {
            return new PlayoutCommand.Configure(config(c));
        }
        if (payload instanceof Enqueue e) {
            return new PlayoutCommand.Enqueue(ItemMapper.fromAvro(e.getItems()), e.getPosition() == Position.NEXT);
        }
        if (payload instanceof Replace r) {
            return new PlayoutCommand.Replace(ItemMapper.fromAvro(r.getItems()), r.getWhen() == When.AFTER_CURRENT);
        }
        if (payload instanceof Interrupt i) {
            return new PlayoutCommand.Interrupt(commandId, ItemMapper.fromAvro(i.getItems()), i.getPriority(),
                    ResumePolicy.valueOf(i.getResume().name()));
        }
        if (payload instanceof Skip) {
            return new PlayoutCommand.Skip();
        }
        if (payload instanceof RemoveItem r) {
            return new PlayoutCommand.Remove(r.getItemId());
        }
        if (payload instanceof EndChannel e) {
            return new PlayoutCommand.End(e.getWhen() == When.AFTER_CURRENT);
        }
        throw new IllegalArgumentException("not a channel command: "
                + (payload == null ? "null" : payload.getClass().getName()));
    }

    /**
     * An alert as it starts on one channel. It ends at {@code startAt + duration} whenever it starts: an alert
     * that reaches a channel late (a channel configured later, an instance catching up) airs for what is left of
     * it, and one that has already ended does nothing (the engine ignores a StartAlert whose end has passed).
     *
     * @param effectiveStartMicros when the alert takes effect on this channel (the caller schedules the command
     *                             at that time). It does not move the end: an alert whose end is at or before
     *                             it airs nothing
     */
    public static PlayoutCommand.StartAlert toStartAlert(String alertId, Alert alert, long effectiveStartMicros) {
        long startMicros = Math.multiplyExact(alert.getStartAt().toEpochMilli(), 1000L);
        long endsAtMicros = Math.addExact(startMicros, alert.getDurationMicros());
        ResumePolicy after = alert.getAfter() == AfterAlert.JOIN_IN_PROGRESS ? ResumePolicy.JOIN_IN_PROGRESS
                : ResumePolicy.RESUME;
        return new PlayoutCommand.StartAlert(alertId, ItemMapper.fromAvro(alert.getItems()), alert.getPriority(),
                after, endsAtMicros);
    }

    /**
     * The union branch of {@link ChannelCommand#getPayload()} for a domain command, for storing scheduled
     * commands in channel state. An interrupt's id is not part of its payload: store it beside it (it is the
     * command id) and give it back to {@link #toDomain(String, Object)}. Alerts have their own state form.
     *
     * @throws IllegalArgumentException for {@link PlayoutCommand.StartAlert} and {@link PlayoutCommand.CancelAlert}
     */
    public static Object toAvroPayload(PlayoutCommand command) {
        if (command instanceof PlayoutCommand.Configure c) {
            return configure(c.config());
        }
        if (command instanceof PlayoutCommand.Enqueue e) {
            return new Enqueue(ItemMapper.toAvro(e.items()), e.next() ? Position.NEXT : Position.END);
        }
        if (command instanceof PlayoutCommand.Replace r) {
            return new Replace(ItemMapper.toAvro(r.items()), r.afterCurrent() ? When.AFTER_CURRENT : When.NOW);
        }
        if (command instanceof PlayoutCommand.Interrupt i) {
            if (i.policy() == ResumePolicy.JOIN_IN_PROGRESS) {
                throw new IllegalArgumentException("an interrupt cannot join in progress; alerts only");
            }
            return new Interrupt(ItemMapper.toAvro(i.items()), i.priority(),
                    org.hlspipeline.schemas.channel.ResumePolicy.valueOf(i.policy().name()));
        }
        if (command instanceof PlayoutCommand.Skip) {
            return new Skip();
        }
        if (command instanceof PlayoutCommand.Remove r) {
            return new RemoveItem(r.itemId());
        }
        if (command instanceof PlayoutCommand.End e) {
            return new EndChannel(e.afterCurrent() ? When.AFTER_CURRENT : When.NOW);
        }
        throw new IllegalArgumentException(command.getClass().getSimpleName()
                + " has no channel command payload; alerts are stored in their own form");
    }

    public static ChannelConfig config(ConfigureChannel c) {
        List<LadderRendition> ladder = c.getLadder().stream().map(ChannelCommandMapper::ladderRendition).toList();
        return new ChannelConfig(ladder,
                c.getWindowSize() == null ? DEFAULT_WINDOW_SIZE : c.getWindowSize(),
                c.getTargetDurationSeconds() == null ? ChannelCommandRules.DEFAULT_TARGET_DURATION_SECONDS
                        : c.getTargetDurationSeconds(),
                c.getFiller() == null ? null : ItemMapper.fromAvro(c.getFiller()),
                c.getProgramDateTime() == null ? DEFAULT_PROGRAM_DATE_TIME : c.getProgramDateTime(),
                c.getAdMarkers() == null ? DEFAULT_AD_MARKERS : AdMarkers.valueOf(c.getAdMarkers().name()));
    }

    /** A configuration with every field explicit, so it reads back the same whatever the defaults become. */
    public static ConfigureChannel configure(ChannelConfig config) {
        List<org.hlspipeline.schemas.channel.LadderRendition> ladder = new ArrayList<>();
        for (LadderRendition r : config.ladder()) {
            ladder.add(ladderRecord(r));
        }
        return new ConfigureChannel(ladder, config.windowSize(), config.targetDurationSeconds(),
                config.filler() == null ? null : ItemMapper.toAvro(config.filler()), config.programDateTime(),
                org.hlspipeline.schemas.channel.AdMarkers.valueOf(config.adMarkers().name()));
    }

    /** One ladder entry; call only once the configure command passed its check. */
    static LadderRendition ladderRendition(org.hlspipeline.schemas.channel.LadderRendition r) {
        return new LadderRendition(r.getName(),
                RenditionRecords.form(r, RenditionRecords.MEDIA_NAME).description());
    }

    static org.hlspipeline.schemas.channel.LadderRendition ladderRecord(LadderRendition r) {
        org.hlspipeline.schemas.channel.LadderRendition record = new org.hlspipeline.schemas.channel.LadderRendition();
        record.setName(r.name());
        return RenditionRecords.write(r.description(), record, RenditionRecords.MEDIA_NAME);
    }
}
