package org.hlspipeline.tools.publish;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.hlspipeline.schemas.registry.SchemaRegistries;
import org.hlspipeline.schemas.registry.SchemaRegistry;
import org.hlspipeline.schemas.registry.SchemaRegistryException;
import org.hlspipeline.schemas.serde.AvroSerializer;
import org.hlspipeline.tools.cli.ClientSettings;

/**
 * Publishes through a Kafka producer, values in the Confluent wire format with the project's
 * {@link AvroSerializer}, keys as UTF-8 strings (what the app's {@code Serdes.String()} reads).
 *
 * <p>The value is serialized before the record is handed to the producer, so a schema registry failure is told
 * apart from a Kafka failure, and the bytes given to the producer are exactly the bytes on the wire.
 *
 * <p>The producer is idempotent with {@code acks=all}, and its timeouts are short so that a missing broker fails
 * within seconds instead of hanging: {@value #MAX_BLOCK_MS} ms to find the partition leader,
 * {@value #DELIVERY_TIMEOUT_MS} ms for the acknowledgement. The {@code --command-config} file may change the
 * timeouts but not the durability settings.
 */
public final class KafkaEventPublisher implements EventPublisher {

    static final int MAX_BLOCK_MS = 10_000;
    static final int REQUEST_TIMEOUT_MS = 10_000;
    static final int DELIVERY_TIMEOUT_MS = 15_000;
    public static final String CLIENT_ID = "producer-tools";
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private final Producer<byte[], byte[]> producer;
    private final Serializer<SpecificRecord> valueSerializer;
    private final String bootstrapServers;
    private final Duration acknowledgementTimeout;
    private boolean failed;

    /**
     * @param producer               sends the serialized record; closed by {@link #close()}
     * @param valueSerializer        writes the value bytes (normally an {@link AvroSerializer})
     * @param bootstrapServers       named in error messages
     * @param acknowledgementTimeout how long to wait for the producer's answer; a safety net above the
     *                               producer's own {@code max.block.ms + delivery.timeout.ms}
     */
    public KafkaEventPublisher(Producer<byte[], byte[]> producer, Serializer<SpecificRecord> valueSerializer,
                               String bootstrapServers, Duration acknowledgementTimeout) {
        this.producer = Objects.requireNonNull(producer, "producer");
        this.valueSerializer = Objects.requireNonNull(valueSerializer, "valueSerializer");
        this.bootstrapServers = Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        this.acknowledgementTimeout = Objects.requireNonNull(acknowledgementTimeout, "acknowledgementTimeout");
    }

    /** The registry that {@code settings} name (or the bundled ids); a bad configuration is the user's to fix. */
    public static SchemaRegistry schemaRegistry(ClientSettings settings) throws PublishException {
        try {
            return SchemaRegistries.fromConfig(settings.properties());
        } catch (IllegalArgumentException | SchemaRegistryException e) {
            throw new PublishException(PublishException.Failure.INVALID_CONFIG,
                    "invalid schema registry configuration: " + e.getMessage(), e);
        }
    }

    /** The {@link PublisherFactory} the tool uses: a real producer and registry for {@code settings}. */
    public static KafkaEventPublisher open(ClientSettings settings) throws PublishException {
        Map<String, Object> config = producerConfig(settings);
        SchemaRegistry registry = schemaRegistry(settings);
        Producer<byte[], byte[]> producer;
        try {
            producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
        } catch (KafkaException e) {
            throw configFailure(e);
        }
        long safetyNet = millis(config, ProducerConfig.MAX_BLOCK_MS_CONFIG, MAX_BLOCK_MS)
                + millis(config, ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, DELIVERY_TIMEOUT_MS) + 5_000;
        return new KafkaEventPublisher(producer, new AvroSerializer<>(registry), settings.bootstrapServers(),
                Duration.ofMillis(safetyNet));
    }

    /**
     * The producer properties for {@code settings}: the tool's defaults, then the client properties of the
     * {@code --command-config} file (without the registry's, which the producer does not know), then what may not
     * be changed.
     */
    public static Map<String, Object> producerConfig(ClientSettings settings) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.CLIENT_ID_CONFIG, CLIENT_ID);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, MAX_BLOCK_MS);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, REQUEST_TIMEOUT_MS);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, DELIVERY_TIMEOUT_MS);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        settings.properties().forEach((name, value) -> {
            if (!isRegistryProperty(name)) {
                config.put(name, value);
            }
        });
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return config;
    }

    public static boolean isRegistryProperty(String name) {
        return name.startsWith("schema.registry.") || name.startsWith("basic.auth.")
                || name.equals("http.read.timeout.ms") || name.startsWith("specific.avro.");
    }

    @Override
    public Delivery publish(String topic, String key, SpecificRecord value) throws PublishException {
        byte[] bytes;
        try {
            bytes = valueSerializer.serialize(topic, value);
        } catch (SchemaRegistryException e) {
            failed = true;
            throw registryFailure(e);
        }
        ProducerRecord<byte[], byte[]> record =
                new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8), bytes);
        try {
            RecordMetadata metadata = producer.send(record)
                    .get(acknowledgementTimeout.toMillis(), TimeUnit.MILLISECONDS);
            return new Delivery(metadata.topic(), metadata.partition(), metadata.offset());
        } catch (ExecutionException e) {
            failed = true;
            throw kafkaFailure(topic, bootstrapServers, e.getCause() == null ? e : e.getCause());
        } catch (KafkaException e) {
            failed = true;
            throw kafkaFailure(topic, bootstrapServers, e);
        } catch (java.util.concurrent.TimeoutException e) {
            failed = true;
            throw new PublishException(PublishException.Failure.UNAVAILABLE, "no answer from Kafka at "
                    + bootstrapServers + " within " + acknowledgementTimeout.toSeconds()
                    + " s; the record to " + topic + " may or may not have been written", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failed = true;
            throw new PublishException(PublishException.Failure.UNAVAILABLE,
                    "interrupted while waiting for Kafka; the record to " + topic
                            + " may or may not have been written", e);
        }
    }

    /** Closes the producer: gracefully after a success, at once after a failure (nothing is left to deliver). */
    @Override
    public void close() {
        try {
            producer.close(failed ? Duration.ZERO : CLOSE_TIMEOUT);
        } catch (RuntimeException ignored) {
            // Closing must not hide the outcome the user is about to see.
        }
    }

    public static PublishException kafkaFailure(String topic, String bootstrapServers, Throwable e) {
        String detail = describe(e);
        if (e instanceof TimeoutException) {
            return new PublishException(PublishException.Failure.UNAVAILABLE, "Kafka at " + bootstrapServers
                    + " did not take the record for " + topic + " in time (" + detail + "). Is the broker running, "
                    + "does the topic exist, and are --bootstrap-servers and --command-config right?", e);
        }
        if (e instanceof RetriableException) {
            return new PublishException(PublishException.Failure.UNAVAILABLE, "Kafka at " + bootstrapServers
                    + " could not take the record for " + topic + " now (" + detail + ")", e);
        }
        if (e instanceof AuthenticationException) {
            return new PublishException(PublishException.Failure.REFUSED, "Kafka at " + bootstrapServers
                    + " refused the connection: authentication failed (" + detail + "). Check --command-config.", e);
        }
        if (e instanceof AuthorizationException) {
            return new PublishException(PublishException.Failure.REFUSED,
                    "not authorized to write to " + topic + " (" + detail + ")", e);
        }
        return new PublishException(PublishException.Failure.REFUSED,
                "Kafka refused the record for " + topic + " (" + detail + ")", e);
    }

    public static PublishException registryFailure(SchemaRegistryException e) {
        int status = e.httpStatus();
        boolean answered = status != SchemaRegistryException.NONE && status < 500;
        // The bundled registry answers without HTTP: its refusals are final too.
        boolean bundledRefusal = status == SchemaRegistryException.NONE && e.getCause() == null;
        PublishException.Failure failure = answered || bundledRefusal
                ? PublishException.Failure.REFUSED : PublishException.Failure.UNAVAILABLE;
        return new PublishException(failure, "schema registry: " + e.getMessage(), e);
    }

    public static PublishException configFailure(KafkaException e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String detail = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        if (root instanceof ConfigException && detail.startsWith("No resolvable bootstrap urls")) {
            return new PublishException(PublishException.Failure.UNAVAILABLE,
                    "cannot resolve any of the Kafka bootstrap servers (" + detail + ")", e);
        }
        return new PublishException(PublishException.Failure.INVALID_CONFIG,
                "invalid Kafka client configuration: " + detail, e);
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName()
                : e.getClass().getSimpleName() + ": " + message;
    }

    private static long millis(Map<String, Object> config, String name, long fallback) {
        Object value = config.get(name);
        try {
            return value == null ? fallback : Long.parseLong(value.toString().trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
