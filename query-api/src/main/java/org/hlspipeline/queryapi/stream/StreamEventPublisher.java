package org.hlspipeline.queryapi.stream;

import java.util.Map;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.hlspipeline.queryapi.config.HlsProperties;
import org.hlspipeline.queryapi.http.KafkaUnavailableException;
import org.hlspipeline.queryapi.http.SchemaRegistryUnavailableException;
import org.hlspipeline.queryapi.kafka.KafkaConnection;
import org.hlspipeline.schemas.registry.SchemaRegistry;
import org.hlspipeline.schemas.registry.SchemaRegistryException;
import org.hlspipeline.schemas.serde.AvroSerializer;
import org.hlspipeline.schemas.stream.StreamEvent;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The HTTP gateway's one way into the pipeline, for streams and channels alike: every write becomes an Avro
 * record on a Kafka topic (stream events, channel commands, broadcasts), keyed so the topology applies it in
 * order like any transcoder's or scheduler's record, never behind Kafka's back. One idempotent producer for all
 * topics, and one mapping of failures: Kafka not taking the record → {@link KafkaUnavailableException}, the
 * schema registry not answering → {@link SchemaRegistryUnavailableException} (both 503).
 */
@Component
public class StreamEventPublisher implements AutoCloseable {

    private final KafkaProducer<String, SpecificRecord> producer;
    private final String streamEvents;

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
        this.streamEvents = properties.topics().streamEvents();
    }

    /** A stream event, on the stream events topic, keyed by its stream id. */
    Mono<RecordMetadata> publish(StreamEvent event) {
        return publish(streamEvents, event.getStreamId(), event);
    }

    /**
     * Publishes {@code value} to {@code topic} under {@code key}; completes once Kafka has acknowledged it (acks
     * all). Nothing is sent until subscription.
     *
     * <p>{@code send} is called on a worker thread, never on the caller's: it blocks until the producer knows the
     * topic's partitions, up to {@code max.block.ms}, which is the whole timeout when Kafka is down and this
     * producer has not written to the topic yet (the first channel command or broadcast after a start). On a
     * Netty event loop that would stall every connection the loop serves, reads included.
     */
    public Mono<RecordMetadata> publish(String topic, String key, SpecificRecord value) {
        return Mono.<RecordMetadata>create(sink -> {
            try {
                producer.send(new ProducerRecord<>(topic, key, value), (metadata, error) -> {
                    if (error != null) {
                        sink.error(new KafkaUnavailableException("Kafka did not take the record for " + topic + ": "
                                + error.getMessage(), error));
                    } else {
                        sink.success(metadata);
                    }
                });
            } catch (SchemaRegistryException e) {
                sink.error(new SchemaRegistryUnavailableException("The schema registry did not answer: "
                        + e.getMessage(), e));
            } catch (RuntimeException e) {
                sink.error(new KafkaUnavailableException("Kafka did not take the record for " + topic + ": "
                        + e.getMessage(), e));
            }
        }).subscribeOn(Schedulers.boundedElastic());
    }

    @Override
    public void close() {
        producer.close(java.time.Duration.ofSeconds(5));
    }
}
