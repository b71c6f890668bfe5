package org.hlspipeline.tools.rebuild;

import java.util.List;

/**
 * The application's consumer group as the cluster describes it.
 *
 * @param exists  false when the cluster knows no group by that id (never started, or deleted)
 * @param type    classic, consumer, streams, ... (lower case), or empty when unknown
 * @param state   the coordinator's state (Empty, Stable, PreparingRebalance, ...), or empty
 * @param members one line per active member: client id, host and member id
 */
record ConsumerGroup(String id, boolean exists, String type, String state, List<String> members) {

    ConsumerGroup {
        members = List.copyOf(members);
    }

    static ConsumerGroup absent(String id) {
        return new ConsumerGroup(id, false, "", "", List.of());
    }

    boolean hasMembers() {
        return !members.isEmpty();
    }

    /** Kafka Streams' new rebalance protocol (KIP-1071) keeps offsets with other requests than this tool's. */
    boolean usesStreamsProtocol() {
        return type.equals("streams");
    }
}
