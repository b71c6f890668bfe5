package org.hlspipeline.processor.channel;

/** Names of the channel stores; part of the changelog topic names, so they never change silently. */
public final class ChannelStores {

    /** {@code channelId} → the channel's timeline, rewritten at every boundary (see {@link ChannelStateCodec}). */
    public static final String CHANNELS = "channels";
    /** {@code channelId} → the channel's programme: queued items, waiting layers, scheduled commands. */
    public static final String PROGRAMMES = "channel-programmes";
    /** {@code <next due µs>|channelId} → channelId: channels with a boundary or a command due. */
    public static final String DUE = "channel-due";
    /** {@code channelId/commandId} and {@code alert/alertId} → when first seen: applied once, never twice. */
    public static final String SEEN = "channel-seen";
    /**
     * {@code <outcome>/<kind>} → how many channel commands this task applied, found duplicate or dead-lettered by
     * reason, and how many broadcasts it dead-lettered ({@link org.hlspipeline.processor.kafka.RecordOutcomes}).
     */
    public static final String COUNTS = "channel-record-counts";
    /**
     * Arrival position → a channel command held back while the schema registry does not answer
     * ({@link org.hlspipeline.processor.kafka.HeldRecords}); empty otherwise.
     */
    public static final String HELD = "channel-held-records";
    /** Global: {@code alertId} → the latest Broadcast (alert or cancellation), on every instance. */
    public static final String BROADCASTS = "broadcasts";

    /** Global: {@code streamId/rendition} → the stream's window (LiveWindow bytes), from the live-windows topic. */
    public static final String LIVE_WINDOWS = "live-stream-windows";

    private ChannelStores() {
    }
}
