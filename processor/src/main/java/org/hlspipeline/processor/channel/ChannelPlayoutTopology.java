package org.hlspipeline.processor.channel;

import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;
import org.hlspipeline.processor.kafka.HeldRecords;
import org.hlspipeline.processor.kafka.KeyPlacement;
import org.hlspipeline.processor.kafka.Placement;
import org.hlspipeline.processor.kafka.RecordOutcomes;

/**
 * The channel playout part of the topology.
 *
 * <pre>
 *   hls.channel-commands ──▶ channel-command-processor ──▶ hls.as-run     (one record per aired segment)
 *                               │  channels      (channelId → timeline, every boundary)  └──▶ hls.dlq
 *                               │  channel-programmes (channelId → programme, on change)
 *                               │  channel-due   (next due µs|channelId)
 *                               │  channel-seen  (command ids and alerts taken in)
 *                               │  channel-record-counts (outcome/kind → count: what became of each command)
 *                               │  channel-held-records  (arrival → command, while the schema registry is away)
 *                               └─ broadcasts    (global: alertId → latest broadcast, on every instance)
 *   hls.broadcasts ──▶ broadcast-store-updater ──▶ broadcasts
 *   hls.live-windows ──▶ live-stream-windows-updater ──▶ live-stream-windows (global, live relays)
 * </pre>
 *
 * Commands pass a placement check on the way in ({@link KeyPlacement}), so that a channel's commands reach the
 * processor on the channel id's murmur2 partition whatever partitioner their producer used.
 */
public final class ChannelPlayoutTopology {

    private static final String INPUT_PREFIX = "channel-commands";
    public static final String SOURCE = INPUT_PREFIX + "-source";
    public static final String PROCESSOR = "channel-command-processor";
    public static final String BROADCASTS_SOURCE = "broadcasts-source";
    public static final String BROADCASTS_UPDATER = "broadcast-store-updater";
    public static final String LIVE_WINDOWS_SOURCE = "live-stream-windows-source";
    public static final String LIVE_WINDOWS_UPDATER = "live-stream-windows-updater";

    private ChannelPlayoutTopology() {
    }

    /** Builds a topology with only the channel part on one-partition topics, as the topology tests use it. */
    public static Topology build(ChannelPlayoutSettings settings) {
        StreamsBuilder builder = new StreamsBuilder();
        String input = addInput(builder, settings, Placement.SINGLE_PARTITION);
        return addTo(builder.build(), settings, input);
    }

    /**
     * Adds the command input with its placement check, so that each channel's commands reach the processor on
     * the channel id's murmur2 partition, where interactive queries look (see docs/partitioning.md).
     *
     * @return the node the processor reads from, for {@link #addTo}
     */
    public static String addInput(StreamsBuilder builder, ChannelPlayoutSettings settings, Placement placement) {
        return KeyPlacement.addInput(builder, INPUT_PREFIX, settings.topics().channelCommands(), placement);
    }

    /** Adds the processor, its stores and its sinks behind {@code input}, the node {@link #addInput} returned. */
    public static Topology addTo(Topology topology, ChannelPlayoutSettings settings, String input) {
        topology.addProcessor(PROCESSOR, () -> new ChannelCommandProcessor(settings), input);
        // Raw bytes: ChannelStore decodes a channel's timeline and programme together (see ChannelStateCodec).
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ChannelStores.CHANNELS),
                Serdes.String(), Serdes.ByteArray()), PROCESSOR);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ChannelStores.PROGRAMMES),
                Serdes.String(), Serdes.ByteArray()), PROCESSOR);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ChannelStores.DUE),
                Serdes.String(), Serdes.String()), PROCESSOR);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ChannelStores.SEEN),
                Serdes.String(), Serdes.Long()), PROCESSOR);
        topology.addStateStore(RecordOutcomes.store(ChannelStores.COUNTS), PROCESSOR);
        topology.addStateStore(HeldRecords.store(ChannelStores.HELD), PROCESSOR);
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
