package org.hlspipeline.schemas.registry;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.avro.Schema;

/** Test fake of a registry: ids chosen by the test, and a log of the subjects the serde registered under. */
public final class InMemorySchemaRegistry implements SchemaRegistry {

    private final Map<Integer, Schema> byId = new ConcurrentHashMap<>();
    private final List<String> registeredSubjects = new CopyOnWriteArrayList<>();
    private final AtomicInteger nextId = new AtomicInteger(1000);

    public InMemorySchemaRegistry put(int id, Schema schema) {
        byId.put(id, schema);
        return this;
    }

    public List<String> registeredSubjects() {
        return registeredSubjects;
    }

    @Override
    public synchronized int register(String subject, Schema schema) {
        registeredSubjects.add(subject);
        for (Map.Entry<Integer, Schema> entry : byId.entrySet()) {
            if (entry.getValue().equals(schema)) {
                return entry.getKey();
            }
        }
        int id = nextId.getAndIncrement();
        byId.put(id, schema);
        return id;
    }

    @Override
    public Schema schemaById(int id) {
        Schema schema = byId.get(id);
        if (schema == null) {
            throw new SchemaRegistryException("Schema " + id + " not found", 404, SchemaRegistryException.SCHEMA_NOT_FOUND,
                    null);
        }
        return schema;
    }
}
