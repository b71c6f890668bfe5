package org.hlspipeline.schemas.serde;

import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Collectors;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.hlspipeline.schemas.registry.SchemaRegistry;
import org.hlspipeline.schemas.registry.SchemaRegistryException;

/**
 * Reads Confluent wire-format records into a generated Avro class.
 *
 * <p>Each record is decoded with the schema it was written with (looked up by the id in its header) resolved
 * against the class's own schema, so old records gain defaults for new fields and newer records lose fields this
 * build does not know. Thread-safe; one Avro reader per schema id, built once.
 *
 * <p>Bad records throw {@link AvroDeserializationException}; a registry that cannot be reached throws
 * {@link SchemaRegistryException}, which is not a verdict on the record.
 */
public class AvroDeserializer<T extends SpecificRecord> implements Deserializer<T> {

    static {
        AvroLimits.apply();
    }

    private static final DecoderFactory DECODERS = DecoderFactory.get();
    private static final ThreadLocal<BinaryDecoder> DECODER = new ThreadLocal<>();

    private volatile SchemaRegistry registry;
    private volatile Class<T> type;
    private volatile Schema readerSchema;
    private volatile SpecificData model;
    private final ConcurrentMap<Integer, Reading<T>> readingsById = new ConcurrentHashMap<>();
    // Topics mostly carry one schema id at a time: skip the map (and Integer boxing) for a repeat.
    private volatile Reading<T> lastReading;

    /**
     * @param incompatibility why the writer schema does not resolve against the reader schema in general, or null;
     *                        records may still decode (for instance when they use a union branch both know)
     * @param guard           null unless the writer has union branches the reader lacks
     * @param otherType       the writer is another of the pipeline's own record types
     */
    private record Reading<T>(int schemaId, Schema writerSchema, DatumReader<T> reader, String incompatibility,
                              UnionBranchGuard guard, boolean otherType) {
    }

    /** For Kafka to instantiate by class name; {@link #configure} then supplies the registry and record class. */
    public AvroDeserializer() {
    }

    public AvroDeserializer(Class<T> type, SchemaRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
        useType(Objects.requireNonNull(type, "type"));
    }

    /**
     * Keeps what the constructor was given; otherwise reads the registry settings and
     * {@code specific.avro.value.type} (or {@code .key.type}).
     */
    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        if (registry == null) {
            registry = AvroSerdeConfig.registry(configs);
        }
        if (type == null) {
            useType(AvroSerdeConfig.<T>recordType(configs, isKey));
        }
    }

    private void useType(Class<T> recordType) {
        SpecificData data = SpecificData.getForClass(recordType);
        this.model = data;
        this.readerSchema = data.getSchema(recordType);
        this.type = recordType;
    }

    boolean hasRegistry() {
        return registry != null;
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        int schemaId = ConfluentWireFormat.readSchemaId(data);
        Reading<T> reading = lastReading;
        if (reading == null || reading.schemaId() != schemaId) {
            reading = reading(schemaId);
            lastReading = reading;
        }
        if (reading.otherType()) {
            // Checked first: the union guard would otherwise call its payload a type this build does not know.
            throw new AvroDeserializationException("schema id " + schemaId + " is " + reading.writerSchema().getFullName()
                    + ", the pipeline's type of another topic, not " + readerSchema.getFullName()
                    + ": a record written to the wrong topic?");
        }
        if (reading.guard() != null) {
            reading.guard().check(data, ConfluentWireFormat.HEADER_LENGTH, data.length - ConfluentWireFormat.HEADER_LENGTH,
                    schemaId);
        }
        BinaryDecoder decoder = DECODERS.binaryDecoder(data, ConfluentWireFormat.HEADER_LENGTH,
                data.length - ConfluentWireFormat.HEADER_LENGTH, DECODER.get());
        DECODER.set(decoder);
        T value;
        try {
            value = reading.reader().read(null, decoder);
        } catch (IOException | RuntimeException e) {
            if (reading.incompatibility() != null) {
                throw new AvroDeserializationException("schema id " + schemaId + " (" + reading.writerSchema().getFullName()
                        + ") cannot be read as " + readerSchema.getFullName() + ": " + reading.incompatibility()
                        + " (" + e.getMessage() + ")", e);
            }
            throw new AvroDeserializationException("corrupt Avro body: " + describe(e) + " (schema id " + schemaId
                    + ", " + data.length + " bytes)", e);
        }
        if (!isEnd(decoder)) {
            throw new AvroDeserializationException("corrupt Avro body: bytes left over after a complete "
                    + readerSchema.getFullName() + " (schema id " + schemaId + ", " + data.length + " bytes)");
        }
        return value;
    }

    private Reading<T> reading(int schemaId) {
        Reading<T> known = readingsById.get(schemaId);
        if (known != null) {
            return known;
        }
        SchemaRegistry current = registry;
        Schema reader = readerSchema;
        if (current == null || reader == null) {
            throw new IllegalStateException("AvroDeserializer is not configured: pass the record class and registry "
                    + "to the constructor or call configure() with schema.registry.url and specific.avro.value.type");
        }
        Schema writer;
        try {
            writer = current.schemaById(schemaId);
        } catch (SchemaRegistryException e) {
            if (e.schemaNotFound()) {
                throw new AvroDeserializationException("unknown schema id " + schemaId + " (" + e.getMessage() + ")", e);
            }
            throw e;
        }
        Reading<T> fresh = new Reading<>(schemaId, writer, new SpecificDatumReader<>(writer, reader, model),
                incompatibility(reader, writer), UnionBranchGuard.forSchemas(writer, reader),
                isAnotherOfOurTypes(writer, reader));
        Reading<T> raced = readingsById.putIfAbsent(schemaId, fresh);
        return raced != null ? raced : fresh;
    }

    private static String incompatibility(Schema reader, Schema writer) {
        SchemaCompatibility.SchemaPairCompatibility pair =
                SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
        if (pair.getType() == SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
            return null;
        }
        return pair.getResult().getIncompatibilities().stream()
                .map(i -> i.getType() + " at " + i.getLocation() + ": " + i.getMessage())
                .collect(Collectors.joining("; "));
    }

    /** A record of one of the pipeline's own types other than the reader's, such as a Broadcast on stream events. */
    private static boolean isAnotherOfOurTypes(Schema writer, Schema reader) {
        return writer.getType() == Schema.Type.RECORD && writer.getNamespace() != null
                && writer.getNamespace().startsWith("org.hlspipeline.schemas.")
                && !SchemaCompatibility.schemaNameEquals(reader, writer);
    }

    private static boolean isEnd(BinaryDecoder decoder) {
        try {
            return decoder.isEnd();
        } catch (IOException e) {
            return false;
        }
    }

    private static String describe(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
