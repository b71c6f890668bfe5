package org.hlspipeline.processor.channel;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.hlspipeline.processor.playout.ChannelState;

/**
 * A task's channels over its two stores (see {@link ChannelStateCodec}): a boundary that only airs a segment
 * writes the timeline and leaves the programme alone.
 */
final class ChannelStore {

    private final KeyValueStore<String, byte[]> timelines;
    private final KeyValueStore<String, byte[]> programmes;

    ChannelStore(KeyValueStore<String, byte[]> timelines, KeyValueStore<String, byte[]> programmes) {
        this.timelines = timelines;
        this.programmes = programmes;
    }

    /**
     * The channel, or null. Its programme is read from the store only if the engine looks at it, which it does
     * before {@link #put} replaces it: this task is the only writer, and reads, advances and writes one channel
     * at a time.
     */
    ChannelState get(String channelId) {
        byte[] timeline = timelines.get(channelId);
        return timeline == null ? null : ChannelStateCodec.decode(timeline, () -> programmes.get(channelId));
    }

    /**
     * Stores {@code after}, which the engine made from {@code stored} as {@link #get} returned it (null for a new
     * channel). A changed programme is encoded, which reads what it still needs of the old one, before either
     * record is replaced. The programme is written before the timeline: {@link StoredChannel#read} relies on that
     * order to pair the two records consistently while this task writes.
     */
    void put(String channelId, ChannelState stored, ChannelState after) {
        if (ChannelStateCodec.programmeChanged(stored, after)) {
            programmes.put(channelId, ChannelStateCodec.encodeProgramme(after));
        }
        timelines.put(channelId, ChannelStateCodec.encodeTimeline(after));
    }

    List<String> channelIds() {
        List<String> ids = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> it = timelines.all()) {
            it.forEachRemaining(kv -> ids.add(kv.key));
        }
        return ids;
    }
}
