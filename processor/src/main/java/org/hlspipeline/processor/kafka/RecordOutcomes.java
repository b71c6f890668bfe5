package org.hlspipeline.processor.kafka;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one task did with each record it read, counted in a store of that task, and its dead letters.
 *
 * <p>The counts are exact under exactly-once: the increment is a store write of the same processor step that
 * applies or dead-letters the record, so it commits or aborts with the transaction that carries the record's
 * state change, dead letter and offset. A record processed again after an abort is counted once, which a
 * Micrometer counter incremented from a listener cannot promise (see docs/operations.md, "Exact counters").
 *
 * <p>Key {@code <outcome>/<kind>} → count: {@code applied/segment}, {@code duplicate/end},
 * {@code dead-lettered/invalid}. Every input record increments exactly one key, so the sum of a store's values is
 * the number of records its task processed. The store is cached, so a busy key reaches the changelog once per
 * commit, not once per record.
 */
public final class RecordOutcomes {

    public static final String APPLIED = "applied";
    public static final String DUPLICATE = "duplicate";
    public static final String LATE = "late";
    public static final String DEAD_LETTERED = "dead-lettered";
    /** A broadcast that the channel task of partition 0 dead-lettered: not a record of the task's own input. */
    public static final String BROADCAST_DEAD_LETTERED = "broadcast-dead-lettered";

    /** How the processors tell their listener of a dead letter. */
    @FunctionalInterface
    public interface DeadLetterListener {
        void deadLettered(DeadLetterReason reason, String detail);
    }

    private static final Logger log = LoggerFactory.getLogger(RecordOutcomes.class);

    private final ProcessorContext<String, byte[]> context;
    private final KeyValueStore<String, Long> counts;
    private final String deadLetterChild;
    private final DeadLetterListener listener;

    public RecordOutcomes(ProcessorContext<String, byte[]> context, String countsStore, String deadLetterChild,
                          DeadLetterListener listener) {
        this.context = context;
        this.counts = context.getStateStore(countsStore);
        this.deadLetterChild = deadLetterChild;
        this.listener = listener;
    }

    /** The count store of a processor: string keys, long counts, cached and changelogged. */
    public static StoreBuilder<KeyValueStore<String, Long>> store(String name) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), Serdes.Long())
                .withCachingEnabled();
    }

    public static String key(String outcome, String kind) {
        return outcome + "/" + kind;
    }

    /** The outcome part of a count key. */
    public static String outcome(String key) {
        int slash = key.indexOf('/');
        return slash < 0 ? key : key.substring(0, slash);
    }

    /** The kind part of a count key: what was applied, or the dead letter's reason code. */
    public static String kind(String key) {
        return key.substring(key.indexOf('/') + 1);
    }

    public void count(String outcome, String kind) {
        String key = key(outcome, kind);
        Long current = counts.get(key);
        counts.put(key, current == null ? 1 : current + 1);
    }

    /** Sends the record to the dead-letter topic with its reason and source coordinates, and counts it. */
    public void deadLetter(Record<String, byte[]> record, DeadLetterReason reason, String detail, Throwable error) {
        log.debug("Dead-lettering record at {}: {} ({})", context.recordMetadata().orElse(null), reason, detail);
        context.forward(DeadLetters.of(record, context.recordMetadata(), reason, detail, error), deadLetterChild);
        count(DEAD_LETTERED, reason.code());
        listener.deadLettered(reason, detail);
    }

    /** Sends a dead letter built for a record read from a global store (a broadcast), and counts it. */
    public void deadLetterBroadcast(Record<String, byte[]> letter, DeadLetterReason reason, String detail) {
        context.forward(letter, deadLetterChild);
        count(BROADCAST_DEAD_LETTERED, reason.code());
        listener.deadLettered(reason, detail);
    }
}
