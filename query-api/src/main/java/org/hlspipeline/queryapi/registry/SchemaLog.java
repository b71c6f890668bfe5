package org.hlspipeline.queryapi.registry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The schemas topic as the registry's store: {@link SchemaLogReader} keeps every instance's
 * {@link RegisteredSchemas} up to date, and {@link #write} appends a request's records while no other instance
 * can.
 *
 * @see KafkaClients for the clients' settings
 * <p>One writer at a time, without a leader: every instance writes with the same transactional id, so starting
 * a write fences the previous writer (its open transaction is aborted, its commit fails) and then reads the topic
 * to its end before deciding. A fenced writer starts over, against the state that now includes the winner's
 * records. Registrations are rare, so a producer per write costs nothing that matters. See
 * docs/schema-registry.md, "One writer at a time".
 */
final class SchemaLog implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SchemaLog.class);
    private static final int ATTEMPTS = 10;

    private final String topic;
    private final Map<String, Object> producerProperties;
    private final Duration timeout;
    private final SchemaLogReader reader;

    private final Admin admin;
    private final Object writeLock = new Object();

    SchemaLog(String topic, String transactionalId, KafkaClients clients, Duration timeout) {
        this.topic = topic;
        this.admin = Admin.create(clients.admin());
        this.timeout = timeout;
        Map<String, Object> producer = new HashMap<>(clients.producer());
        producer.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        producer.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producer.put(ProducerConfig.ACKS_CONFIG, "all");
        producer.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) timeout.toMillis());
        producer.put(ProducerConfig.CLIENT_ID_CONFIG, transactionalId + "-writer");
        this.producerProperties = Map.copyOf(producer);
        Map<String, Object> consumer = new HashMap<>(clients.consumer());
        consumer.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumer.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumer.remove(ConsumerConfig.GROUP_ID_CONFIG);
        consumer.put(ConsumerConfig.CLIENT_ID_CONFIG, transactionalId + "-reader");
        this.reader = new SchemaLogReader(topic, consumer, admin);
    }

    /** Creates the topic if it is missing (one partition, compacted, as Confluent's registry requires) and reads it. */
    void start() {
        try {
            NewTopic schemas = new NewTopic(topic, Optional.of(1), Optional.empty())
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
            admin.createTopics(List.of(schemas)).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            log.info("Created the schemas topic {}", topic);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create the schemas topic " + topic, e.getCause());
            }
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("no answer from Kafka while creating the schemas topic " + topic, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating the schemas topic " + topic, e);
        }
        reader.start();
    }

    /** The state as read so far, without waiting. */
    RegisteredSchemas current() {
        return reader.current();
    }

    /** The state once everything committed to the topic before this call has been read. */
    RegisteredSchemas caughtUp() {
        return reader.caughtUp(timeout);
    }

    /**
     * Decides on the state read to the end, appends the records decided, and answers once this instance has read
     * them back. The decision may run more than once: only the attempt that commits counts.
     */
    <T> T write(Function<RegisteredSchemas, Change<T>> request) {
        // This instance's own requests queue here instead of fencing each other.
        synchronized (writeLock) {
            return writeAlone(request);
        }
    }

    private <T> T writeAlone(Function<RegisteredSchemas, Change<T>> request) {
        for (int attempt = 1; ; attempt++) {
            KafkaProducer<byte[], byte[]> producer = null;
            try {
                producer = new KafkaProducer<>(producerProperties, new ByteArraySerializer(),
                        new ByteArraySerializer());
                producer.initTransactions();
                Change<T> change = request.apply(reader.caughtUp(timeout));
                if (change.records().isEmpty()) {
                    return change.answer();
                }
                producer.beginTransaction();
                List<java.util.concurrent.Future<RecordMetadata>> sent = new ArrayList<>();
                for (SchemaLogRecord record : change.records()) {
                    SchemaLogCodec.Encoded encoded = SchemaLogCodec.encode(record);
                    sent.add(producer.send(new ProducerRecord<>(topic, 0, encoded.key(), encoded.value())));
                }
                producer.commitTransaction();
                long last = sent.get(sent.size() - 1).get().offset();
                reader.awaitPosition(last + 1, timeout);
                return change.answer();
            } catch (AuthenticationException | AuthorizationException | TimeoutException e) {
                throw RegistryError.storeUnavailable(e.getMessage());
            } catch (KafkaException e) {
                // Mostly another instance starting a write meanwhile: its initTransactions() fenced this one
                // (ProducerFencedException, InvalidTxnStateException, or the broker's own error on a transaction
                // it is aborting). Nothing of this attempt is visible, and the request decides again.
                if (attempt == ATTEMPTS) {
                    throw RegistryError.storeUnavailable("the schemas topic write failed " + ATTEMPTS + " times, "
                            + "last: " + e.getMessage());
                }
                log.debug("Schemas topic write attempt {} failed; trying again", attempt, e);
                backOff(attempt);
            } catch (ExecutionException e) {
                throw RegistryError.storeUnavailable(e.getCause().getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw RegistryError.timeout("interrupted");
            } finally {
                if (producer != null) {
                    producer.close(timeout);
                }
            }
        }
    }

    /** A random pause that grows with the attempts, so that writers who fence each other do not keep colliding. */
    private static void backOff(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(10, 50L * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw RegistryError.timeout("interrupted");
        }
    }

    @Override
    public void close() {
        reader.close();
        admin.close(Duration.ofSeconds(5));
    }
}
