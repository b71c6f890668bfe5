package org.hlspipeline.processor.rules;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.hlspipeline.processor.playout.ChannelState;
import org.hlspipeline.processor.playout.Item;
import org.hlspipeline.processor.playout.PlayoutCommand;
import org.hlspipeline.processor.playout.ScheduledCommand;

/**
 * What an item is checked against on a channel: every rendition it may air with, and the channel's fixed target
 * duration. The ladder is the applied configuration's together with those of configure commands scheduled but not
 * yet applied, so an item accepted now has every rendition whichever of them is in effect when it airs.
 */
public record ChannelTerms(Collection<String> ladder, int targetDurationSeconds) {

    public ChannelTerms {
        ladder = List.copyOf(ladder);
    }

    /** The terms of the channel, or null when it has no configuration, applied or scheduled. */
    public static ChannelTerms of(ChannelState state) {
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
        return target == null ? null : new ChannelTerms(ladder, target);
    }

    /** The first item of a command's {@code items} that does not fit, labelled with its index. */
    public Optional<String> itemsProblem(List<Item> items) {
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            Optional<String> fit = ItemRules.fitProblem(item, ladder, targetDurationSeconds);
            if (fit.isPresent()) {
                return Optional.of(ItemRules.label("items[" + i + "]", item.itemId()) + ": " + fit.get());
            }
        }
        return Optional.empty();
    }
}
