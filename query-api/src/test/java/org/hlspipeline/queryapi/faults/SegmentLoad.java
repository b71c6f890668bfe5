package org.hlspipeline.queryapi.faults;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.hlspipeline.processor.ingest.StreamEvents;
import org.hlspipeline.schemas.registry.BundledSchemaRegistry;
import org.hlspipeline.schemas.serde.AvroSerializer;
import org.hlspipeline.schemas.stream.StreamEvent;

/**
 * Transcoders at a steady pace: every stream gets its next segment, in sequence, round after round, produced with
 * {@code acks=all} and idempotence as a careful producer does. It keeps what Kafka acknowledged, which is what the
 * fault tests hold the pipeline to: the last acknowledged sequence of every stream, and how many sends failed.
 */
final class SegmentLoad implements AutoCloseable {

    static final String RENDITION = "720p";

    private final List<String> streams;
    private final Duration round;
    private final KafkaProducer<String, StreamEvent> producer;
    private final String topic;
    private final Map<String, Long> lastAcknowledged = new ConcurrentHashMap<>();
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;
    private long rounds;

    /** {@code count} streams {@code <prefix>-000}..., one segment each per {@code round}. */
    SegmentLoad(String bootstrapServers, String topic, String prefix, int count, Duration round) {
        this(bootstrapServers, topic, prefix, count, round, new AvroSerializer<>(new BundledSchemaRegistry()));
    }

    /** As above, with the events written by {@code serializer}. */
    SegmentLoad(String bootstrapServers, String topic, String prefix, int count, Duration round,
                Serializer<StreamEvent> serializer) {
        this.streams = IntStream.range(0, count).mapToObj(i -> String.format("%s-%03d", prefix, i)).toList();
        this.round = round;
        this.topic = topic;
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5, ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 60_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000),
                new StringSerializer(), serializer);
        this.thread = new Thread(this::run, "segment-load");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        long next = System.nanoTime();
        while (running) {
            long sequence = rounds++;
            for (String stream : streams) {
                producer.send(new ProducerRecord<>(topic, stream, StreamEvents.segment(stream, RENDITION, sequence)),
                        (metadata, error) -> {
                            if (error == null) {
                                acknowledged.incrementAndGet();
                                lastAcknowledged.merge(stream, sequence, Math::max);
                            } else {
                                failed.incrementAndGet();
                            }
                        });
            }
            next += round.toNanos();
            LockSupport.parkNanos(next - System.nanoTime());
        }
    }

    List<String> streams() {
        return streams;
    }

    /** Stops sending and waits until every send in flight is acknowledged or has failed. */
    void stop() throws InterruptedException {
        running = false;
        thread.join();
        producer.flush();
    }

    Map<String, Long> lastAcknowledged() {
        return Map.copyOf(lastAcknowledged);
    }

    long acknowledged() {
        return acknowledged.get();
    }

    long failed() {
        return failed.get();
    }

    @Override
    public void close() throws InterruptedException {
        if (running) {
            stop();
        }
        producer.close();
    }
}
