package org.hlspipeline.queryapi.registry;

/**
 * One record of the schemas topic. The topic holds Confluent Schema Registry's own records (see
 * docs/schema-registry.md, "The schemas topic"), so the log stays readable by that registry and its tools.
 */
sealed interface SchemaLogRecord {

    /** A version of a subject; {@code deleted} marks a soft delete, which keeps the id resolvable. */
    record SchemaVersion(String subject, int version, int id, String schema, boolean deleted)
            implements SchemaLogRecord {

        SchemaVersion softDeleted() {
            return new SchemaVersion(subject, version, id, schema, true);
        }
    }

    /** A version permanently deleted: the tombstone of its key. */
    record VersionRemoved(String subject, int version) implements SchemaLogRecord {
    }

    /** A compatibility level for one subject, or for the whole registry when {@code subject} is null. */
    record SubjectConfig(String subject, Compatibility level) implements SchemaLogRecord {
    }

    /** A subject's (or the global) level removed: the tombstone of its key. */
    record ConfigRemoved(String subject) implements SchemaLogRecord {
    }
}
