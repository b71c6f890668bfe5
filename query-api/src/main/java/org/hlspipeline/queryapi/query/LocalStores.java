package org.hlspipeline.queryapi.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.hlspipeline.queryapi.config.HlsProperties;
import org.springframework.stereotype.Component;

/**
 * Reads of this instance's own stores, never forwarded: by {@link StateQueryService} when this instance is a
 * candidate, and by the internal endpoint that answers other instances. A standby copy answers only while its lag
 * is within {@code hls.query.max-standby-lag}; whatever this instance cannot answer is a
 * {@link StoreUnavailableException}.
 */
@Component
public class LocalStores {

    private final StoreLocator locator;
    private final long maxStandbyLag;

    LocalStores(StoreLocator locator, HlsProperties properties) {
        this.locator = locator;
        this.maxStandbyLag = properties.query().maxStandbyLag();
    }

    /** The value under {@code storeKey} in this instance's copy of {@code partitionKey}'s partition. */
    public <T> Served<T> read(QueryableStore<T> store, String partitionKey, String storeKey, Served.Role role) {
        return read(store, locator.ownersOf(store, partitionKey).partition(), storeKey, role);
    }

    <T> Served<T> read(QueryableStore<T> store, int partition, String storeKey, Served.Role role) {
        KafkaStreams streams = locator.streams();
        if (role == Served.Role.STANDBY) {
            requireFreshStandby(store.name(), partition);
        }
        QueryableStore.Stores stores = new QueryableStore.Stores() {
            @Override
            public <V> V get(String storeName, String key) {
                StoreQueryParameters<ReadOnlyKeyValueStore<String, V>> params = StoreQueryParameters
                        .fromNameAndType(storeName, QueryableStoreTypes.<String, V>keyValueStore())
                        .withPartition(partition);
                return streams.store(role == Served.Role.STANDBY ? params.enableStaleStores() : params).get(key);
            }
        };
        try {
            return new Served<>(Optional.ofNullable(store.read().read(stores, storeKey)), locator.localName(), role);
        } catch (InvalidStateStoreException e) {
            throw new StoreUnavailableException("store " + store.name() + " partition " + partition
                    + " is not queryable here now", e);
        }
    }

    private void requireFreshStandby(String storeName, int partition) {
        OptionalLong lag = locator.localLag(storeName, partition);
        if (lag.isEmpty() || lag.getAsLong() > maxStandbyLag) {
            throw new StoreUnavailableException("standby copy of " + storeName + " partition " + partition
                    + " lags " + (lag.isEmpty() ? "unknown" : lag.getAsLong()) + " offsets");
        }
    }

    /**
     * The first {@code limit} keys (in string order, after {@code after} when given) of this instance's active
     * partitions of the store. Throws {@link StoreUnavailableException} when none of them runs here now.
     */
    public List<String> keys(QueryableStore<?> store, String after, int limit) {
        TreeSet<String> smallest = new TreeSet<>();
        // Stores iterate in their key bytes' order, partition by partition: every key is looked at, and the
        // smallest ones in string order are kept.
        scan(store.name(), (key, value) -> {
            if (after == null || key.compareTo(after) > 0) {
                smallest.add(key);
                if (smallest.size() > limit) {
                    smallest.pollLast();
                }
            }
        });
        return new ArrayList<>(smallest);
    }

    /**
     * How many values of this instance's active partitions of one store match, as that store's serde gives them;
     * a scan, for gauges. Throws {@link StoreUnavailableException} when none of them runs here now.
     */
    public <V> long count(String storeName, Predicate<V> matching) {
        long[] count = {0};
        this.<V>scan(storeName, (key, value) -> {
            if (matching.test(value)) {
                count[0]++;
            }
        });
        return count[0];
    }

    /**
     * Every entry of this instance's active partitions of one store (standby copies never), as its serde gives
     * them. Throws {@link StoreUnavailableException} when none of them runs here now.
     */
    public <V> void scan(String storeName, BiConsumer<String, V> each) {
        KafkaStreams streams = locator.streams();
        try {
            ReadOnlyKeyValueStore<String, V> local = streams.store(StoreQueryParameters
                    .fromNameAndType(storeName, QueryableStoreTypes.<String, V>keyValueStore()));
            try (KeyValueIterator<String, V> it = local.all()) {
                while (it.hasNext()) {
                    KeyValue<String, V> entry = it.next();
                    each.accept(entry.key, entry.value);
                }
            }
        } catch (InvalidStateStoreException e) {
            throw new StoreUnavailableException("store " + storeName + " is not queryable here now", e);
        }
    }
}
