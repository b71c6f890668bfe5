package org.hlspipeline.queryapi.kafka;

import java.util.Map;
import java.util.function.Function;

import org.apache.kafka.streams.Topology;
import org.hlspipeline.queryapi.config.HlsProperties;
import org.hlspipeline.processor.kafka.PipelineTopics;
import org.hlspipeline.processor.kafka.Placement;
import org.hlspipeline.processor.kafka.PlacementListener;
import org.hlspipeline.schemas.registry.SchemaRegistry;
import org.hlspipeline.schemas.serde.AvroDeserializer;
import org.hlspipeline.schemas.stream.LiveWindow;
import org.hlspipeline.schemas.stream.StreamEvent;
import org.hlspipeline.processor.ingest.IngestListener;
import org.hlspipeline.processor.ingest.StreamIngestSettings;
import org.hlspipeline.processor.channel.ChannelPlayoutSettings;
import org.hlspipeline.processor.channel.PlayoutListener;
import org.hlspipeline.processor.PipelineTopology;
import org.hlspipeline.schemas.channel.Broadcast;
import org.hlspipeline.schemas.channel.ChannelCommand;
import org.hlspipeline.schemas.serde.AvroSerializer;
import org.hlspipeline.processor.window.WindowPolicy;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;

/** Builds the topology from the application's settings, with the same method the tests use. */
@Configuration(proxyBeanMethods = false)
class PipelineConfiguration {

    @Bean
    TopicPartitionCounts topicPartitionCounts() {
        return new TopicPartitionCounts();
    }

    @Bean
    CommittedBacklog committedBacklog(KafkaConnection connection, HlsProperties hls) {
        return new CommittedBacklog(connection.adminProperties(), hls.applicationId());
    }

    @Bean
    Topology pipelineTopology(HlsProperties hls, SchemaRegistry registry, IngestListener listener,
                              PlayoutListener playoutListener, PlacementListener placementListener,
                              TopicPartitionCounts partitionCounts, CommittedBacklog backlog) {
        PipelineTopics topics = hls.topics().pipelineTopics();
        HlsProperties.Stream stream = hls.stream();
        WindowPolicy base = new WindowPolicy(stream.windowSize(), stream.targetDuration(),
                WindowPolicy.defaults().maxPendingSegments());
        Map<String, Integer> sizes = stream.windowSizes();
        Function<String, WindowPolicy> policies = streamId -> {
            Integer size = sizes.get(streamId);
            return size == null ? base : base.withWindowSize(size);
        };
        StreamIngestSettings settings = new StreamIngestSettings(topics,
                new AvroDeserializer<>(StreamEvent.class, registry), policies, stream.idleTtl(),
                stream.gapCheckInterval(), StreamIngestSettings.DEFAULT_IDLE_CHECK_INTERVAL, listener,
                new AvroSerializer<>(registry));
        ChannelPlayoutSettings channels = new ChannelPlayoutSettings(topics,
                new AvroDeserializer<>(ChannelCommand.class, registry), new AvroDeserializer<>(Broadcast.class, registry),
                new AvroSerializer<>(registry), hls.channel().commandLead(), hls.channel().tickInterval(),
                playoutListener, new AvroDeserializer<>(LiveWindow.class, registry), backlog);
        return PipelineTopology.build(settings, channels, new Placement(partitionCounts, placementListener));
    }

    @Bean
    StreamsRuntime streamsRuntime(KafkaConnection connection, HlsProperties hls, Topology topology,
                                  LocalInstance localInstance, TopicPartitionCounts partitionCounts,
                                  MeterRegistry meters,
                                  @Value("${hls.kafka-streams-enabled:true}") boolean kafkaStreamsEnabled) {
        return new StreamsRuntime(connection, hls, topology, localInstance, partitionCounts,
                streams -> new KafkaStreamsMetrics(streams).bindTo(meters), kafkaStreamsEnabled);
    }
}
