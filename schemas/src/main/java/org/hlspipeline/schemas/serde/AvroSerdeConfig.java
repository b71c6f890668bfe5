package org.hlspipeline.schemas.serde;

import java.util.Map;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.config.ConfigException;
import org.hlspipeline.schemas.registry.SchemaRegistries;
import org.hlspipeline.schemas.registry.SchemaRegistry;

/**
 * Property names for configuring the serde the Kafka way (by class name in producer, consumer or Streams
 * properties). Registry settings use the Confluent names, see
 * {@link org.hlspipeline.schemas.registry.SchemaRegistryConfig}.
 */
public final class AvroSerdeConfig {

    /** Record class to deserialize values into; Confluent's name. */
    public static final String VALUE_TYPE = "specific.avro.value.type";
    /** Record class to deserialize keys into; Confluent's name. */
    public static final String KEY_TYPE = "specific.avro.key.type";
    public static final String SHORT_VALUE_TYPE = "value.type";
    public static final String SHORT_KEY_TYPE = "key.type";
    /**
     * A ready {@link SchemaRegistry} object, for code that builds config maps itself and wants every serde to share
     * one registry (and its cache) instead of each building its own from the URL.
     */
    public static final String REGISTRY_INSTANCE = "schema.registry.instance";

    private AvroSerdeConfig() {
    }

    static SchemaRegistry registry(Map<String, ?> configs) {
        Object given = configs.get(REGISTRY_INSTANCE);
        if (given instanceof SchemaRegistry registry) {
            return registry;
        }
        return SchemaRegistries.fromConfig(configs);
    }

    static <T extends SpecificRecord> Class<T> recordType(Map<String, ?> configs, boolean isKey) {
        String key = isKey ? KEY_TYPE : VALUE_TYPE;
        Object value = configs.get(key);
        if (value == null) {
            key = isKey ? SHORT_KEY_TYPE : SHORT_VALUE_TYPE;
            value = configs.get(key);
        }
        if (value == null) {
            throw new ConfigException("the Avro deserializer needs the record class to read into: set "
                    + (isKey ? KEY_TYPE : VALUE_TYPE) + " to a generated class name");
        }
        Class<?> type;
        if (value instanceof Class<?> given) {
            type = given;
        } else {
            String name = value.toString().trim();
            try {
                ClassLoader loader = Thread.currentThread().getContextClassLoader();
                type = Class.forName(name, true, loader != null ? loader : AvroSerdeConfig.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new ConfigException(key, name, "no such class on the classpath");
            }
        }
        if (!SpecificRecord.class.isAssignableFrom(type)) {
            throw new ConfigException(key, type.getName(), "not an Avro-generated SpecificRecord class");
        }
        @SuppressWarnings("unchecked")
        Class<T> recordType = (Class<T>) type;
        return recordType;
    }
}
