package org.hlspipeline.processor.channel;

import org.hlspipeline.processor.kafka.RenditionRecords;
import static org.hlspipeline.processor.rules.InputRules.idProblem;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hlspipeline.processor.playout.ChannelState;
import org.hlspipeline.processor.rules.ChannelCommandRules;
import org.hlspipeline.processor.rules.ChannelTerms;
import org.hlspipeline.processor.rules.ConfigureRules;
import org.hlspipeline.processor.rules.ItemRules;
import org.hlspipeline.processor.rules.ListLimits;
import org.hlspipeline.schemas.channel.ChannelCommand;
import org.hlspipeline.schemas.channel.ConfigureChannel;
import org.hlspipeline.schemas.channel.EndChannel;
import org.hlspipeline.schemas.channel.Enqueue;
import org.hlspipeline.schemas.channel.Interrupt;
import org.hlspipeline.schemas.channel.Item;
import org.hlspipeline.schemas.channel.LadderRendition;
import org.hlspipeline.schemas.channel.RemoveItem;
import org.hlspipeline.schemas.channel.Replace;
import org.hlspipeline.schemas.channel.Skip;
import org.hlspipeline.schemas.channel.VodSource;

/**
 * Whether a channel command record (the Avro contract of {@code hls.channel-commands}) may enter the pipeline:
 * walks the record and asks {@link ChannelCommandRules}, {@link ConfigureRules} and the item rules in the order of
 * its form, so the first problem found is the one every entry point reports. The processor, the HTTP gateway and
 * producer-tools all check here (see docs/input-rules.md).
 */
public final class ChannelCommandCheck {

    private ChannelCommandCheck() {
    }

    /**
     * @param recordKey   the Kafka record key (the HTTP gateway passes the path's channel id)
     * @param stateOrNull the channel's state, or null when the channel has none yet
     */
    public static Optional<String> problem(String recordKey, ChannelCommand command, ChannelState stateOrNull) {
        Optional<String> ids = idsProblem(recordKey, command);
        if (ids.isPresent()) {
            return ids;
        }
        String channelId = command.getChannelId();
        Object payload = command.getPayload();
        if (payload instanceof ConfigureChannel configure) {
            return configureProblem(channelId, configure, stateOrNull);
        }
        if (!(payload instanceof Enqueue || payload instanceof Replace || payload instanceof Interrupt
                || payload instanceof Skip || payload instanceof RemoveItem || payload instanceof EndChannel)) {
            return Optional.of(ChannelCommandRules.unknownCommand(payload));
        }
        ChannelTerms terms = ChannelTerms.of(stateOrNull);
        if (terms == null) {
            return Optional.of(ChannelCommandRules.notConfigured(channelId));
        }
        if (payload instanceof Enqueue enqueue) {
            return ItemCheck.itemsProblem(enqueue.getItems(), terms);
        }
        if (payload instanceof Replace replace) {
            return ItemCheck.itemsProblem(replace.getItems(), terms);
        }
        if (payload instanceof Interrupt interrupt) {
            return ChannelCommandRules.priorityProblem(interrupt.getPriority())
                    .or(() -> ItemCheck.itemsProblem(interrupt.getItems(), terms));
        }
        if (payload instanceof RemoveItem remove) {
            return idProblem("itemId", remove.getItemId())
                    .or(() -> ChannelCommandRules.removeProblem(channelId, remove.getItemId(), stateOrNull));
        }
        return Optional.empty();
    }

    /**
     * What can be told of a command without the channel's state, for a writer that has no view of it
     * (producer-tools): everything {@link #problem} checks except that the channel is configured, that items fit
     * its ladder and target duration, and that a removed item is queued. Whatever passes here may still be
     * refused when it arrives; whatever fails here would be refused whatever the channel's state.
     */
    public static Optional<String> problemWhateverTheState(String recordKey, ChannelCommand command) {
        Object payload = command.getPayload();
        if (payload instanceof ConfigureChannel) {
            return problem(recordKey, command, null);
        }
        Optional<String> ids = idsProblem(recordKey, command);
        if (ids.isPresent()) {
            return ids;
        }
        if (payload instanceof Enqueue enqueue) {
            return ItemCheck.itemsStructureProblem(enqueue.getItems());
        }
        if (payload instanceof Replace replace) {
            return ItemCheck.itemsStructureProblem(replace.getItems());
        }
        if (payload instanceof Interrupt interrupt) {
            return ChannelCommandRules.priorityProblem(interrupt.getPriority())
                    .or(() -> ItemCheck.itemsStructureProblem(interrupt.getItems()));
        }
        if (payload instanceof RemoveItem remove) {
            return idProblem("itemId", remove.getItemId());
        }
        if (payload instanceof Skip || payload instanceof EndChannel) {
            return Optional.empty();
        }
        return Optional.of(ChannelCommandRules.unknownCommand(payload));
    }

    private static Optional<String> idsProblem(String recordKey, ChannelCommand command) {
        return ChannelCommandRules.idsProblem(recordKey, command.getChannelId(), command.getCommandId());
    }

    private static Optional<String> configureProblem(String channelId, ConfigureChannel configure,
                                                     ChannelState state) {
        List<LadderRendition> ladder = configure.getLadder();
        if (ladder == null || ladder.isEmpty()) {
            return Optional.of(ConfigureRules.NO_LADDER);
        }
        Optional<String> size = ListLimits.renditionsProblem("ladder", ladder.size());
        if (size.isPresent()) {
            return size;
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < ladder.size(); i++) {
            LadderRendition r = ladder.get(i);
            if (r == null) {
                return Optional.of(ConfigureRules.ladderEntryMissing(i));
            }
            Optional<String> entry = ConfigureRules.ladderEntryProblem(i, r.getName(),
                    r.getName() == null ? null : seen.putIfAbsent(r.getName(), i),
                    RenditionRecords.form(r, RenditionRecords.MEDIA_NAME));
            if (entry.isPresent()) {
                return entry;
            }
        }
        Optional<String> groups = ConfigureRules.ladderProblem(ladder.stream().map(ChannelCommandMapper::ladderRendition)
                .toList());
        if (groups.isPresent()) {
            return groups;
        }
        Integer target = configure.getTargetDurationSeconds();
        ChannelTerms terms = ChannelTerms.of(state);
        Optional<String> sizes = ConfigureRules.sizesProblem(configure.getWindowSize(), target)
                .or(() -> ConfigureRules.fixedTargetProblem(channelId, terms, target));
        if (sizes.isPresent()) {
            return sizes;
        }
        List<String> names = ladder.stream().map(LadderRendition::getName).toList();
        Item filler = configure.getFiller();
        if (filler != null) {
            int effectiveTarget = ConfigureRules.effectiveTarget(terms, target);
            Optional<String> problem = (filler.getSource() instanceof VodSource ? Optional.<String>empty()
                    : Optional.of(ConfigureRules.FILLER_NOT_VOD))
                    .or(() -> ItemCheck.structureProblem(filler))
                    .or(() -> ItemRules.fitProblem(ItemMapper.fromAvro(filler), names, effectiveTarget));
            if (problem.isPresent()) {
                return Optional.of(ItemCheck.label("filler", filler) + ": " + problem.get());
            }
        }
        return ConfigureRules.newLadderProblem(channelId, names, state);
    }
}
