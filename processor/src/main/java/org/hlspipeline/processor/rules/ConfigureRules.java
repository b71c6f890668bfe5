package org.hlspipeline.processor.rules;

import static org.hlspipeline.processor.rules.ChannelCommandRules.DEFAULT_TARGET_DURATION_SECONDS;
import static org.hlspipeline.processor.rules.ChannelCommandRules.MAX_TARGET_DURATION_SECONDS;
import static org.hlspipeline.processor.rules.ChannelCommandRules.MAX_WINDOW_SIZE;
import static org.hlspipeline.processor.rules.InputRules.idProblem;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hlspipeline.processor.hls.RenditionDescription;
import org.hlspipeline.processor.hls.RenditionGroups;

import org.hlspipeline.processor.playout.ChannelState;
import org.hlspipeline.processor.playout.Item;
import org.hlspipeline.processor.playout.LadderRendition;
import org.hlspipeline.processor.playout.Layer;
import org.hlspipeline.processor.playout.PlayoutCommand;
import org.hlspipeline.processor.playout.ScheduledCommand;
import org.hlspipeline.processor.playout.VodAsset;

/**
 * The rules of a configure command: its ladder, window and target duration, its filler, and what the channel
 * already airs, which must provide the new ladder (see docs/input-rules.md, Configure).
 */
public final class ConfigureRules {

    public static final String NO_LADDER = "ladder must list at least one rendition";
    public static final String FILLER_NOT_VOD = "the filler must be a vod item: it fills in when nothing else can air";

    private ConfigureRules() {
    }

    /**
     * One rendition of the ladder.
     *
     * @param index   its place in the ladder
     * @param usedBy  the index of an earlier rendition of the same name, or null
     */
    public static Optional<String> ladderEntryProblem(int index, String name, Integer usedBy, RenditionForm form) {
        Optional<String> id = idProblem("name", name);
        if (id.isPresent()) {
            return Optional.of("ladder[" + index + "]: " + id.get());
        }
        String where = "ladder[" + index + "] \"" + name + "\": ";
        if (usedBy != null) {
            return Optional.of(where + "the name is already used by ladder[" + usedBy + "]");
        }
        return form.problem().map(problem -> where + problem);
    }

    /**
     * The ladder as a whole, its entries each fine: every group a variant names has members, every group is
     * named by a variant, and there is a variant to play (see docs/input-rules.md, Configure).
     */
    public static Optional<String> ladderProblem(List<LadderRendition> ladder) {
        Map<String, RenditionDescription> byName = new LinkedHashMap<>();
        ladder.forEach(r -> byName.put(r.name(), r.description()));
        return RenditionGroups.completeProblem(byName).map(problem -> "ladder: " + problem);
    }

    public static String ladderEntryMissing(int index) {
        return "ladder[" + index + "] is missing";
    }

    /** The window size and target duration a configure gives, null when it leaves them to the defaults. */
    public static Optional<String> sizesProblem(Integer windowSize, Integer target) {
        if (windowSize != null && (windowSize < 1 || windowSize > MAX_WINDOW_SIZE)) {
            return Optional.of("windowSize must be 1 to " + MAX_WINDOW_SIZE + " (got " + windowSize + ")");
        }
        if (target != null && (target < 1 || target > MAX_TARGET_DURATION_SECONDS)) {
            return Optional.of("targetDuration must be 1 to " + MAX_TARGET_DURATION_SECONDS + " s (got " + target
                    + ")");
        }
        return Optional.empty();
    }

    /** A channel keeps its first target duration for life (RFC 8216 6.2.1). */
    public static Optional<String> fixedTargetProblem(String channelId, ChannelTerms terms, Integer target) {
        if (terms != null && target != null && target != terms.targetDurationSeconds()) {
            return Optional.of("targetDuration of channel " + channelId + " is " + terms.targetDurationSeconds()
                    + " s for the channel's life (RFC 8216 6.2.1); got " + target + " s");
        }
        return Optional.empty();
    }

    /** The target duration the channel has once this configure applies. */
    public static int effectiveTarget(ChannelTerms terms, Integer target) {
        return terms != null ? terms.targetDurationSeconds()
                : target != null ? target : DEFAULT_TARGET_DURATION_SECONDS;
    }

    /**
     * Every item the channel may still air must provide every rendition of the new ladder.
     *
     * @param stateOrNull the channel's state, or null when it has none yet
     */
    public static Optional<String> newLadderProblem(String channelId, List<String> names, ChannelState stateOrNull) {
        if (stateOrNull == null) {
            return Optional.empty();
        }
        for (Item item : itemsIn(stateOrNull)) {
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
        return Optional.empty();
    }

    /**
     * Every item the channel may still air: what airs (a filler airing as fallback included: its playhead goes on
     * after a configure), what is queued, waiting or scheduled, and the last item, which loops when nothing else
     * is left. The configured filler is not among them: a configure replaces it.
     */
    private static List<Item> itemsIn(ChannelState state) {
        List<Item> items = new ArrayList<>();
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
}
