package org.hlspipeline.queryapi.query;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Local or forwarded: whatever one instance holds is read here when that instance is this one, and asked for over
 * {@link InternalStoreApi} otherwise (see docs/architecture.md, Interactive queries). Every read of one key goes
 * through here: the key's active owner answers, and when it cannot, each standby is tried in turn. Only when
 * nobody can answer does the caller get {@link StoreUnavailableException} (503 with Retry-After).
 */
@Service
public class StateQueryService {

    private static final Logger log = LoggerFactory.getLogger(StateQueryService.class);

    private final StoreLocator locator;
    private final LocalStores local;
    private final InternalStoreClient peers;

    StateQueryService(StoreLocator locator, LocalStores local, InternalStoreClient peers) {
        this.locator = locator;
        this.local = local;
        this.peers = peers;
    }

    /**
     * The value under {@code storeKey}, which lives on the partition of {@code partitionKey} (a stream's
     * renditions share the stream id's partition).
     */
    public <T> Mono<Served<T>> get(QueryableStore<T> store, String partitionKey, String storeKey) {
        return Mono.defer(() -> {
            StoreLocator.KeyOwners owners = locator.ownersOf(store, partitionKey);
            List<Candidate> candidates = new ArrayList<>();
            candidates.add(new Candidate(owners.active(), Served.Role.ACTIVE));
            owners.standbys().forEach(h -> candidates.add(new Candidate(h, Served.Role.STANDBY)));
            return tryInTurn(store, owners.partition(), storeKey, partitionKey, candidates, 0, null);
        });
    }

    private <T> Mono<Served<T>> tryInTurn(QueryableStore<T> store, int partition, String storeKey,
                                          String partitionKey, List<Candidate> candidates, int index,
                                          Throwable lastFailure) {
        if (index >= candidates.size()) {
            return Mono.error(new StoreUnavailableException("No instance can answer for '" + partitionKey
                    + "' in store " + store.name() + " right now", lastFailure));
        }
        Candidate candidate = candidates.get(index);
        Mono<Served<T>> attempt = locator.isLocal(candidate.host())
                ? Mono.fromCallable(() -> local.read(store, partition, storeKey, candidate.role()))
                : peers.read(candidate.host(), candidate.role(), store, storeKey, partitionKey);
        return attempt.onErrorResume(e -> {
            log.debug("{} of {} could not answer for {}: {}", candidate.role(), store.name(), storeKey,
                    e.toString());
            return tryInTurn(store, partition, storeKey, partitionKey, candidates, index + 1, e);
        });
    }

    /** The first {@code limit} keys of {@code host}'s active partitions of the store, after {@code after}. */
    Mono<List<String>> keysOn(QueryableStore<?> store, HostInfo host, String after, int limit) {
        if (locator.isLocal(host)) {
            return Mono.fromCallable(() -> local.keys(store, after, limit)).subscribeOn(Schedulers.boundedElastic());
        }
        return peers.keys(host, store, after, limit);
    }

    private record Candidate(HostInfo host, Served.Role role) {
    }
}
