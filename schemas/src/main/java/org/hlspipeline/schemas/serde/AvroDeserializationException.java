package org.hlspipeline.schemas.serde;

import org.apache.kafka.common.errors.SerializationException;

/**
 * A record's bytes cannot be turned into the expected type: not the Confluent wire format, a schema id no registry
 * knows, a corrupt body, or a writer schema the reader cannot resolve.
 *
 * <p>These are properties of the record, so retrying cannot help: the topology dead-letters such records, and the
 * message says what was wrong for whoever reads the dead-letter topic. An unreachable registry is not one of these;
 * it surfaces as a {@link org.hlspipeline.schemas.registry.SchemaRegistryException} so that no record is dropped
 * for a transient outage.
 */
public class AvroDeserializationException extends SerializationException {

    public AvroDeserializationException(String message) {
        super(message);
    }

    public AvroDeserializationException(String message, Throwable cause) {
        super(message, cause);
    }
}
