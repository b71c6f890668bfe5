package org.hlspipeline.tools.cli;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The resolved connection settings of one run.
 *
 * @param bootstrapServers Kafka's {@code bootstrap.servers}
 * @param topic            where to publish
 * @param properties       every other client property: the {@code --command-config} file's (security.protocol,
 *                         sasl.*, ssl.*, ...) and the schema registry's ({@code schema.registry.url},
 *                         {@code basic.auth.user.info}, {@code schema.registry.ssl.*}). May hold secrets, so
 *                         {@link #toString()} shows the keys only.
 */
public record ClientSettings(String bootstrapServers, String topic, Map<String, String> properties) {

    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";

    public ClientSettings {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(topic, "topic");
        properties = Map.copyOf(properties);
    }

    /** The registry's URL(s), or null for the bundled schema ids of the embedded mode. */
    public String schemaRegistryUrl() {
        return properties.get(SCHEMA_REGISTRY_URL);
    }

    @Override
    public String toString() {
        return "ClientSettings[bootstrapServers=" + bootstrapServers + ", topic=" + topic
                + ", schemaRegistryUrl=" + (schemaRegistryUrl() == null ? "(bundled ids)" : "(set)")
                + ", properties=" + new TreeMap<>(properties).keySet() + "]";
    }
}
