package org.hlspipeline.processor.kafka;

import java.util.Objects;
import java.util.function.ToIntFunction;

/**
 * What the placement check at each keyed input needs from outside (see {@link KeyPlacement}).
 *
 * @param partitionCounts the number of partitions of an input topic, known once the topics exist; asked when a
 *                        task starts, which is after they do
 * @param listener        told of every misplaced record
 */
public record Placement(ToIntFunction<String> partitionCounts, PlacementListener listener) {

    /**
     * For TopologyTestDriver, whose topics have one partition: every record is on its key's partition, and the
     * check forwards everything straight on.
     */
    public static final Placement SINGLE_PARTITION = new Placement(topic -> 1, PlacementListener.NONE);

    public Placement {
        Objects.requireNonNull(partitionCounts, "partitionCounts");
        Objects.requireNonNull(listener, "listener");
    }
}
