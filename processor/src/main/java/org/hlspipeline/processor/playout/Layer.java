package org.hlspipeline.processor.playout;

import java.util.ArrayList;
import java.util.List;

/**
 * One level of programming. The base layer (priority 0) is the channel's queue; each interrupt or alert that
 * airs pushes a layer above it. The channel airs from the top layer; a layer below keeps its playhead frozen at
 * the cut until the layers above it are done.
 *
 * @param current  the item airing on this layer, or null between items
 * @param items    what this layer airs next, in order
 * @param cycle    for an alert, its items again: they repeat until the alert ends
 * @param endsAtMicros for an alert, the boundary time at or after which it ends; 0 when the layer ends with its items
 * @param startedAtMicros when the layer began airing, for JOIN_IN_PROGRESS
 */
public record Layer(String id, int priority, ResumePolicy policy, Playhead current, List<Item> items,
                    List<Item> cycle, long endsAtMicros, long startedAtMicros) {

    public Layer {
        items = DeferredList.immutable(items);
        cycle = DeferredList.immutable(cycle);
    }

    static Layer base() {
        return new Layer("queue", 0, ResumePolicy.RESUME, null, List.of(), List.of(), 0, 0);
    }

    static Layer interrupt(String id, List<Item> items, int priority, ResumePolicy policy, long atMicros) {
        return new Layer(id, priority, policy, null, items, List.of(), 0, atMicros);
    }

    static Layer alert(String id, List<Item> items, int priority, ResumePolicy policy, long atMicros, long endsAt) {
        return new Layer(id, priority, policy, null, items, items, endsAt, atMicros);
    }

    boolean isBase() {
        return priority == 0;
    }

    boolean isAlert() {
        return endsAtMicros > 0;
    }

    Layer withCurrent(Playhead playhead) {
        return new Layer(id, priority, policy, playhead, items, cycle, endsAtMicros, startedAtMicros);
    }

    Layer withItems(List<Item> newItems) {
        return new Layer(id, priority, policy, current, newItems, cycle, endsAtMicros, startedAtMicros);
    }

    /** Starts the next item of this layer (an alert starts its items over when they run out). */
    Layer startNext() {
        List<Item> upcoming = items.isEmpty() ? cycle : items;
        return new Layer(id, priority, policy, Playhead.start(upcoming.get(0)), upcoming.subList(1, upcoming.size()),
                cycle, endsAtMicros, startedAtMicros);
    }

    boolean hasNext() {
        return !items.isEmpty() || !cycle.isEmpty();
    }

    Layer appended(List<Item> more, boolean atFront) {
        List<Item> all = new ArrayList<>(items.size() + more.size());
        if (atFront) {
            all.addAll(more);
            all.addAll(items);
        } else {
            all.addAll(items);
            all.addAll(more);
        }
        return withItems(all);
    }
}
