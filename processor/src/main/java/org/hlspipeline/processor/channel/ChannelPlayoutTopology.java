package org.hlspipeline.processor.channel;

import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;

/**
 * The channel playout part of the topology.
 *
 * <pre>
 *   hls.channel-commands ──▶ channel-command-processor ──▶ hls.as-run     (one record per aired segment)
 *                               │  channels      (channelId → timeline, every boundary)  └──▶ hls.dlq
 *                               │  channel-programmes (channelId → programme, on change)
 *                               │  channel-due   (next due µs|channelId)
 *                               │  channel-seen  (command ids and alerts taken in)
 *                               └─ broadcasts    (global: alertId → latest broadcast, on every instance)
 *   hls.broadcasts ──▶ broadcast-store-updater ──▶ broadcasts
 *   hls.live-windows ──▶ live-stream-windows-updater ──▶ live-stream-windows (global, live relays)
 * </pre>
 */
public final class ChannelPlayoutTopology {

    public static final String SOURCE = "channel-commands-source";
    public static final String PROCESSOR = "channel-command-processor";
    public static final String BROADCASTS_SOURCE = "broadcasts-source";
    public static final String BROADCASTS_UPDATER = "broadcast-store-updater";
    public static final String LIVE_WINDOWS_SOURCE = "live-stream-windows-source";
    public static final String LIVE_WINDOWS_UPDATER = "live-stream-windows-updater";

    private ChannelPlayoutTopology() {
    }

    public static Topology build(ChannelPlayoutSettings settings) {
        return addTo(new Topology(), settings);
    }

    public static Topology addTo(Topology topology, ChannelPlayoutSettings settings) {
        topology.addSource(SOURCE, new StringDeserializer(), new ByteArrayDeserializer(),
                settings.topics().channelCommands());
        topology.addProcessor(PROCESSOR, () -> new ChannelCommandProcessor(settings), SOURCE);
        // Raw bytes: ChannelStore decodes a channel's timeline and programme together (see ChannelStateCodec).
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ChannelStores.CHANNELS),
                Serdes.String(), Serdes.ByteArray()), PROCESSOR);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ChannelStores.PROGRAMMES),
                Serdes.String(), Serdes.ByteArray()), PROCESSOR);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ChannelStores.DUE),
                Serdes.String(), Serdes.String()), PROCESSOR);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ChannelStores.SEEN),
                Serdes.String(), Serdes.Long()), PROCESSOR);
        topology.addGlobalStore(Stores.timestampedKeyValueStoreBuilder(
                        Stores.persistentTimestampedKeyValueStore(ChannelStores.BROADCASTS),
                        Serdes.String(), Serdes.ByteArray()).withLoggingDisabled(),
                BROADCASTS_SOURCE, new StringDeserializer(), new ByteArrayDeserializer(),
                settings.topics().broadcasts(), BROADCASTS_UPDATER, BroadcastStoreUpdater::new);
        if (settings.liveWindowDeserializer() != null) {
            topology.addGlobalStore(Stores.keyValueStoreBuilder(
                            Stores.persistentKeyValueStore(ChannelStores.LIVE_WINDOWS), Serdes.String(),
                            Serdes.ByteArray()).withLoggingDisabled(),
                    LIVE_WINDOWS_SOURCE, new StringDeserializer(), new ByteArrayDeserializer(),
                    settings.topics().liveWindows(), LIVE_WINDOWS_UPDATER, LiveWindowStoreUpdater::new);
        }
        topology.addSink(ChannelCommandProcessor.AS_RUN_CHILD, settings.topics().asRun(), new StringSerializer(),
                new ByteArraySerializer(), PROCESSOR);
        topology.addSink(ChannelCommandProcessor.DEAD_LETTER_CHILD, settings.topics().deadLetters(),
                new StringSerializer(), new ByteArraySerializer(), PROCESSOR);
        return topology;
    }
}
