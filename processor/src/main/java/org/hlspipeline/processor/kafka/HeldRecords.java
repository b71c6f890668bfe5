package org.hlspipeline.processor.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.hlspipeline.schemas.registry.SchemaRegistryException;
import org.hlspipeline.schemas.state.HeldHeader;
import org.hlspipeline.schemas.state.HeldRecordState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The input records a task holds back while the schema registry cannot tell it what a schema id means, and the
 * retries that let them through, in their order, once it answers.
 *
 * <p>A registry that does not answer says nothing about the record, so the record is neither dead-lettered nor
 * allowed to fail the task: a failed task would make Kafka Streams replace its thread over and over, closing the
 * task's stores each time, and reads would stop. Instead the record goes into a changelogged store of the task,
 * and every later record of the task queues behind it, so the task applies its input in log order whatever
 * happens. The task's offsets go on committing with the held records, under exactly-once in the same
 * transaction, so a crash during the outage loses nothing and holds nothing twice. The registry is asked again
 * after one second, doubling up to ten ({@link RegistryRetry}); each failure is logged once.
 *
 * <p>A held record is applied as of the stream time at which it arrived, so the task decides what a run without
 * the outage would have decided. Time-driven work of the processor that depends on the input being complete (gap
 * deadlines) waits while {@link #any()} holds. See docs/operations.md, "Schema registry outage".
 */
public final class HeldRecords {

    /**
     * Applies one record as of {@code streamTime}. Throws {@link SchemaRegistryException} when the registry cannot
     * be asked, before it has changed anything that applying the record again would change twice; the record is
     * then held and applied again later.
     */
    @FunctionalInterface
    public interface Step {
        void apply(Record<String, byte[]> record, long streamTime);
    }

    /** How often a task looks whether a retry is due; the retry itself follows {@link RegistryRetry}. */
    static final Duration CHECK_INTERVAL = Duration.ofSeconds(1);
    /** Records applied per release, so that one release stays well inside a transaction's timeout. */
    static final int MAX_PER_RELEASE = 5_000;

    private static final Logger log = LoggerFactory.getLogger(HeldRecords.class);

    private final ProcessorContext<String, byte[]> context;
    private final KeyValueStore<Long, byte[]> store;
    private final Step step;
    private final String input;
    private RegistryRetry retry = RegistryRetry.answered();
    private long held;
    private long nextPosition;
    private long heldSince;

    /**
     * Opens the task's store and schedules the retries. Records held before a restart are retried at once.
     *
     * @param input what the records are, for the log: {@code stream events}, {@code channel commands}
     */
    public HeldRecords(ProcessorContext<String, byte[]> context, String storeName, String input, Step step) {
        this.context = context;
        this.store = context.getStateStore(storeName);
        this.input = input;
        this.step = step;
        try (KeyValueIterator<Long, byte[]> it = store.all()) {
            while (it.hasNext()) {
                nextPosition = it.next().key + 1;
                held++;
            }
        }
        heldSince = context.currentSystemTimeMs();
        context.schedule(CHECK_INTERVAL, PunctuationType.WALL_CLOCK_TIME, this::releaseIfDue);
    }

    /** The store of a processor's held records: arrival position → record, changelogged, not cached. */
    public static StoreBuilder<KeyValueStore<Long, byte[]>> store(String name) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.Long(), Serdes.ByteArray());
    }

    /** Whether the task holds records: its input is not complete up to its stream time. */
    public boolean any() {
        return held > 0;
    }

    /** Applies a record read from the input, or holds it behind those already held. */
    public void offer(Record<String, byte[]> record, long streamTime) {
        if (held > 0) {
            releaseIfDue(context.currentSystemTimeMs());
        }
        if (held == 0) {
            try {
                step.apply(record, streamTime);
                return;
            } catch (SchemaRegistryException e) {
                unanswered(e, context.currentSystemTimeMs());
            }
        }
        hold(record, streamTime);
    }

    private void hold(Record<String, byte[]> record, long streamTime) {
        Headers headers = new RecordHeaders(record.headers().toArray());
        if (headers.lastHeader(DeadLetters.ORIGIN_TOPIC) == null) {
            // Applied later, outside this record's own processing: keep where it was read for its dead letter.
            context.recordMetadata().filter(meta -> meta.topic() != null).ifPresent(meta -> {
                DeadLetters.put(headers, DeadLetters.ORIGIN_TOPIC, meta.topic());
                DeadLetters.put(headers, DeadLetters.ORIGIN_PARTITION, Integer.toString(meta.partition()));
                DeadLetters.put(headers, DeadLetters.ORIGIN_OFFSET, Long.toString(meta.offset()));
            });
        }
        store.put(nextPosition++, encode(new Record<>(record.key(), record.value(), record.timestamp(), headers),
                streamTime));
        held++;
    }

    private void releaseIfDue(long nowMillis) {
        if (held == 0 || !retry.due(nowMillis)) {
            return;
        }
        List<Long> released = new ArrayList<>();
        try (KeyValueIterator<Long, byte[]> it = store.all()) {
            while (it.hasNext() && released.size() < MAX_PER_RELEASE) {
                KeyValue<Long, byte[]> next = it.next();
                ByteBuffer stored = ByteBuffer.wrap(next.value);
                HeldRecordState state = HeldRecordState.getDecoder().decode(stored);
                step.apply(record(state), state.getStreamTime());
                released.add(next.key);
            }
        } catch (SchemaRegistryException e) {
            unanswered(e, nowMillis);
        } catch (IOException e) {
            throw new UncheckedIOException("a held record cannot be read back", e);
        } finally {
            released.forEach(store::delete);
            held -= released.size();
        }
        if (held == 0 && !released.isEmpty()) {
            log.info("The schema registry answers again: applied the {} held back for {} s, in order", input,
                    Math.max(0, (nowMillis - heldSince) / 1000));
            retry = RegistryRetry.answered();
        }
    }

    private void unanswered(SchemaRegistryException e, long nowMillis) {
        if (retry.failures() == 0) {
            heldSince = nowMillis;
        }
        retry = retry.failed(nowMillis);
        log.warn("The schema registry does not answer ({}): task {} holds its {} ({} so far, in order) and asks "
                        + "again in {} s (attempt {})", e.getMessage(), context.taskId(), input, held + 1,
                (retry.nextAttemptAt() - nowMillis) / 1000, retry.failures());
    }

    private static byte[] encode(Record<String, byte[]> record, long streamTime) {
        List<HeldHeader> headers = new ArrayList<>();
        for (Header h : record.headers()) {
            headers.add(new HeldHeader(h.key(), h.value() == null ? null : ByteBuffer.wrap(h.value())));
        }
        HeldRecordState state = new HeldRecordState(record.key(),
                record.value() == null ? null : ByteBuffer.wrap(record.value()), record.timestamp(), streamTime,
                headers);
        return StateCodec.encodeRecord(HeldRecordState.getEncoder(), state);
    }

    private static Record<String, byte[]> record(HeldRecordState state) {
        Headers headers = new RecordHeaders();
        for (HeldHeader h : state.getHeaders()) {
            headers.add(h.getName(), h.getValue() == null ? null : bytes(h.getValue()));
        }
        return new Record<>(state.getKey(), state.getValue() == null ? null : bytes(state.getValue()),
                state.getTimestamp(), headers);
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }
}
