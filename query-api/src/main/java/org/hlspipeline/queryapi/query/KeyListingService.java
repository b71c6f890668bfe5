package org.hlspipeline.queryapi.query;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Lists the keys of a store across all instances that run it: each lists the keys of its own active partitions
 * (through {@link StateQueryService}: this one directly, the others over {@link InternalStoreApi}), each within
 * the forward timeout. An instance that does not answer is named in {@link KeyListing#unavailable()}; only when
 * none answers is it {@link StoreUnavailableException}. During a rebalance a partition that nobody runs yet is
 * missing.
 */
@Service
public class KeyListingService {

    private static final Logger log = LoggerFactory.getLogger(KeyListingService.class);

    private final StoreLocator locator;
    private final StateQueryService instances;

    KeyListingService(StoreLocator locator, StateQueryService instances) {
        this.locator = locator;
        this.instances = instances;
    }

    /** The first {@code limit} keys of {@code store} in string order, after {@code after} when given. */
    public Mono<KeyListing> keys(QueryableStore<?> store, String after, int limit) {
        if (limit < 1) {
            return Mono.error(new IllegalArgumentException("limit must be at least 1"));
        }
        return Mono.defer(() -> {
            List<HostInfo> hosts = locator.instancesRunning(store);
            // One more than asked, from each: then "more follow" is known without a second round.
            return Flux.fromIterable(hosts)
                    .flatMap(host -> instances.keysOn(store, host, after, limit + 1)
                            .map(keys -> new HostKeys(host, keys, null))
                            .onErrorResume(e -> Mono.just(new HostKeys(host, List.of(), e))))
                    .collectList()
                    .map(answers -> merge(store, answers, limit));
        });
    }

    static KeyListing merge(QueryableStore<?> store, List<HostKeys> answers, int limit) {
        TreeSet<String> all = new TreeSet<>();
        List<String> unavailable = new ArrayList<>();
        Throwable lastFailure = null;
        for (HostKeys answer : answers) {
            if (answer.failure() != null) {
                log.debug("{} did not list the keys of {}: {}", answer.host(), store.name(),
                        answer.failure().toString());
                unavailable.add(answer.host().host() + ":" + answer.host().port());
                lastFailure = answer.failure();
            } else {
                all.addAll(answer.keys());
            }
        }
        if (unavailable.size() == answers.size()) {
            throw new StoreUnavailableException("No instance could list the keys of " + store.name() + " right now",
                    lastFailure);
        }
        List<String> keys = new ArrayList<>(Math.min(all.size(), limit));
        for (String key : all) {
            if (keys.size() == limit) {
                break;
            }
            keys.add(key);
        }
        unavailable.sort(null);
        return new KeyListing(keys, all.size() > limit, unavailable);
    }

    /** One instance's answer: its keys, or why it gave none. */
    record HostKeys(HostInfo host, List<String> keys, Throwable failure) {
    }
}
