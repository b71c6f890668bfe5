package org.hlspipeline.processor;

import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.hlspipeline.processor.channel.ChannelPlayoutSettings;
import org.hlspipeline.processor.channel.ChannelPlayoutTopology;
import org.hlspipeline.processor.ingest.StreamIngestSettings;
import org.hlspipeline.processor.ingest.StreamIngestTopology;
import org.hlspipeline.processor.kafka.Placement;

/**
 * The whole pipeline, as the application runs it: live stream ingest and channel playout in one Kafka Streams
 * application, each part built by its own class. Tests and the application build it with this one method.
 *
 * <p>The inputs and their placement checks are built with the DSL, which alone can declare a repartition topic
 * (an internal topic that Kafka Streams creates, purges and resets); the processors and stores are added to the
 * topology it builds (see docs/partitioning.md).
 */
public final class PipelineTopology {

    private PipelineTopology() {
    }

    /** The pipeline on one-partition topics, as the topology tests drive it. */
    public static Topology build(StreamIngestSettings streams, ChannelPlayoutSettings channels) {
        return build(streams, channels, Placement.SINGLE_PARTITION);
    }

    public static Topology build(StreamIngestSettings streams, ChannelPlayoutSettings channels,
                                 Placement placement) {
        StreamsBuilder builder = new StreamsBuilder();
        String events = StreamIngestTopology.addInput(builder, streams, placement);
        String commands = ChannelPlayoutTopology.addInput(builder, channels, placement);
        Topology topology = builder.build();
        StreamIngestTopology.addTo(topology, streams, events);
        ChannelPlayoutTopology.addTo(topology, channels, commands);
        return topology;
    }
}
