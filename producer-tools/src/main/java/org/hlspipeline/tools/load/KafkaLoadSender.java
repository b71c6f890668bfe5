package org.hlspipeline.tools.load;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.hlspipeline.schemas.registry.SchemaRegistry;
import org.hlspipeline.schemas.registry.SchemaRegistryException;
import org.hlspipeline.schemas.serde.AvroSerializer;
import org.hlspipeline.schemas.stream.StreamEvent;
import org.hlspipeline.tools.cli.ClientSettings;
import org.hlspipeline.tools.publish.KafkaEventPublisher;
import org.hlspipeline.tools.publish.PublishException;

/**
 * A Kafka producer configured as the other commands' ({@code acks=all}, idempotent, the same timeouts), in the
 * Confluent wire format through the same serializer, but asynchronous, and batching a little
 * ({@value #LINGER_MS} ms, {@value #BATCH_BYTES} bytes) unless the {@code --command-config} file says otherwise:
 * the cluster is measured with the durability settings that real transcoders get.
 */
final class KafkaLoadSender implements LoadSender {

    static final int LINGER_MS = 5;
    static final int BATCH_BYTES = 64 * 1024;
    static final String CLIENT_ID = "producer-tools-load";

    private final Producer<byte[], byte[]> producer;
    private final Serializer<SpecificRecord> serializer;
    private final String topic;
    private final String bootstrapServers;

    KafkaLoadSender(Producer<byte[], byte[]> producer, Serializer<SpecificRecord> serializer, String topic,
                    String bootstrapServers) {
        this.producer = producer;
        this.serializer = serializer;
        this.topic = topic;
        this.bootstrapServers = bootstrapServers;
    }

    static KafkaLoadSender open(ClientSettings settings) throws PublishException {
        SchemaRegistry registry = KafkaEventPublisher.schemaRegistry(settings);
        try {
            return new KafkaLoadSender(new KafkaProducer<>(producerConfig(settings), new ByteArraySerializer(),
                    new ByteArraySerializer()), new AvroSerializer<>(registry), settings.topic(),
                    settings.bootstrapServers());
        } catch (KafkaException e) {
            throw KafkaEventPublisher.configFailure(e);
        }
    }

    static Map<String, Object> producerConfig(ClientSettings settings) {
        Map<String, Object> config = KafkaEventPublisher.producerConfig(settings);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, settings.properties()
                .getOrDefault(ProducerConfig.CLIENT_ID_CONFIG, CLIENT_ID));
        config.put(ProducerConfig.LINGER_MS_CONFIG, settings.properties()
                .getOrDefault(ProducerConfig.LINGER_MS_CONFIG, String.valueOf(LINGER_MS)));
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, settings.properties()
                .getOrDefault(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(BATCH_BYTES)));
        return config;
    }

    @Override
    public void prepare() throws PublishException {
        try {
            producer.partitionsFor(topic);
        } catch (KafkaException e) {
            throw KafkaEventPublisher.kafkaFailure(topic, bootstrapServers, e);
        }
    }

    @Override
    public long send(String key, StreamEvent value, Outcome outcome) {
        byte[] bytes;
        try {
            bytes = serializer.serialize(topic, value);
        } catch (SchemaRegistryException e) {
            outcome.completed(KafkaEventPublisher.registryFailure(e));
            return 0;
        }
        byte[] keyBytes = key.getBytes(StandardCharsets.UTF_8);
        try {
            producer.send(new ProducerRecord<>(topic, keyBytes, bytes), (metadata, failure) ->
                    outcome.completed(failure == null ? null
                            : KafkaEventPublisher.kafkaFailure(topic, bootstrapServers, failure)));
        } catch (KafkaException e) {
            // Thrown instead of reported to the callback: the producer is closed or fenced, nothing was queued.
            outcome.completed(KafkaEventPublisher.kafkaFailure(topic, bootstrapServers, e));
            return 0;
        }
        return keyBytes.length + (long) bytes.length;
    }

    @Override
    public String destination() {
        return topic + " at " + bootstrapServers;
    }

    @Override
    public void close() {
        try {
            producer.close(Duration.ofSeconds(5));
        } catch (RuntimeException ignored) {
            // Closing must not hide the summary the operator is about to see.
        }
    }
}
