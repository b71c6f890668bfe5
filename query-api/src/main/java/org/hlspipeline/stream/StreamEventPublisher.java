package org.hlspipeline.stream;

import java.util.Map;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.hlspipeline.HlsProperties;
import org.hlspipeline.http.KafkaUnavailableException;
import org.hlspipeline.http.SchemaRegistryUnavailableException;
import org.hlspipeline.kafka.KafkaConnection;
import org.hlspipeline.schemas.registry.SchemaRegistry;
import org.hlspipeline.schemas.registry.SchemaRegistryException;
import org.hlspipeline.schemas.serde.AvroSerializer;
import org.hlspipeline.schemas.stream.StreamEvent;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * The HTTP gateway's way into the pipeline: every write becomes a stream event on Kafka, keyed by stream id,
 * and is applied by the topology like any transcoder's event, never behind Kafka's back.
 */
@Component
class StreamEventPublisher implements AutoCloseable {

    private final KafkaProducer<String, StreamEvent> producer;
    private final String topic;

    StreamEventPublisher(KafkaConnection connection, SchemaRegistry registry, HlsProperties properties) {
        Map<String, Object> props = connection.producerProperties();
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 1);
        // A write that Kafka cannot take within a few seconds answers 503 rather than hanging the client.
        props.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        props.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 4_000);
        props.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000);
        this.producer = new KafkaProducer<>(props, new StringSerializer(), new AvroSerializer<>(registry));
        this.topic = properties.topics().streamEvents();
    }

    Mono<RecordMetadata> publish(StreamEvent event) {
        return Mono.<RecordMetadata>create(sink -> {
            try {
                producer.send(new ProducerRecord<>(topic, event.getStreamId(), event), (metadata, error) -> {
                    if (error != null) {
                        sink.error(new KafkaUnavailableException("Kafka did not take the event: "
                                + error.getMessage(), error));
                    } else {
                        sink.success(metadata);
                    }
                });
            } catch (SchemaRegistryException e) {
                sink.error(new SchemaRegistryUnavailableException("The schema registry did not answer: "
                        + e.getMessage(), e));
            } catch (RuntimeException e) {
                sink.error(new KafkaUnavailableException("Kafka did not take the event: " + e.getMessage(), e));
            }
        });
    }

    @Override
    public void close() {
        producer.close(java.time.Duration.ofSeconds(5));
    }
}
