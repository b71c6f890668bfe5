package org.hlspipeline.processor.kafka;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One side of the placement check of {@link KeyPlacement}: passes the records on their key's murmur2 partition,
 * or, on the rerouting side, those away from it, which it counts, stamps with their origin and reports.
 */
final class PlacementFilter implements FixedKeyProcessor<String, byte[], byte[]> {

    private static final Logger log = LoggerFactory.getLogger(PlacementFilter.class);
    /** Bounds the memory of "already warned"; a key forgotten is warned about once more, no harm. */
    private static final int WARNED_KEYS = 10_000;

    private final String topic;
    private final Placement placement;
    private final boolean rerouting;
    private final Set<String> warned;
    private FixedKeyProcessorContext<String, byte[]> context;
    private int partitions;

    /**
     * @param warned the keys already warned about, shared by every task of the input, so that a round-robin
     *               producer, whose stream reaches every partition, is still warned about once (see
     *               {@link #warnedKeys()})
     */
    PlacementFilter(String topic, Placement placement, boolean rerouting, Set<String> warned) {
        this.topic = topic;
        this.placement = placement;
        this.rerouting = rerouting;
        this.warned = warned;
    }

    /** A set for {@code warned}, bounded and safe for the stream threads that share it. */
    static Set<String> warnedKeys() {
        return Collections.synchronizedSet(Collections.newSetFromMap(new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > WARNED_KEYS;
            }
        }));
    }

    @Override
    public void init(FixedKeyProcessorContext<String, byte[]> context) {
        this.context = context;
        this.partitions = placement.partitionCounts().applyAsInt(topic);
    }

    @Override
    public void process(FixedKeyRecord<String, byte[]> record) {
        RecordMetadata source = context.recordMetadata().orElse(null);
        boolean misplaced = source != null && KeyPartitions.misplaced(record.key(), source.partition(), partitions);
        if (misplaced != rerouting) {
            return;
        }
        if (!misplaced) {
            context.forward(record);
            return;
        }
        int keyPartition = KeyPartitions.of(record.key(), partitions);
        placement.listener().misplaced(topic, record.key(), source.partition(), keyPartition);
        if (warned.add(record.key())) {
            log.warn("Key '{}' arrived on partition {} of {}, but Java's default partitioner (murmur2), which "
                            + "interactive queries follow, puts it on partition {}: its producer uses another "
                            + "partitioner (librdkafka's default consistent_random is CRC32, Sarama's default "
                            + "FNV-1a, kafka-go's default round-robin). Its records are rerouted through a "
                            + "repartition topic, one more write and read each; configure the producer with a "
                            + "murmur2 partitioner to save that (docs/partitioning.md). Warned once per key and "
                            + "instance.",
                    record.key(), source.partition(), topic, keyPartition);
        }
        // A copy: the source hands the same record, headers included, to both sides of the check.
        Headers headers = new RecordHeaders(record.headers().toArray());
        DeadLetters.put(headers, DeadLetters.ORIGIN_TOPIC, source.topic());
        DeadLetters.put(headers, DeadLetters.ORIGIN_PARTITION, Integer.toString(source.partition()));
        DeadLetters.put(headers, DeadLetters.ORIGIN_OFFSET, Long.toString(source.offset()));
        context.forward(record.withHeaders(headers));
    }
}
