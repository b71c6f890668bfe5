package org.hlspipeline.schemas.serde;

import java.util.HashMap;
import java.util.Map;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.hlspipeline.schemas.registry.SchemaRegistry;

/**
 * {@link AvroSerializer} and {@link AvroDeserializer} as one Kafka Streams serde.
 *
 * <p>In code: {@code AvroSerde.of(StreamEvent.class, registry)}. By class name ({@code default.value.serde}): the
 * no-arg constructor, then {@link #configure} with {@code schema.registry.url} and
 * {@code specific.avro.value.type}.
 */
public class AvroSerde<T extends SpecificRecord> implements Serde<T> {

    private final AvroSerializer<T> serializer;
    private final AvroDeserializer<T> deserializer;

    /** For Kafka to instantiate by class name. */
    public AvroSerde() {
        this(new AvroSerializer<>(), new AvroDeserializer<>());
    }

    private AvroSerde(AvroSerializer<T> serializer, AvroDeserializer<T> deserializer) {
        this.serializer = serializer;
        this.deserializer = deserializer;
    }

    /** A serde for record values: subject {@code <topic>-value}. */
    public static <T extends SpecificRecord> AvroSerde<T> of(Class<T> type, SchemaRegistry registry) {
        return new AvroSerde<>(new AvroSerializer<>(registry, false), new AvroDeserializer<>(type, registry));
    }

    /** A serde for record keys: subject {@code <topic>-key}. */
    public static <T extends SpecificRecord> AvroSerde<T> forKey(Class<T> type, SchemaRegistry registry) {
        return new AvroSerde<>(new AvroSerializer<>(registry, true), new AvroDeserializer<>(type, registry));
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        Map<String, ?> effective = configs;
        if (!serializer.hasRegistry() && !deserializer.hasRegistry()
                && !(configs.get(AvroSerdeConfig.REGISTRY_INSTANCE) instanceof SchemaRegistry)) {
            // Both halves share one client, so a schema registered by one is already cached for the other.
            Map<String, Object> withRegistry = new HashMap<>(configs);
            withRegistry.put(AvroSerdeConfig.REGISTRY_INSTANCE, AvroSerdeConfig.registry(configs));
            effective = withRegistry;
        }
        serializer.configure(effective, isKey);
        deserializer.configure(effective, isKey);
    }

    @Override
    public Serializer<T> serializer() {
        return serializer;
    }

    @Override
    public Deserializer<T> deserializer() {
        return deserializer;
    }
}
