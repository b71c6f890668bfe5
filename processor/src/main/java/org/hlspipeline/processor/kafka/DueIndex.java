package org.hlspipeline.processor.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keys ordered by when they are next due (a gap deadline, a channel's next boundary), so finding what is due at a
 * given time is one range scan over exactly those entries, never a pass over everything in a store. Index keys
 * are {@code <due time, 19 digits>|<key>}; fixed-width digits make string order time order. Only keys with
 * something due are indexed.
 */
public final class DueIndex {

    private static final char SEPARATOR = '|';

    private final KeyValueStore<String, String> store;

    public DueIndex(KeyValueStore<String, String> store) {
        this.store = store;
    }

    /** Moves a key's entry when its due time changes (appears, moves, or goes when nothing is due). */
    public void update(String key, OptionalLong before, OptionalLong after) {
        if (before.equals(after)) {
            return;
        }
        before.ifPresent(due -> store.delete(entry(due, key)));
        after.ifPresent(due -> store.put(entry(due, key), key));
    }

    /** Keys due at or before {@code now}, earliest first. */
    public List<String> dueAt(long now) {
        if (now < 0) {
            return List.of();
        }
        List<String> due = new ArrayList<>();
        try (KeyValueIterator<String, String> it = store.range(prefix(0), prefix(now) + Character.MAX_VALUE)) {
            while (it.hasNext()) {
                due.add(it.next().value);
            }
        }
        return due;
    }

    private static String entry(long due, String key) {
        return prefix(due) + key;
    }

    private static String prefix(long due) {
        String digits = Long.toString(Math.max(0, due));
        return "0".repeat(19 - digits.length()) + digits + SEPARATOR;
    }
}
