package org.hlspipeline.processor.kafka;

import java.util.Optional;
import java.util.Set;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.StreamPartitioner;

/**
 * A keyed input whose records reach their processor on their key's murmur2 partition, whatever partitioner their
 * producer used (see docs/partitioning.md).
 *
 * <pre>
 *   topic ──▶ P-source ─┬─▶ P-on-key-partition ───────────────────────┬─▶ P-placed ──▶ processor
 *                       └─▶ P-misplaced ──▶ A-P-by-key-repartition ───┘
 * </pre>
 *
 * where P is the input's prefix ({@code stream-events}, {@code channel-commands}) and A the application id.
 *
 * A record already on its murmur2 partition goes straight on. One elsewhere (librdkafka's CRC32, Sarama's FNV-1a,
 * a round-robin producer) is written to a repartition topic on its murmur2 partition and read back by the task
 * that owns that partition, where the same processor takes it. The repartition topic is internal: Kafka Streams
 * creates it with the input's partition count, purges what it has read, and a reset (or
 * {@code producer-tools rebuild}) deletes it.
 */
public final class KeyPlacement {

    private static final StreamPartitioner<String, byte[]> BY_KEY =
            (topic, key, value, partitions) -> Optional.of(Set.of(KeyPartitions.of(key, partitions)));

    private KeyPlacement() {
    }

    /**
     * Adds the input and its placement check to {@code builder}.
     *
     * @return the name of the node that emits every record on its key's partition: the processor's parent
     */
    public static String addInput(StreamsBuilder builder, String prefix, String topic, Placement placement) {
        KStream<String, byte[]> input = builder.stream(topic,
                Consumed.with(Serdes.String(), Serdes.ByteArray()).withName(prefix + "-source"));
        Set<String> warned = PlacementFilter.warnedKeys();
        KStream<String, byte[]> onKeyPartition = input.processValues(
                () -> new PlacementFilter(topic, placement, false, warned), Named.as(prefix + "-on-key-partition"));
        KStream<String, byte[]> rerouted = input.processValues(
                        () -> new PlacementFilter(topic, placement, true, warned), Named.as(prefix + "-misplaced"))
                .repartition(Repartitioned.<String, byte[]>as(prefix + "-by-key")
                        .withKeySerde(Serdes.String()).withValueSerde(Serdes.ByteArray())
                        .withStreamPartitioner(BY_KEY));
        String placed = prefix + "-placed";
        onKeyPartition.merge(rerouted, Named.as(placed));
        return placed;
    }
}
