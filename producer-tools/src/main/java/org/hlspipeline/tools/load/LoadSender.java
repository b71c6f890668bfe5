package org.hlspipeline.tools.load;

import org.hlspipeline.schemas.stream.StreamEvent;
import org.hlspipeline.tools.publish.PublishException;

/**
 * Sends a load run's records without waiting for each acknowledgement, so that a single thread can keep many in
 * flight. {@link KafkaLoadSender} is the real one; tests substitute their own.
 */
interface LoadSender extends AutoCloseable {

    /** Called once per record, possibly on another thread and possibly before {@link #send} returns. */
    @FunctionalInterface
    interface Outcome {
        /** @param failure null once the record is acknowledged; else why it was not (its exit code included) */
        void completed(PublishException failure);
    }

    /**
     * Learns where the topic's partitions are before the clock starts, so that the first records are not late by
     * a metadata round trip, and an unreachable cluster is reported before anything is sent.
     */
    void prepare() throws PublishException;

    /**
     * Hands one record to the client; may block while the client's buffer is full.
     *
     * @return the bytes of key and value handed over, or 0 when the record failed before that
     */
    long send(String key, StreamEvent value, Outcome outcome);

    /** Where the records go, for the summary: {@code hls.stream-events at 127.0.0.1:9092}. */
    String destination();

    /** Releases the client. Never throws. */
    @Override
    void close();
}
