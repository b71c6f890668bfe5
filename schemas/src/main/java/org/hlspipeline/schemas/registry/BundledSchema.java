package org.hlspipeline.schemas.registry;

import java.util.Objects;

import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;

/**
 * One schema version the project ships, with the id it has in embedded mode forever.
 *
 * @param id      the fixed schema id written into the Confluent wire-format header; positive, never reused
 * @param subject the subject the schema is meant for (documentation, and for seeding a real registry)
 * @param schema  the exact schema of that version, frozen: records written with this id are decoded with it
 */
public record BundledSchema(int id, String subject, Schema schema) {

    public BundledSchema {
        if (id <= 0) {
            throw new IllegalArgumentException("bundled schema ids are positive, was " + id);
        }
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(schema, "schema");
    }

    /** The fingerprint of the schema's parsing canonical form: equal exactly when the binary encoding is equal. */
    public long fingerprint() {
        return SchemaNormalization.parsingFingerprint64(schema);
    }
}
