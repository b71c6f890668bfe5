package org.hlspipeline.schemas.registry;

/**
 * A schema registry refused a request or could not be asked.
 *
 * <p>Carries the HTTP status and Confluent {@code error_code} when there was one, so that callers can tell a
 * missing schema (a bad record: dead-letter it) from an unreachable registry (transient: do not drop data).
 */
public class SchemaRegistryException extends RuntimeException {

    /** Confluent's error code for "Schema not found", also used by Apicurio ccompat, Karapace and Redpanda. */
    public static final int SCHEMA_NOT_FOUND = 40403;
    /** Marks an absent HTTP status or error code. */
    public static final int NONE = -1;

    private final int httpStatus;
    private final int errorCode;

    public SchemaRegistryException(String message) {
        this(message, NONE, NONE, null);
    }

    public SchemaRegistryException(String message, Throwable cause) {
        this(message, NONE, NONE, cause);
    }

    public SchemaRegistryException(String message, int httpStatus, int errorCode, Throwable cause) {
        super(message, cause);
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
    }

    /** The HTTP status the registry answered with, or {@link #NONE}. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The Confluent {@code error_code} from the response body, or {@link #NONE}. */
    public int errorCode() {
        return errorCode;
    }

    /** True when the registry positively said the schema id does not exist (as opposed to failing to answer). */
    public boolean schemaNotFound() {
        return errorCode == SCHEMA_NOT_FOUND;
    }
}
