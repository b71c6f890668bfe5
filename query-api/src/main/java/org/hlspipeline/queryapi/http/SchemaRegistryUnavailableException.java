package org.hlspipeline.queryapi.http;

/** A write could not be encoded because the schema registry did not answer: the client may retry. */
public class SchemaRegistryUnavailableException extends RuntimeException {

    public SchemaRegistryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
