package org.hlspipeline.processor.channel;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * Keeps the global broadcasts store: every instance holds every broadcast record, as raw bytes with the
 * record's timestamp, so reading it can never fail a task.
 *
 * <p>Every record is kept under its own key ({@code alertId/partition/offset}), not just the latest per alert:
 * an alert and its later cancellation must both be seen, in a replay too, where the store is loaded in full
 * (Kafka Streams runs this processor on restore) before any channel command is processed.
 */
final class BroadcastStoreUpdater implements Processor<String, byte[], Void, Void> {

    private ProcessorContext<Void, Void> context;
    private TimestampedKeyValueStore<String, byte[]> store;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.context = context;
        this.store = context.getStateStore(ChannelStores.BROADCASTS);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        if (record.key() == null || record.value() == null) {
            return; // a tombstone does not un-air an alert; compaction of the topic is not a cancellation
        }
        String position = context.recordMetadata()
                .map(m -> m.partition() + "/" + String.format("%020d", m.offset()))
                .orElse("t/" + String.format("%020d", record.timestamp()));
        store.put(entryKey(record.key(), position), ValueAndTimestamp.make(record.value(), record.timestamp()));
    }

    static String entryKey(String alertId, String position) {
        return alertId + "/" + position;
    }

    /** The alert id of a store entry: alert ids never contain '/'. */
    static String alertIdOf(String entryKey) {
        int slash = entryKey.indexOf('/');
        return slash < 0 ? entryKey : entryKey.substring(0, slash);
    }
}
