package org.hlspipeline.channel;

/** Names of the channel stores; part of the changelog topic names, so they never change silently. */
public final class ChannelStores {

    /** {@code channelId} → {@link org.hlspipeline.playout.ChannelState}. */
    public static final String CHANNELS = "channels";
    /** {@code <next due µs>|channelId} → channelId: channels with a boundary or a command due. */
    public static final String DUE = "channel-due";
    /** {@code channelId/commandId} and {@code alert/alertId} → when first seen: applied once, never twice. */
    public static final String SEEN = "channel-seen";
    /** Global: {@code alertId} → the latest Broadcast (alert or cancellation), on every instance. */
    public static final String BROADCASTS = "broadcasts";

    /** Global: {@code streamId/rendition} → the stream's window, mirrored from its changelog for live relays. */
    public static final String LIVE_WINDOWS = "live-stream-windows";

    private ChannelStores() {
    }
}
