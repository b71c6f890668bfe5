package org.hlspipeline.processor.ingest;

import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;
import org.hlspipeline.processor.kafka.HeldRecords;
import org.hlspipeline.processor.kafka.KeyPlacement;
import org.hlspipeline.processor.kafka.Placement;
import org.hlspipeline.processor.kafka.RecordOutcomes;

/**
 * The live-ingest part of the topology: stream events in, rendition windows and stream state in stores,
 * every window as its playlist shows it to the live-windows topic, rejects to the dead-letter topic.
 *
 * <pre>
 *   hls.stream-events ──▶ stream-event-processor ──▶ hls.dlq
 *                             │                    └─▶ hls.live-windows (streamId/rendition → LiveWindow)
 *                             │  stream-windows        (streamId/rendition → window)
 *                             │  streams               (streamId → renditions, descriptions, ended)
 *                             │  stream-gap-deadlines  (deadline|streamId/rendition, pending windows only)
 *                             │  stream-record-counts  (outcome/kind → count: what became of each event)
 *                             │  stream-held-records   (arrival → event, while the schema registry is away)
 * </pre>
 *
 * Values are read as raw bytes and decoded inside the processor, so a record that cannot be decoded is
 * dead-lettered with its reason instead of stopping the stream thread. Events pass a placement check on the way
 * in ({@link KeyPlacement}), so that a stream's events reach the processor on the stream id's murmur2 partition,
 * where interactive queries look, whatever partitioner their producer used.
 */
public final class StreamIngestTopology {

    private static final String INPUT_PREFIX = "stream-events";
    public static final String SOURCE = INPUT_PREFIX + "-source";
    public static final String PROCESSOR = "stream-event-processor";
    public static final String DEAD_LETTER_SINK = StreamEventProcessor.DEAD_LETTER_CHILD;
    public static final String LIVE_WINDOWS_SINK = LiveWindowPublisher.CHILD;

    private StreamIngestTopology() {
    }

    /** Builds a topology with only the stream ingest part on one-partition topics, as the topology tests use it. */
    public static Topology build(StreamIngestSettings settings) {
        return build(settings, Placement.SINGLE_PARTITION);
    }

    /** Builds a topology with only the stream ingest part. */
    public static Topology build(StreamIngestSettings settings, Placement placement) {
        StreamsBuilder builder = new StreamsBuilder();
        String input = addInput(builder, settings, placement);
        return addTo(builder.build(), settings, input);
    }

    /**
     * Adds the input with its placement check, so that each stream's records reach the processor on the stream
     * id's murmur2 partition, where interactive queries look (see docs/partitioning.md).
     *
     * @return the node the processor reads from, for {@link #addTo}
     */
    public static String addInput(StreamsBuilder builder, StreamIngestSettings settings, Placement placement) {
        return KeyPlacement.addInput(builder, INPUT_PREFIX, settings.topics().streamEvents(), placement);
    }

    /** Adds the processor, its stores and its sinks behind {@code input}, the node {@link #addInput} returned. */
    public static Topology addTo(Topology topology, StreamIngestSettings settings, String input) {
        topology.addProcessor(PROCESSOR, () -> new StreamEventProcessor(settings), input);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StreamStores.WINDOWS),
                Serdes.String(), StreamStateCodecs.WINDOW.serde()), PROCESSOR);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StreamStores.STREAMS),
                Serdes.String(), StreamStateCodecs.STREAM.serde()), PROCESSOR);
        topology.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(StreamStores.GAP_DEADLINES), Serdes.String(), Serdes.String()),
                PROCESSOR);
        topology.addStateStore(RecordOutcomes.store(StreamStores.COUNTS), PROCESSOR);
        topology.addStateStore(HeldRecords.store(StreamStores.HELD), PROCESSOR);
        topology.addSink(DEAD_LETTER_SINK, settings.topics().deadLetters(), new StringSerializer(),
                new ByteArraySerializer(), PROCESSOR);
        if (settings.liveWindowSerializer() != null) {
            // The processor serializes the value, as the channel processor does the as-run, so its output stays
            // bytes, like the dead letters'.
            topology.addSink(LIVE_WINDOWS_SINK, settings.topics().liveWindows(), new StringSerializer(),
                    new ByteArraySerializer(), LiveWindowPublisher.BY_STREAM_ID, PROCESSOR);
        }
        return topology;
    }
}
