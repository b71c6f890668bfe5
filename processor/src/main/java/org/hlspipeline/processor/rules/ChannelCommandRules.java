package org.hlspipeline.processor.rules;

import static org.hlspipeline.processor.rules.InputRules.idProblem;

import java.util.List;
import java.util.Optional;

import org.hlspipeline.processor.playout.ChannelConfig;
import org.hlspipeline.processor.playout.ChannelState;
import org.hlspipeline.processor.playout.Item;
import org.hlspipeline.processor.playout.PlayoutCommand;
import org.hlspipeline.processor.playout.ScheduledCommand;

/**
 * Whether a channel command may enter the pipeline, and the reason when it may not. The reason is what the
 * processor writes to the dead-letter topic and what the HTTP gateway answers as a 400's detail, so it says what
 * is wrong and where, in the words of the JSON form: for instance {@code items[1] "ep2": rendition 480p of the
 * ladder is missing} (see docs/input-rules.md, Channel commands).
 *
 * <p>Pure: no Kafka, no clock. A command is checked against the channel's state as far as it is known when the
 * command arrives ({@link ChannelTerms}); the target duration is the first one the channel got (it never
 * changes). A configure's own rules are {@link ConfigureRules}', an item's {@link ItemRules}'.
 */
public final class ChannelCommandRules {

    public static final int DEFAULT_TARGET_DURATION_SECONDS = 2;
    public static final int MAX_WINDOW_SIZE = ChannelConfig.MAX_WINDOW_SIZE;
    public static final int MAX_TARGET_DURATION_SECONDS = ChannelConfig.MAX_TARGET_DURATION_SECONDS;

    public static final String NO_ITEMS = "items must list at least one item";

    private ChannelCommandRules() {
    }

    /** The channel and command ids, and the record key that must be the channel id. */
    public static Optional<String> idsProblem(String recordKey, String channelId, String commandId) {
        return InputRules.keyProblem(recordKey, InputRules.shownKey(recordKey), "channelId", channelId,
                "the channel id so a channel's commands stay in order on one partition")
                .or(() -> idProblem("commandId", commandId));
    }

    /** @param payload what the command asks for, of a kind no rule knows */
    public static String unknownCommand(Object payload) {
        return "unknown command " + (payload == null ? "(none)" : payload.getClass().getSimpleName());
    }

    /** An interrupt's or an alert's priority. */
    public static Optional<String> priorityProblem(int priority) {
        return priority < 1 ? Optional.of("priority must be at least 1 (got " + priority + ")") : Optional.empty();
    }

    public static String notConfigured(String channelId) {
        return "channel " + channelId + " is not configured: send a configure command first";
    }

    /** An item may be removed while it is queued, or will be by an enqueue or replace already scheduled. */
    public static Optional<String> removeProblem(String channelId, String itemId, ChannelState state) {
        if (state.base().items().stream().anyMatch(item -> item.itemId().equals(itemId))) {
            return Optional.empty();
        }
        for (ScheduledCommand scheduled : state.scheduled()) {
            List<Item> items = scheduled.command() instanceof PlayoutCommand.Enqueue e ? e.items()
                    : scheduled.command() instanceof PlayoutCommand.Replace r ? r.items() : List.of();
            if (items.stream().anyMatch(item -> item.itemId().equals(itemId))) {
                return Optional.empty();
            }
        }
        return Optional.of("unknown item \"" + itemId + "\": it is not in channel " + channelId + "'s queue");
    }
}
