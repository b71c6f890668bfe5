package org.hlspipeline.schemas.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;
import org.hlspipeline.schemas.registry.SchemaRegistry;

/**
 * Writes generated Avro records in the Confluent wire format, registering their schema under the subject
 * {@code <topic>-value} (or {@code <topic>-key}), as Confluent's TopicNameStrategy does.
 *
 * <p>Thread-safe. After the first record per topic the hot path is a map lookup, the Avro encoding into a
 * per-thread buffer, and one copy into the returned array.
 */
public class AvroSerializer<T extends SpecificRecord> implements Serializer<T> {

    private static final EncoderFactory ENCODERS = EncoderFactory.get();
    // A rare huge record must not pin its buffer to the thread for good.
    private static final int RETAINED_BUFFER_LIMIT = 64 * 1024;
    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private volatile SchemaRegistry registry;
    private volatile boolean isKey;
    private final ConcurrentMap<String, Target> targetsByTopic = new ConcurrentHashMap<>();

    private record Target(Schema schema, int schemaId, DatumWriter<Object> writer) {
    }

    private static final class Scratch {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        BinaryEncoder encoder;
    }

    /** For Kafka to instantiate by class name; {@link #configure} then supplies the registry. */
    public AvroSerializer() {
    }

    /** A value serializer. */
    public AvroSerializer(SchemaRegistry registry) {
        this(registry, false);
    }

    public AvroSerializer(SchemaRegistry registry, boolean isKey) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.isKey = isKey;
    }

    /** Keeps a registry given in the constructor; otherwise builds one from {@code schema.registry.url} etc. */
    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        if (registry == null) {
            registry = AvroSerdeConfig.registry(configs);
        }
        if (this.isKey != isKey) {
            this.isKey = isKey;
            targetsByTopic.clear();
        }
    }

    boolean hasRegistry() {
        return registry != null;
    }

    @Override
    public byte[] serialize(String topic, T data) {
        if (data == null) {
            return null;
        }
        Schema schema = data.getSchema();
        Target target = targetsByTopic.get(topic);
        // Generated classes hand out one Schema instance, so identity is the cheap and exact check.
        if (target == null || target.schema() != schema) {
            target = register(topic, schema);
        }
        Scratch scratch = SCRATCH.get();
        try {
            scratch.bytes.reset();
            ConfluentWireFormat.writeHeader(scratch.bytes, target.schemaId());
            scratch.encoder = ENCODERS.directBinaryEncoder(scratch.bytes, scratch.encoder);
            target.writer().write(data, scratch.encoder);
            scratch.encoder.flush();
            return scratch.bytes.toByteArray();
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("cannot write " + schema.getFullName() + " to topic " + topic
                    + " as Avro: " + e.getMessage(), e);
        } finally {
            if (scratch.bytes.size() > RETAINED_BUFFER_LIMIT) {
                SCRATCH.remove();
            }
        }
    }

    private Target register(String topic, Schema schema) {
        if (topic == null) {
            throw new SerializationException("cannot write " + schema.getFullName()
                    + " without a topic: the topic names the schema subject");
        }
        SchemaRegistry current = registry;
        if (current == null) {
            throw new IllegalStateException("AvroSerializer has no schema registry: pass one to the constructor "
                    + "or call configure() with schema.registry.url");
        }
        int id = current.register(topic + (isKey ? "-key" : "-value"), schema);
        Target target = new Target(schema, id, new SpecificDatumWriter<>(schema));
        targetsByTopic.put(topic, target);
        return target;
    }
}
