package org.hlspipeline.processor.ingest;

import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;

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
 * </pre>
 *
 * Values are read as raw bytes and decoded inside the processor, so a record that cannot be decoded is
 * dead-lettered with its reason instead of stopping the stream thread.
 */
public final class StreamIngestTopology {

    public static final String SOURCE = "stream-events-source";
    public static final String PROCESSOR = "stream-event-processor";
    public static final String DEAD_LETTER_SINK = StreamEventProcessor.DEAD_LETTER_CHILD;
    public static final String LIVE_WINDOWS_SINK = LiveWindowPublisher.CHILD;

    private StreamIngestTopology() {
    }

    /** Builds a topology with only the stream ingest part, as tests and single-purpose deployments use it. */
    public static Topology build(StreamIngestSettings settings) {
        Topology topology = new Topology();
        addTo(topology, settings);
        return topology;
    }

    public static Topology addTo(Topology topology, StreamIngestSettings settings) {
        topology.addSource(SOURCE, new StringDeserializer(), new ByteArrayDeserializer(),
                settings.topics().streamEvents());
        topology.addProcessor(PROCESSOR, () -> new StreamEventProcessor(settings), SOURCE);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StreamStores.WINDOWS),
                Serdes.String(), StreamStateCodecs.WINDOW.serde()), PROCESSOR);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StreamStores.STREAMS),
                Serdes.String(), StreamStateCodecs.STREAM.serde()), PROCESSOR);
        topology.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(StreamStores.GAP_DEADLINES), Serdes.String(), Serdes.String()),
                PROCESSOR);
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
