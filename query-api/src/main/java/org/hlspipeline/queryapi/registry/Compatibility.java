package org.hlspipeline.queryapi.registry;

import java.util.List;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;

/**
 * A subject's compatibility level, with Confluent's names and meanings, checked by Avro's own
 * {@link SchemaCompatibility}: BACKWARD means the new schema can read what the latest one wrote, FORWARD that the
 * latest can read what the new one writes, FULL both; the transitive levels check every live version, not only
 * the latest.
 */
enum Compatibility {
    NONE, BACKWARD, BACKWARD_TRANSITIVE, FORWARD, FORWARD_TRANSITIVE, FULL, FULL_TRANSITIVE;

    /** What a registry without any configuration applies, as Confluent's does. */
    static final Compatibility DEFAULT = BACKWARD;

    /**
     * @param previous the subject's live versions, oldest first
     * @return the first reason the candidate is refused, or null when it is compatible
     */
    String problem(Schema candidate, List<Schema> previous) {
        if (this == NONE || previous.isEmpty()) {
            return null;
        }
        boolean transitive = name().endsWith("_TRANSITIVE");
        List<Schema> against = transitive ? previous : List.of(previous.get(previous.size() - 1));
        boolean backward = this != FORWARD && this != FORWARD_TRANSITIVE;
        boolean forward = this != BACKWARD && this != BACKWARD_TRANSITIVE;
        for (Schema existing : against) {
            if (backward && !reads(candidate, existing)) {
                return "the new schema cannot read data written with an earlier one (" + this + ")";
            }
            if (forward && !reads(existing, candidate)) {
                return "data written with the new schema cannot be read with an earlier one (" + this + ")";
            }
        }
        return null;
    }

    private static boolean reads(Schema reader, Schema writer) {
        return SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getType()
                == SchemaCompatibilityType.COMPATIBLE;
    }
}
