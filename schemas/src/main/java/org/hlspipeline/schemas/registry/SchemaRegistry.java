package org.hlspipeline.schemas.registry;

import org.apache.avro.Schema;

/**
 * Where schema ids come from. Every record on every topic carries one of these ids in its Confluent wire-format
 * header, so producers and consumers in different processes must resolve them the same way.
 *
 * <p>Implementations are thread-safe and cache: the serde calls them on the hot path.
 */
public interface SchemaRegistry {

    /**
     * Registers {@code schema} under {@code subject} (or finds it already registered) and returns its id.
     * Registering the same schema again returns the same id.
     *
     * @throws SchemaRegistryException when the registry refuses the schema or cannot be reached
     */
    int register(String subject, Schema schema);

    /**
     * The writer schema a record with this id was written with.
     *
     * @throws SchemaRegistryException when the id is unknown ({@link SchemaRegistryException#schemaNotFound()})
     *                                 or the registry cannot be reached
     */
    Schema schemaById(int id);
}
