package org.hlspipeline.processor.channel;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Mirrors the live-windows topic into a global store on every instance, so a channel relays a stream whichever
 * partitions the two live on. Values stay the topic's bytes: a global store restores by copying them, so the
 * store holds the same thing whether it was restored or updated here.
 */
final class LiveWindowStoreUpdater implements Processor<String, byte[], Void, Void> {

    private KeyValueStore<String, byte[]> store;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        store = context.getStateStore(ChannelStores.LIVE_WINDOWS);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        if (record.key() == null) {
            return;
        }
        if (record.value() == null) {
            store.delete(record.key());
        } else {
            store.put(record.key(), record.value());
        }
    }
}
