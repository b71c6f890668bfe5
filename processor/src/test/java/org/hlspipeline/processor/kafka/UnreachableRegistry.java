package org.hlspipeline.processor.kafka;

import java.util.concurrent.atomic.AtomicInteger;

import org.apache.avro.Schema;
import org.hlspipeline.schemas.registry.BundledSchemaRegistry;
import org.hlspipeline.schemas.registry.SchemaRegistry;
import org.hlspipeline.schemas.registry.SchemaRegistryException;

/**
 * The bundled ids behind a registry the test takes away and brings back, counting every lookup it is asked.
 * It also knows each bundled schema under a second id ({@link #underNewId}), the way a registry has a new id for a
 * producer's new schema version, so a test can send a record whose id the task has not looked up yet.
 */
public final class UnreachableRegistry implements SchemaRegistry {

    private static final int NEW_ID_OFFSET = 1_000_000;

    private final SchemaRegistry ids = new BundledSchemaRegistry();
    private final AtomicInteger lookups = new AtomicInteger();
    private volatile boolean answering;

    public UnreachableRegistry(boolean answering) {
        this.answering = answering;
    }

    public void answer(boolean answer) {
        this.answering = answer;
    }

    public int lookups() {
        return lookups.get();
    }

    @Override
    public int register(String subject, Schema schema) {
        return ids.register(subject, schema);
    }

    @Override
    public Schema schemaById(int id) {
        lookups.incrementAndGet();
        if (!answering) {
            throw new SchemaRegistryException("GET /schemas/ids/" + id + ": Connection refused");
        }
        return ids.schemaById(id >= NEW_ID_OFFSET ? id - NEW_ID_OFFSET : id);
    }

    /** The same Confluent wire-format record under the second id of its schema. */
    public static byte[] underNewId(byte[] record) {
        byte[] copy = record.clone();
        java.nio.ByteBuffer.wrap(copy, 1, 4).putInt(1, java.nio.ByteBuffer.wrap(record).getInt(1) + NEW_ID_OFFSET);
        return copy;
    }
}
