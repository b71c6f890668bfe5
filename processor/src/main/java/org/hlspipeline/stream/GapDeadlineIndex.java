package org.hlspipeline.stream;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The windows that hold pending segments, ordered by gap deadline, so finding the ones due at a given time is
 * one range scan over exactly those entries, not a pass over every window. Keys are
 * {@code <deadline, 19 digits>|<window key>}; fixed-width digits make string order time order.
 */
final class GapDeadlineIndex {

    private static final char SEPARATOR = '|';

    private final KeyValueStore<String, String> store;

    GapDeadlineIndex(KeyValueStore<String, String> store) {
        this.store = store;
    }

    /** Moves a window's entry when its deadline changes (appears, moves, or goes when nothing is pending). */
    void update(String windowKey, OptionalLong before, OptionalLong after) {
        if (before.equals(after)) {
            return;
        }
        before.ifPresent(deadline -> store.delete(entry(deadline, windowKey)));
        after.ifPresent(deadline -> store.put(entry(deadline, windowKey), windowKey));
    }

    /** Window keys whose deadline is at or before {@code nowMillis}, earliest first. */
    List<String> dueAt(long nowMillis) {
        if (nowMillis < 0) {
            return List.of();
        }
        List<String> due = new ArrayList<>();
        try (KeyValueIterator<String, String> it = store.range(prefix(0), prefix(nowMillis) + Character.MAX_VALUE)) {
            while (it.hasNext()) {
                due.add(it.next().value);
            }
        }
        return due;
    }

    private static String entry(long deadline, String windowKey) {
        return prefix(deadline) + windowKey;
    }

    private static String prefix(long deadline) {
        String digits = Long.toString(Math.max(0, deadline));
        return "0".repeat(19 - digits.length()) + digits + SEPARATOR;
    }
}
