package org.hlspipeline.channel;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.hlspipeline.playout.ChannelState;

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
     * The channel, or null. Its programme bytes are read now, so that the state stays the one read even if the
     * store changes before the programme is decoded.
     */
    ChannelState get(String channelId) {
        byte[] timeline = timelines.get(channelId);
        return timeline == null ? null : ChannelStateCodec.decode(timeline, programmes.get(channelId));
    }

    /** Stores {@code after}, which {@link #get} returned as {@code stored} (null for a new channel). */
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
