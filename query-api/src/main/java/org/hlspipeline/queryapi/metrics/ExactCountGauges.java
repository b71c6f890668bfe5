package org.hlspipeline.queryapi.metrics;

import java.util.HashMap;
import java.util.Map;

import org.hlspipeline.processor.channel.ChannelStores;
import org.hlspipeline.processor.ingest.StreamStores;
import org.hlspipeline.processor.kafka.DeadLetterReason;
import org.hlspipeline.processor.kafka.RecordOutcomes;
import org.hlspipeline.queryapi.query.LocalStores;
import org.hlspipeline.queryapi.query.StoreUnavailableException;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The exact counters: the record-count stores ({@link RecordOutcomes}) of this instance's active tasks, summed.
 * Each count is written in the transaction that applies or dead-letters its record, so an aborted transaction
 * cannot double it, and the sum over all instances is the application's exact total. They are gauges, not
 * counters: an instance's value falls when one of its tasks moves to another instance, which then reports it
 * (see docs/operations.md, "Exact counters").
 *
 * <p>One scan of the two small stores serves a whole scrape. A store this instance cannot read right now
 * (starting, restoring after an abort, no active task here) counts nothing: keeping its last values instead could
 * count a task twice once another instance owns it.
 */
@Component
class ExactCountGauges {

    static final String STREAM_EVENTS = "stream-events";
    static final String CHANNEL_COMMANDS = "channel-commands";
    static final String BROADCASTS = "broadcasts";
    private static final long SNAPSHOT_MILLIS = 500;

    private final LocalStores stores;
    private final Map<String, Map<String, Long>> last = new HashMap<>();
    private long nextRead;

    ExactCountGauges(MeterRegistry registry, LocalStores stores) {
        this.stores = stores;
        for (String outcome : new String[] {RecordOutcomes.APPLIED, RecordOutcomes.DUPLICATE, RecordOutcomes.LATE,
                RecordOutcomes.DEAD_LETTERED}) {
            records(registry, STREAM_EVENTS, StreamStores.COUNTS, outcome);
        }
        for (String outcome : new String[] {RecordOutcomes.APPLIED, RecordOutcomes.DUPLICATE,
                RecordOutcomes.DEAD_LETTERED}) {
            records(registry, CHANNEL_COMMANDS, ChannelStores.COUNTS, outcome);
        }
        gauge(registry, "hls.segments.applied.exact", "Segment events recorded (appended, or waiting behind a "
                + "missing sequence), counted once each", StreamStores.COUNTS, RecordOutcomes.APPLIED, "segment");
        gauge(registry, "hls.segments.duplicate.exact", "Segment events that repeated a recorded segment, counted "
                + "once each", StreamStores.COUNTS, RecordOutcomes.DUPLICATE, "segment");
        gauge(registry, "hls.channel.commands.duplicate.exact", "Channel commands whose id was already applied, "
                + "counted once each", ChannelStores.COUNTS, RecordOutcomes.DUPLICATE, "command");
        for (DeadLetterReason reason : DeadLetterReason.values()) {
            deadLetters(registry, STREAM_EVENTS, StreamStores.COUNTS, RecordOutcomes.DEAD_LETTERED, reason);
            deadLetters(registry, CHANNEL_COMMANDS, ChannelStores.COUNTS, RecordOutcomes.DEAD_LETTERED, reason);
            deadLetters(registry, BROADCASTS, ChannelStores.COUNTS, RecordOutcomes.BROADCAST_DEAD_LETTERED, reason);
        }
    }

    private void records(MeterRegistry registry, String input, String store, String outcome) {
        Gauge.builder("hls.records.exact", this, gauges -> gauges.sum(store, outcome, null))
                .description("Input records by what became of them (each record exactly once) on this instance's "
                        + "active tasks; sum across instances")
                .tag("input", input).tag("outcome", outcome).register(registry);
    }

    private void deadLetters(MeterRegistry registry, String input, String store, String outcome,
                             DeadLetterReason reason) {
        Gauge.builder("hls.dlq.records.exact", this, gauges -> gauges.sum(store, outcome, reason.code()))
                .description("Dead-lettered records by input and reason, counted once each, on this instance's "
                        + "active tasks; sum across instances")
                .tag("input", input).tag("reason", reason.code()).register(registry);
    }

    private void gauge(MeterRegistry registry, String name, String description, String store, String outcome,
                       String kind) {
        Gauge.builder(name, this, gauges -> gauges.sum(store, outcome, kind))
                .description(description + " on this instance's active tasks; sum across instances")
                .register(registry);
    }

    /** The counts under {@code outcome} (and {@code kind}, unless null) in this instance's copy of the store. */
    double sum(String store, String outcome, String kind) {
        long total = 0;
        for (Map.Entry<String, Long> entry : snapshot(store).entrySet()) {
            if (RecordOutcomes.outcome(entry.getKey()).equals(outcome)
                    && (kind == null || RecordOutcomes.kind(entry.getKey()).equals(kind))) {
                total += entry.getValue();
            }
        }
        return total;
    }

    private synchronized Map<String, Long> snapshot(String store) {
        long now = System.currentTimeMillis();
        if (now >= nextRead) {
            nextRead = now + SNAPSHOT_MILLIS;
            read(StreamStores.COUNTS);
            read(ChannelStores.COUNTS);
        }
        return last.getOrDefault(store, Map.of());
    }

    private void read(String store) {
        Map<String, Long> sums = new HashMap<>();
        try {
            stores.<Long>scan(store, (key, count) -> sums.merge(key, count, Long::sum));
        } catch (StoreUnavailableException e) {
            sums.clear();
        }
        last.put(store, sums);
    }
}
