package org.hlspipeline.processor;

import org.apache.kafka.streams.Topology;
import org.hlspipeline.processor.channel.ChannelPlayoutSettings;
import org.hlspipeline.processor.channel.ChannelPlayoutTopology;
import org.hlspipeline.processor.ingest.StreamIngestSettings;
import org.hlspipeline.processor.ingest.StreamIngestTopology;

/**
 * The whole pipeline, as the application runs it: live stream ingest and channel playout in one Kafka Streams
 * application, each part built by its own class. Tests and the application build it with this one method.
 */
public final class PipelineTopology {

    private PipelineTopology() {
    }

    public static Topology build(StreamIngestSettings streams, ChannelPlayoutSettings channels) {
        Topology topology = new Topology();
        StreamIngestTopology.addTo(topology, streams);
        ChannelPlayoutTopology.addTo(topology, channels);
        return topology;
    }
}
