package org.hlspipeline.schemas.registry;

import java.util.Map;

/** Picks the registry for a run mode from the same properties the Confluent serde reads. */
public final class SchemaRegistries {

    private SchemaRegistries() {
    }

    /**
     * A REST client when {@code schema.registry.url} is set, else the embedded-mode {@link BundledSchemaRegistry}.
     */
    public static SchemaRegistry fromConfig(Map<String, ?> config) {
        SchemaRegistryConfig registry = SchemaRegistryConfig.fromProperties(config);
        return registry.hasUrls() ? new RestSchemaRegistryClient(registry) : new BundledSchemaRegistry();
    }
}
