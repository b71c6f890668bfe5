package org.hlspipeline.queryapi.query;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.LagInfo;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.hlspipeline.queryapi.kafka.LocalInstance;
import org.hlspipeline.queryapi.kafka.StreamsRuntime;
import org.springframework.stereotype.Component;

/**
 * Who holds what, as Kafka Streams' metadata says now: the active owner of a key and its standbys, the instances
 * that run a store, and how far this instance's copy of a partition lags. Every "not known yet" (starting, first
 * rebalance) is a {@link StoreUnavailableException}, so callers answer 503 (see docs/architecture.md,
 * Interactive queries).
 */
@Component
class StoreLocator {

    private static final Serializer<String> KEY_SERIALIZER = Serdes.String().serializer();

    private final StreamsRuntime runtime;
    private final LocalInstance self;

    StoreLocator(StreamsRuntime runtime, LocalInstance self) {
        this.runtime = runtime;
        this.self = self;
    }

    /** Where a key lives: its partition, the instance running it, and the instances keeping standby copies. */
    record KeyOwners(int partition, HostInfo active, Set<HostInfo> standbys) {
    }

    /** The owners of {@code partitionKey}'s partition of the store, as Kafka Streams' default partitioner places it. */
    KeyOwners ownersOf(QueryableStore<?> store, String partitionKey) {
        KafkaStreams streams = streams();
        KeyQueryMetadata owner;
        try {
            owner = streams.queryMetadataForKey(store.name(), partitionKey, KEY_SERIALIZER);
        } catch (IllegalStateException e) { // not running: stopping, or stopped after an error
            throw new StoreUnavailableException("Kafka Streams is " + streams.state(), e);
        }
        if (owner == null || owner.equals(KeyQueryMetadata.NOT_AVAILABLE)) {
            throw new StoreUnavailableException("The owner of '" + partitionKey + "' is not known yet ("
                    + streams.state() + ")");
        }
        return new KeyOwners(owner.partition(), owner.activeHost(), owner.standbyHosts());
    }

    /** Every instance that runs some active partition of the store ({@code metadataForAllStreamsClients}). */
    List<HostInfo> instancesRunning(QueryableStore<?> store) {
        KafkaStreams streams = streams();
        Collection<StreamsMetadata> clients;
        try {
            clients = streams.metadataForAllStreamsClients();
        } catch (InvalidStateStoreException | IllegalStateException e) {
            throw new StoreUnavailableException("The instances are not known yet (" + streams.state() + ")", e);
        }
        List<HostInfo> hosts = clients.stream()
                .filter(client -> client.stateStoreNames().contains(store.name()))
                .map(StreamsMetadata::hostInfo).distinct().toList();
        if (hosts.isEmpty()) {
            throw new StoreUnavailableException("No instance runs store " + store.name() + " yet ("
                    + streams.state() + ")");
        }
        return hosts;
    }

    /** Offsets this instance's copy of the partition is behind its changelog; empty when it holds no copy. */
    OptionalLong localLag(String storeName, int partition) {
        Map<Integer, LagInfo> lags = streams().allLocalStorePartitionLags().getOrDefault(storeName, Map.of());
        LagInfo lag = lags.get(partition);
        return lag == null ? OptionalLong.empty() : OptionalLong.of(lag.offsetLag());
    }

    boolean isLocal(HostInfo host) {
        return self.is(host);
    }

    /** How answers name this instance ({@code X-Served-By}). */
    String localName() {
        return self.name();
    }

    /** The running Kafka Streams, for reads of this instance's own stores. */
    KafkaStreams streams() {
        KafkaStreams streams;
        try {
            streams = runtime.kafkaStreams();
        } catch (IllegalStateException e) {
            throw new StoreUnavailableException("Kafka Streams is starting", e);
        }
        if (!streams.state().isRunningOrRebalancing() && streams.state() != KafkaStreams.State.CREATED) {
            // Stopping, or stopped after an error: its stores are closed, and liveness says so.
            throw new StoreUnavailableException("Kafka Streams is " + streams.state());
        }
        return streams;
    }
}
