package org.hlspipeline.processor.rules;

import static org.hlspipeline.processor.rules.InputRules.idProblem;
import static org.hlspipeline.processor.rules.InputRules.renditionAttributesProblem;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.hlspipeline.processor.playout.ChannelState;
import org.hlspipeline.processor.playout.Layer;
import org.hlspipeline.processor.playout.PlayoutCommand;
import org.hlspipeline.processor.playout.ScheduledCommand;
import org.hlspipeline.processor.playout.VodAsset;
import org.hlspipeline.schemas.channel.Alert;
import org.hlspipeline.schemas.channel.Broadcast;
import org.hlspipeline.schemas.channel.CancelAlert;
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
 * Whether a channel command or a broadcast may enter the pipeline, and the reason when it may not. The reason is
 * what the processor writes to the dead-letter topic and what the HTTP gateway answers as a 400's detail, so it
 * says what is wrong and where, in the words of the JSON form (DESIGN §9): for instance
 * {@code items[1] "ep2": rendition 480p of the ladder is missing}.
 *
 * <p>Pure: no Kafka, no clock. A command is checked against the channel's state as far as it is known when the
 * command arrives. "The channel's ladder" is the applied configuration's ladder together with the ladders of
 * configure commands scheduled but not yet applied, so an item accepted now has every rendition whichever of
 * them is in effect when it airs; the target duration is the first one the channel got (it never changes).
 */
public final class ChannelCommandRules {

    public static final int DEFAULT_TARGET_DURATION_SECONDS = 2;
    public static final int MAX_WINDOW_SIZE = 1000;
    public static final int MAX_TARGET_DURATION_SECONDS = 60;

    private ChannelCommandRules() {
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
            return Optional.of("unknown command " + (payload == null ? "(none)" : payload.getClass().getSimpleName()));
        }
        Channel channel = Channel.of(stateOrNull);
        if (channel == null) {
            return Optional.of(notConfigured(channelId));
        }
        if (payload instanceof Enqueue enqueue) {
            return itemsProblem(enqueue.getItems(), channel);
        }
        if (payload instanceof Replace replace) {
            return itemsProblem(replace.getItems(), channel);
        }
        if (payload instanceof Interrupt interrupt) {
            if (interrupt.getPriority() < 1) {
                return Optional.of("priority must be at least 1 (got " + interrupt.getPriority() + ")");
            }
            return itemsProblem(interrupt.getItems(), channel);
        }
        if (payload instanceof RemoveItem remove) {
            return removeProblem(channelId, remove, stateOrNull);
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
            return itemsStructureProblem(enqueue.getItems());
        }
        if (payload instanceof Replace replace) {
            return itemsStructureProblem(replace.getItems());
        }
        if (payload instanceof Interrupt interrupt) {
            return interrupt.getPriority() < 1
                    ? Optional.of("priority must be at least 1 (got " + interrupt.getPriority() + ")")
                    : itemsStructureProblem(interrupt.getItems());
        }
        if (payload instanceof RemoveItem remove) {
            return idProblem("itemId", remove.getItemId());
        }
        if (payload instanceof Skip || payload instanceof EndChannel) {
            return Optional.empty();
        }
        return Optional.of("unknown command " + (payload == null ? "(none)" : payload.getClass().getSimpleName()));
    }

    private static Optional<String> idsProblem(String recordKey, ChannelCommand command) {
        Optional<String> id = idProblem("channelId", command.getChannelId());
        if (id.isPresent()) {
            return id;
        }
        String channelId = command.getChannelId();
        if (!channelId.equals(recordKey)) {
            return Optional.of("record key '" + (recordKey == null ? "" : ItemRules.printable(recordKey))
                    + "' differs from channelId '" + channelId
                    + "'; the key must be the channel id so a channel's commands stay in order on one partition");
        }
        return idProblem("commandId", command.getCommandId());
    }

    /** @param recordKey the Kafka record key, which must be the alert id */
    public static Optional<String> problem(String recordKey, Broadcast broadcast) {
        Optional<String> id = idProblem("alertId", broadcast.getAlertId());
        if (id.isPresent()) {
            return id;
        }
        if (!broadcast.getAlertId().equals(recordKey)) {
            return Optional.of("record key '" + (recordKey == null ? "" : ItemRules.printable(recordKey))
                    + "' differs from alertId '" + broadcast.getAlertId()
                    + "'; the key must be the alert id so an alert and its cancellation stay in order on one"
                    + " partition");
        }
        Object payload = broadcast.getPayload();
        if (payload instanceof CancelAlert) {
            return Optional.empty();
        }
        if (!(payload instanceof Alert alert)) {
            return Optional.of("unknown broadcast " + (payload == null ? "(none)"
                    : payload.getClass().getSimpleName()));
        }
        List<String> channels = alert.getChannels();
        if (channels == null || channels.isEmpty()) {
            return Optional.of("channels must list channel ids, or \"*\" for all channels");
        }
        for (int i = 0; i < channels.size(); i++) {
            String channel = channels.get(i);
            if (!"*".equals(channel) && idProblem("channel", channel).isPresent()) {
                return Optional.of("channels[" + i + "] must be \"*\" or match [A-Za-z0-9][A-Za-z0-9._-]{0,127}");
            }
        }
        if (alert.getPriority() < 1) {
            return Optional.of("priority must be at least 1 (got " + alert.getPriority() + ")");
        }
        if (alert.getStartAt() == null) {
            return Optional.of("startAt is required");
        }
        if (alert.getDurationMicros() <= 0) {
            return Optional.of("duration must be greater than 0");
        }
        return itemsStructureProblem(alert.getItems());
    }

    /**
     * What keeps a (valid) alert from airing on one channel: its items must provide the channel's ladder and keep
     * to its target duration. For the processor, when it applies an alert to each channel it owns.
     */
    public static Optional<String> alertProblemOn(ChannelState stateOrNull, Alert alert) {
        Channel channel = Channel.of(stateOrNull);
        if (channel == null) {
            return Optional.of(notConfigured(stateOrNull == null ? "(unknown)" : stateOrNull.channelId()));
        }
        return itemsProblem(alert.getItems(), channel)
                .map(problem -> "on channel " + stateOrNull.channelId() + ": " + problem);
    }

    /** Whether a (valid) alert may air on this channel: {@link #alertProblemOn} finds nothing. */
    public static boolean coversLadder(Alert alert, ChannelState stateOrNull) {
        return alertProblemOn(stateOrNull, alert).isEmpty();
    }

    // --- configure ---

    private static Optional<String> configureProblem(String channelId, ConfigureChannel configure,
                                                     ChannelState state) {
        List<LadderRendition> ladder = configure.getLadder();
        if (ladder == null || ladder.isEmpty()) {
            return Optional.of("ladder must list at least one rendition");
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < ladder.size(); i++) {
            LadderRendition rendition = ladder.get(i);
            if (rendition == null) {
                return Optional.of("ladder[" + i + "] is missing");
            }
            Optional<String> name = idProblem("name", rendition.getName());
            if (name.isPresent()) {
                return Optional.of("ladder[" + i + "]: " + name.get());
            }
            String where = "ladder[" + i + "] \"" + rendition.getName() + "\": ";
            Integer before = seen.putIfAbsent(rendition.getName(), i);
            if (before != null) {
                return Optional.of(where + "the name is already used by ladder[" + before + "]");
            }
            Optional<String> attributes = renditionAttributesProblem(rendition.getBandwidth(),
                    rendition.getAverageBandwidth(), rendition.getResolution(), rendition.getCodecs(),
                    rendition.getFrameRate());
            if (attributes.isPresent()) {
                return Optional.of(where + attributes.get());
            }
        }
        Integer windowSize = configure.getWindowSize();
        if (windowSize != null && (windowSize < 1 || windowSize > MAX_WINDOW_SIZE)) {
            return Optional.of("windowSize must be 1 to " + MAX_WINDOW_SIZE + " (got " + windowSize + ")");
        }
        Integer target = configure.getTargetDurationSeconds();
        if (target != null && (target < 1 || target > MAX_TARGET_DURATION_SECONDS)) {
            return Optional.of("targetDuration must be 1 to " + MAX_TARGET_DURATION_SECONDS + " s (got " + target
                    + ")");
        }
        Channel channel = Channel.of(state);
        if (channel != null && target != null && target != channel.targetDurationSeconds()) {
            return Optional.of("targetDuration of channel " + channelId + " is " + channel.targetDurationSeconds()
                    + " s for the channel's life (RFC 8216 6.2.1); got " + target + " s");
        }
        int effectiveTarget = channel != null ? channel.targetDurationSeconds()
                : target != null ? target : DEFAULT_TARGET_DURATION_SECONDS;
        List<String> names = ladder.stream().map(LadderRendition::getName).toList();
        Item filler = configure.getFiller();
        if (filler != null) {
            String where = ItemRules.label("filler", filler) + ": ";
            Optional<String> problem = (filler.getSource() instanceof VodSource ? Optional.<String>empty()
                    : Optional.of("the filler must be a vod item: it fills in when nothing else can air"))
                    .or(() -> ItemRules.structureProblem(filler))
                    .or(() -> ItemRules.fitProblem(filler, names, effectiveTarget));
            if (problem.isPresent()) {
                return Optional.of(where + problem.get());
            }
        }
        if (state != null) {
            for (org.hlspipeline.processor.playout.Item item : itemsIn(state)) {
                if (item.source() instanceof VodAsset asset) {
                    List<String> missing = names.stream().filter(n -> !asset.renditions().containsKey(n)).toList();
                    if (!missing.isEmpty()) {
                        return Optional.of("item \"" + item.itemId() + "\", already airing, queued or scheduled"
                                + " on channel " + channelId + ", does not provide rendition"
                                + (missing.size() == 1 ? " " : "s ") + String.join(", ", missing)
                                + " of the new ladder; every item must provide every rendition of the ladder");
                    }
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Every item the channel may still air: what airs (a filler airing as fallback included: its playhead goes on
     * after a configure), what is queued, waiting or scheduled, and the last item, which loops when nothing else
     * is left. The configured filler is not among them: a configure replaces it.
     */
    private static List<org.hlspipeline.processor.playout.Item> itemsIn(ChannelState state) {
        List<org.hlspipeline.processor.playout.Item> items = new ArrayList<>();
        List<Layer> layers = new ArrayList<>(state.layers());
        layers.addAll(state.waiting());
        for (Layer layer : layers) {
            if (layer.current() != null) {
                items.add(layer.current().item());
            }
            items.addAll(layer.items());
            items.addAll(layer.cycle());
        }
        if (state.lastItem() != null) {
            items.add(state.lastItem());
        }
        for (ScheduledCommand scheduled : state.scheduled()) {
            PlayoutCommand command = scheduled.command();
            if (command instanceof PlayoutCommand.Enqueue e) {
                items.addAll(e.items());
            } else if (command instanceof PlayoutCommand.Replace r) {
                items.addAll(r.items());
            } else if (command instanceof PlayoutCommand.Interrupt i) {
                items.addAll(i.items());
            } else if (command instanceof PlayoutCommand.StartAlert a) {
                items.addAll(a.items());
            }
        }
        return items;
    }

    // --- items ---

    private static Optional<String> itemsProblem(List<Item> items, Channel channel) {
        Optional<String> structure = itemsStructureProblem(items);
        if (structure.isPresent()) {
            return structure;
        }
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            Optional<String> fit = ItemRules.fitProblem(item, channel.ladder(), channel.targetDurationSeconds());
            if (fit.isPresent()) {
                return Optional.of(ItemRules.label("items[" + i + "]", item) + ": " + fit.get());
            }
        }
        return Optional.empty();
    }

    private static Optional<String> itemsStructureProblem(List<Item> items) {
        if (items == null || items.isEmpty()) {
            return Optional.of("items must list at least one item");
        }
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            Optional<String> problem = ItemRules.structureProblem(item);
            if (problem.isPresent()) {
                return Optional.of(ItemRules.label("items[" + i + "]", item) + ": " + problem.get());
            }
        }
        return Optional.empty();
    }

    // --- remove ---

    private static Optional<String> removeProblem(String channelId, RemoveItem remove, ChannelState state) {
        Optional<String> id = idProblem("itemId", remove.getItemId());
        if (id.isPresent()) {
            return id;
        }
        String itemId = remove.getItemId();
        if (state.base().items().stream().anyMatch(item -> item.itemId().equals(itemId))) {
            return Optional.empty();
        }
        // An enqueue or replace that is scheduled but not yet applied will put the item in the queue.
        for (ScheduledCommand scheduled : state.scheduled()) {
            List<org.hlspipeline.processor.playout.Item> items =
                    scheduled.command() instanceof PlayoutCommand.Enqueue e ? e.items()
                            : scheduled.command() instanceof PlayoutCommand.Replace r ? r.items() : List.of();
            if (items.stream().anyMatch(item -> item.itemId().equals(itemId))) {
                return Optional.empty();
            }
        }
        return Optional.of("unknown item \"" + itemId + "\": it is not in channel " + channelId + "'s queue");
    }

    private static String notConfigured(String channelId) {
        return "channel " + channelId + " is not configured: send a configure command first";
    }

    /** What a command is checked against: the ladders it may air with, and the channel's fixed target duration. */
    private record Channel(Collection<String> ladder, int targetDurationSeconds) {

        /** Null when the channel has no configuration, applied or scheduled. */
        static Channel of(ChannelState state) {
            if (state == null) {
                return null;
            }
            Set<String> ladder = new LinkedHashSet<>();
            Integer target = null;
            if (state.config() != null) {
                ladder.addAll(state.config().renditionNames());
                target = state.config().targetDurationSeconds();
            }
            for (ScheduledCommand scheduled : state.scheduled()) {
                if (scheduled.command() instanceof PlayoutCommand.Configure c) {
                    ladder.addAll(c.config().renditionNames());
                    if (target == null) {
                        target = c.config().targetDurationSeconds();
                    }
                }
            }
            return target == null ? null : new Channel(List.copyOf(ladder), target);
        }
    }
}
