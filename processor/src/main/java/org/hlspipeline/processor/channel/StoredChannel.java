package org.hlspipeline.processor.channel;

import java.nio.ByteBuffer;

import org.hlspipeline.processor.playout.ChannelState;

/**
 * A channel's two store values as they are kept (see {@link ChannelStateCodec}), and as one instance hands them to
 * another for an interactive query: the owner sends the bytes it holds, without decoding them.
 *
 * @param timeline  the {@link ChannelStores#CHANNELS} value
 * @param programme the {@link ChannelStores#PROGRAMMES} value; null when the channel has never had one
 */
public record StoredChannel(byte[] timeline, byte[] programme) {

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
