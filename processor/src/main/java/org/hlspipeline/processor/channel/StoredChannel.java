package org.hlspipeline.processor.channel;

import java.nio.ByteBuffer;
import java.util.Arrays;

import org.hlspipeline.processor.playout.ChannelState;

/**
 * A channel's two store values as they are kept (see {@link ChannelStateCodec}), and as one instance hands them to
 * another for an interactive query: the owner sends the bytes it holds, without decoding them.
 *
 * @param timeline  the {@link ChannelStores#CHANNELS} value
 * @param programme the {@link ChannelStores#PROGRAMMES} value; null when the channel has never had one
 */
public record StoredChannel(byte[] timeline, byte[] programme) {

    private static final int READ_ATTEMPTS = 16;

    /** One store of the channel task, as an interactive query sees it: the value under a key, or null. */
    @FunctionalInterface
    public interface StoreReader {
        byte[] get(String storeName, String channelId);
    }

    /**
     * Reads a channel's two records so that they belong to the same boundary, or returns null when the channel
     * has none. The task may write while a query reads: a timeline read before a new programme lands, paired with
     * that programme, would describe lists of other lengths. {@link ChannelStore#put} writes the programme
     * before the timeline, so a programme read twice, unchanged, around the timeline's read was the programme
     * of that timeline.
     *
     * @throws IllegalStateException when the programme changed under every attempt (a task rewriting it
     *                               continuously); the caller should answer "try again"
     */
    public static StoredChannel read(StoreReader stores, String channelId) {
        for (int attempt = 0; attempt < READ_ATTEMPTS; attempt++) {
            byte[] programme = stores.get(ChannelStores.PROGRAMMES, channelId);
            byte[] timeline = stores.get(ChannelStores.CHANNELS, channelId);
            if (timeline == null) {
                return null;
            }
            byte[] confirmed = stores.get(ChannelStores.PROGRAMMES, channelId);
            if (Arrays.equals(programme, confirmed)) {
                return new StoredChannel(timeline, confirmed);
            }
        }
        throw new IllegalStateException("channel " + channelId + " changed under " + READ_ATTEMPTS + " reads");
    }

    /** Both records of a channel, as a new channel (or a test) stores them. */
    public static StoredChannel of(ChannelState state) {
        return new StoredChannel(ChannelStateCodec.encodeTimeline(state), ChannelStateCodec.encodeProgramme(state));
    }

    public ChannelState decode() {
        return ChannelStateCodec.decode(timeline, programme);
    }

    /** The timeline's length, the timeline, then the programme (absent when null). */
    public byte[] toBytes() {
        int programmeLength = programme == null ? 0 : programme.length;
        return ByteBuffer.allocate(Integer.BYTES + timeline.length + programmeLength)
                .putInt(timeline.length).put(timeline).put(programme == null ? new byte[0] : programme).array();
    }

    public static StoredChannel fromBytes(byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        int timelineLength = buffer.getInt();
        if (timelineLength < 0 || timelineLength > buffer.remaining()) {
            throw new IllegalArgumentException("not a stored channel: timeline length " + timelineLength);
        }
        byte[] timeline = new byte[timelineLength];
        buffer.get(timeline);
        byte[] programme = buffer.hasRemaining() ? new byte[buffer.remaining()] : null;
        if (programme != null) {
            buffer.get(programme);
        }
        return new StoredChannel(timeline, programme);
    }
}
