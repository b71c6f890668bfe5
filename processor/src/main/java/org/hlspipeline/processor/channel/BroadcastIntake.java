package org.hlspipeline.processor.channel;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.hlspipeline.processor.kafka.DeadLetterReason;
import org.hlspipeline.processor.kafka.DeadLetters;
import org.hlspipeline.processor.kafka.RecordOutcomes;
import org.hlspipeline.processor.kafka.RegistryRetry;
import org.hlspipeline.processor.playout.ChannelState;
import org.hlspipeline.processor.playout.Playout;
import org.hlspipeline.processor.playout.PlayoutCommand;
import org.hlspipeline.schemas.channel.Alert;
import org.hlspipeline.schemas.channel.Broadcast;
import org.hlspipeline.schemas.registry.SchemaRegistryException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a channel task takes in broadcasts from the global {@link ChannelStores#BROADCASTS} store: which ones are
 * new to it, which ones a channel created now joins, and what an alert or cancellation does to a channel. Every
 * task reads every broadcast; {@link ChannelStores#SEEN} remembers which ones this task has taken in.
 */
final class BroadcastIntake {

    private static final Logger log = LoggerFactory.getLogger(BroadcastIntake.class);

    private final ProcessorContext<String, byte[]> context;
    private final ChannelPlayoutSettings settings;
    private final TimestampedKeyValueStore<String, byte[]> broadcasts;
    private final KeyValueStore<String, Long> seen;
    private final RecordOutcomes outcomes;
    /** When to read new broadcasts again after the registry did not answer for one. */
    private RegistryRetry retry = RegistryRetry.answered();

    BroadcastIntake(ProcessorContext<String, byte[]> context, ChannelPlayoutSettings settings,
                    KeyValueStore<String, Long> seen, RecordOutcomes outcomes) {
        this.context = context;
        this.settings = settings;
        this.broadcasts = context.getStateStore(ChannelStores.BROADCASTS);
        this.seen = seen;
        this.outcomes = outcomes;
    }

    /**
     * Broadcasts this task has not taken in yet, each marked taken in now. Those that cannot be read or break a
     * rule are dead-lettered instead (by one task). When the registry does not answer for one, it and those after
     * it wait for the next attempt; the list holds those before it.
     */
    List<KeyValue<String, ValueAndTimestamp<Broadcast>>> fresh() {
        long now = context.currentSystemTimeMs();
        if (!retry.due(now)) {
            return List.of();
        }
        List<KeyValue<String, ValueAndTimestamp<Broadcast>>> fresh = new ArrayList<>();
        try (KeyValueIterator<String, ValueAndTimestamp<byte[]>> it = broadcasts.all()) {
            while (it.hasNext()) {
                KeyValue<String, ValueAndTimestamp<byte[]>> entry = it.next();
                String seenKey = "alert/" + entry.key;
                if (entry.value == null || entry.value.value() == null || seen.get(seenKey) != null) {
                    continue;
                }
                String alertId = BroadcastStoreUpdater.alertIdOf(entry.key);
                Broadcast broadcast = readableBroadcast(alertId, entry.value);
                seen.put(seenKey, entry.value.timestamp());
                if (broadcast != null) {
                    fresh.add(KeyValue.pair(alertId, ValueAndTimestamp.make(broadcast, entry.value.timestamp())));
                }
            }
            retry = RegistryRetry.answered();
        } catch (SchemaRegistryException e) {
            // This broadcast and those after it are read again once the retry is due; the ones before air now.
            retry = retry.failed(now);
            log.warn("The schema registry does not answer ({}): task {} reads new broadcasts again in {} s",
                    e.getMessage(), context.taskId(), (retry.nextAttemptAt() - now) / 1000);
        }
        return fresh;
    }

    /**
     * The broadcast, or null when it cannot be read or breaks a rule. Every task reads every broadcast, so only
     * the task of partition 0 dead-letters it: one dead letter per bad record, as for any other topic.
     */
    private Broadcast readableBroadcast(String alertId, ValueAndTimestamp<byte[]> raw) {
        String problem;
        Throwable error = null;
        Broadcast broadcast = null;
        try {
            broadcast = settings.broadcastDeserializer().deserialize(settings.topics().broadcasts(), raw.value());
            problem = broadcast == null ? "empty value" : BroadcastCheck.problem(alertId, broadcast).orElse(null);
        } catch (SerializationException e) {
            problem = e.getMessage();
            error = e;
        }
        if (problem == null) {
            return broadcast;
        }
        if (context.taskId().partition() == 0) {
            DeadLetterReason reason = error == null ? DeadLetterReason.INVALID : DeadLetterReason.DESERIALIZATION;
            outcomes.deadLetterBroadcast(DeadLetters.of(new Record<>(alertId, raw.value(), raw.timestamp()),
                    settings.topics().broadcasts(), reason, problem, error), reason, problem);
        }
        return null;
    }

    /**
     * The broadcasts a channel created now takes in: every one so far, each as of its own record time, exactly
     * as it would have had the channel existed when the broadcast arrived; the engine drops alerts already over
     * at their boundary.
     */
    List<KeyValue<String, ValueAndTimestamp<Broadcast>>> active() {
        List<KeyValue<String, ValueAndTimestamp<Broadcast>>> active = new ArrayList<>();
        try (KeyValueIterator<String, ValueAndTimestamp<byte[]>> it = broadcasts.all()) {
            while (it.hasNext()) {
                KeyValue<String, ValueAndTimestamp<byte[]>> entry = it.next();
                String alertId = BroadcastStoreUpdater.alertIdOf(entry.key);
                Broadcast broadcast = decodeQuietly(entry.value);
                if (broadcast != null && BroadcastCheck.problem(alertId, broadcast).isEmpty()) {
                    active.add(KeyValue.pair(alertId, ValueAndTimestamp.make(broadcast, entry.value.timestamp())));
                }
            }
        }
        return active;
    }

    private Broadcast decodeQuietly(ValueAndTimestamp<byte[]> raw) {
        try {
            return raw == null || raw.value() == null ? null
                    : settings.broadcastDeserializer().deserialize(settings.topics().broadcasts(), raw.value());
        } catch (SerializationException e) {
            return null;
        }
    }

    /** {@code state} with the alert (or its cancellation) scheduled, as of the broadcast's record time. */
    ChannelState offer(ChannelState state, KeyValue<String, ValueAndTimestamp<Broadcast>> entry) {
        if (state == null || state.ended()) {
            return state;
        }
        String alertId = entry.key;
        Broadcast broadcast = entry.value.value();
        long received = entry.value.timestamp() * 1000;
        if (broadcast.getPayload() instanceof Alert alert) {
            // Whether it can air on this channel (configured by then, ladder covered) is decided at its boundary.
            if (!targets(alert, state.channelId())) {
                return state;
            }
            long start = Math.max(alert.getStartAt().toEpochMilli() * 1000, received + settings.commandLeadMicros());
            return Playout.schedule(state, ChannelCommandMapper.toStartAlert(alertId, alert, start), start);
        }
        return Playout.schedule(state, new PlayoutCommand.CancelAlert(alertId),
                received + settings.commandLeadMicros());
    }

    private static boolean targets(Alert alert, String channelId) {
        return alert.getChannels().contains("*") || alert.getChannels().contains(channelId);
    }
}
