package org.hlspipeline.queryapi.registry;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the schemas topic from its start, for as long as the instance runs, into a {@link RegisteredSchemas}
 * that request threads read without locking. A record it cannot decode is logged and read past: one bad record
 * must not take every schema with it.
 */
final class SchemaLogReader implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SchemaLogReader.class);

    private final TopicPartition partition;
    private final Map<String, Object> consumerProperties;
    private final Admin admin;
    private final Thread thread;
    private volatile KafkaConsumer<byte[], byte[]> consumer;
    private volatile RegisteredSchemas state = RegisteredSchemas.EMPTY;
    private volatile boolean running = true;
    private long position;

    SchemaLogReader(String topic, Map<String, Object> consumerProperties, Admin admin) {
        this.partition = new TopicPartition(topic, 0);
        this.consumerProperties = Map.copyOf(consumerProperties);
        this.admin = admin;
        this.thread = new Thread(this::run, "schema-log-reader");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    RegisteredSchemas current() {
        return state;
    }

    /** The state once the reader has passed the topic's last committed offset as of this call. */
    RegisteredSchemas caughtUp(Duration timeout) {
        long end;
        try {
            end = admin.listOffsets(Map.of(partition, OffsetSpec.latest()),
                            new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
                    .partitionResult(partition).get(timeout.toMillis(), TimeUnit.MILLISECONDS).offset();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw RegistryError.storeUnavailable("cannot read the end of the schemas topic " + partition.topic()
                    + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw RegistryError.timeout("interrupted");
        }
        awaitPosition(end, timeout);
        return state;
    }

    /** Waits until every record before {@code offset} has been applied. */
    synchronized void awaitPosition(long offset, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (position < offset) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw RegistryError.timeout("the schemas topic was read to offset " + position + " of " + offset
                        + " within " + timeout.toMillis() + " ms");
            }
            try {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw RegistryError.timeout("interrupted");
            }
        }
    }

    private void run() {
        try (KafkaConsumer<byte[], byte[]> reading = new KafkaConsumer<>(consumerProperties,
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer = reading;
            reading.assign(List.of(partition));
            reading.seekToBeginning(List.of(partition));
            while (running) {
                for (ConsumerRecord<byte[], byte[]> record : reading.poll(Duration.ofMillis(200))) {
                    apply(record);
                }
                advanceTo(reading.position(partition));
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            log.error("The schemas topic reader stopped; schema requests will time out", e);
        }
    }

    private void apply(ConsumerRecord<byte[], byte[]> record) {
        try {
            SchemaLogCodec.decode(record.key(), record.value()).ifPresent(r -> state = state.apply(r));
        } catch (IllegalArgumentException e) {
            log.warn("Schemas topic {} offset {}: read past a record that is not a registry record ({})",
                    partition, record.offset(), e.getMessage());
        }
    }

    private synchronized void advanceTo(long offset) {
        if (offset > position) {
            position = offset;
            notifyAll();
        }
    }

    @Override
    public void close() {
        running = false;
        KafkaConsumer<byte[], byte[]> reading = consumer;
        if (reading != null) {
            reading.wakeup();
        }
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
