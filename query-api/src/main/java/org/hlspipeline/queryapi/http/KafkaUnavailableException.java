package org.hlspipeline.queryapi.http;

/** A write could not be handed to Kafka (broker down, timeout): the client may retry. */
public class KafkaUnavailableException extends RuntimeException {

    public KafkaUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
