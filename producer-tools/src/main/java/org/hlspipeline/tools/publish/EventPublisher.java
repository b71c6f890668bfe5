package org.hlspipeline.tools.publish;

import org.apache.avro.specific.SpecificRecord;

/**
 * Publishes one keyed Avro record and waits for the acknowledgement. The Kafka implementation is
 * {@link KafkaEventPublisher}; tests substitute their own.
 */
public interface EventPublisher extends AutoCloseable {

    /**
     * Sends {@code value} under {@code key} to {@code topic} and returns where it landed once acknowledged.
     *
     * @throws PublishException when the record was not (or not provably) acknowledged
     */
    Delivery publish(String topic, String key, SpecificRecord value) throws PublishException;

    /** Releases connections. Never throws. */
    @Override
    void close();
}
