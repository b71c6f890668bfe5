package org.hlspipeline.queryapi.query;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.LagInfo;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.hlspipeline.queryapi.HlsProperties;
import org.hlspipeline.queryapi.kafka.StreamsRuntime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import org.springframework.web.util.UriComponentsBuilder;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Every interactive query goes through here. For a key it finds the owner with {@code queryMetadataForKey}:
 * when this instance owns the key it reads its own store, otherwise it forwards to the owner. When the owner
 * does not answer, a standby whose lag is under {@code hls.query.max-standby-lag} answers instead, read here if
 * this instance is that standby, or forwarded. Only when nobody can answer does the caller get
 * {@link StoreUnavailableException} (503 with Retry-After).
 */
@Service
public class StateQueryService {

    private static final Logger log = LoggerFactory.getLogger(StateQueryService.class);
    private static final Serializer<String> KEY_SERIALIZER = Serdes.String().serializer();

    private final StreamsRuntime runtime;
    private final LocalInstance self;
    private final WebClient webClient;
    private final Duration forwardTimeout;
    private final long maxStandbyLag;

    StateQueryService(StreamsRuntime runtime, LocalInstance self, HlsProperties properties) {
        this.runtime = runtime;
        this.self = self;
        this.webClient = WebClient.builder().build();
        this.forwardTimeout = properties.query().forwardTimeout();
        this.maxStandbyLag = properties.query().maxStandbyLag();
    }

    /**
     * The value under {@code storeKey}, which lives on the partition of {@code partitionKey} (a stream's
     * renditions share the stream id's partition).
     */
    public <T> Mono<Served<T>> get(QueryableStore<T> store, String partitionKey, String storeKey) {
        return Mono.defer(() -> {
            KeyQueryMetadata owner = ownerOf(store, partitionKey);
            List<Candidate> candidates = new ArrayList<>();
            candidates.add(new Candidate(owner.activeHost(), Served.Role.ACTIVE));
            owner.standbyHosts().forEach(h -> candidates.add(new Candidate(h, Served.Role.STANDBY)));
            return tryInTurn(store, owner.partition(), storeKey, partitionKey, candidates, 0, null);
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
        Mono<Served<T>> attempt = self.is(candidate.host())
                ? Mono.fromCallable(() -> readLocal(store, partition, storeKey, candidate.role()))
                : forward(store, candidate, storeKey, partitionKey);
        return attempt.onErrorResume(e -> {
            log.debug("{} of {} could not answer for {}: {}", candidate.role(), store.name(), storeKey,
                    e.toString());
            return tryInTurn(store, partition, storeKey, partitionKey, candidates, index + 1, e);
        });
    }

    /**
     * Reads this instance's own copy: the active store, or a standby's when its lag is within bounds. Throws
     * {@link StoreUnavailableException} when this instance cannot answer for the partition.
     */
    public <T> Served<T> readLocal(QueryableStore<T> store, int partition, String storeKey, Served.Role role) {
        KafkaStreams streams = runtime.kafkaStreams();
        if (role == Served.Role.STANDBY) {
            checkStandbyLag(streams, store.name(), partition);
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
            return new Served<>(Optional.ofNullable(store.read().read(stores, storeKey)), self.name(), role);
        } catch (InvalidStateStoreException e) {
            throw new StoreUnavailableException("store " + store.name() + " partition " + partition
                    + " is not queryable here now", e);
        }
    }

    /** The partition a key lives on, as Kafka Streams' default partitioner places it. */
    public int partitionOf(QueryableStore<?> store, String partitionKey) {
        return ownerOf(store, partitionKey).partition();
    }

    private KeyQueryMetadata ownerOf(QueryableStore<?> store, String partitionKey) {
        KafkaStreams streams;
        try {
            streams = runtime.kafkaStreams();
        } catch (IllegalStateException e) {
            throw new StoreUnavailableException("Kafka Streams is starting", e);
        }
        KeyQueryMetadata owner = streams.queryMetadataForKey(store.name(), partitionKey, KEY_SERIALIZER);
        if (owner == null || owner.equals(KeyQueryMetadata.NOT_AVAILABLE)) {
            throw new StoreUnavailableException("The owner of '" + partitionKey + "' is not known yet ("
                    + streams.state() + ")");
        }
        return owner;
    }

    private void checkStandbyLag(KafkaStreams streams, String storeName, int partition) {
        Map<Integer, LagInfo> lags = streams.allLocalStorePartitionLags().getOrDefault(storeName, Map.of());
        LagInfo lag = lags.get(partition);
        if (lag == null || lag.offsetLag() > maxStandbyLag) {
            throw new StoreUnavailableException("standby copy of " + storeName + " partition " + partition
                    + " lags " + (lag == null ? "unknown" : lag.offsetLag()) + " offsets");
        }
    }

    private <T> Mono<Served<T>> forward(QueryableStore<T> store, Candidate candidate, String storeKey,
                                        String partitionKey) {
        URI uri = UriComponentsBuilder.newInstance().scheme("http")
                .host(candidate.host().host()).port(candidate.host().port())
                .path(InternalStoreController.PATH)
                .queryParam("key", storeKey)
                .queryParam("partitionKey", partitionKey)
                .queryParam("role", candidate.role().header())
                .buildAndExpand(store.name()).encode().toUri();
        return webClient.get().uri(uri)
                .exchangeToMono(response -> {
                    String servedBy = response.headers().asHttpHeaders().getFirst(QueryHeaders.SERVED_BY);
                    String instance = servedBy == null ? candidate.host().host() + ":" + candidate.host().port()
                            : servedBy;
                    if (response.statusCode().value() == HttpStatus.NOT_FOUND.value()) {
                        return response.releaseBody().thenReturn(
                                new Served<T>(Optional.empty(), instance, candidate.role()));
                    }
                    if (!response.statusCode().is2xxSuccessful()) {
                        return response.createException().flatMap(Mono::error);
                    }
                    return response.bodyToMono(byte[].class)
                            .map(bytes -> new Served<>(Optional.of(store.decode().apply(bytes)), instance,
                                    candidate.role()));
                })
                .timeout(forwardTimeout)
                .onErrorMap(WebClientResponseException.class, e -> new StoreUnavailableException(
                        candidate.host() + " answered " + e.getStatusCode(), e));
    }

    // --- listing keys across instances ---

    /**
     * Keys of a store, gathered from every instance: the first {@code limit} in string order, after
     * {@code after} when given (for paging).
     *
     * @param truncated   more keys follow the last one listed
     * @param unavailable instances that did not answer within {@code hls.query.forward-timeout}: their keys are
     *                    missing from this listing
     */
    public record KeyListing(List<String> keys, boolean truncated, List<String> unavailable) {

        public KeyListing {
            keys = List.copyOf(keys);
            unavailable = List.copyOf(unavailable);
        }
    }

    /**
     * Lists the keys of {@code store} across all instances that Kafka Streams knows
     * ({@code metadataForAllStreamsClients}): each lists the keys of its own active partitions (this one
     * directly, the others through {@link InternalStoreController}), each within the forward timeout. An
     * instance that does not answer is named in {@link KeyListing#unavailable()}; only when none answers is it
     * {@link StoreUnavailableException}. During a rebalance a partition that nobody runs yet is missing.
     */
    public Mono<KeyListing> keys(QueryableStore<?> store, String after, int limit) {
        if (limit < 1) {
            return Mono.error(new IllegalArgumentException("limit must be at least 1"));
        }
        return Mono.defer(() -> {
            KafkaStreams streams = streamsOrUnavailable();
            Collection<StreamsMetadata> clients;
            try {
                clients = streams.metadataForAllStreamsClients();
            } catch (InvalidStateStoreException | IllegalStateException e) {
                return Mono.error(new StoreUnavailableException("The instances are not known yet ("
                        + streams.state() + ")", e));
            }
            List<HostInfo> hosts = clients.stream()
                    .filter(client -> client.stateStoreNames().contains(store.name()))
                    .map(StreamsMetadata::hostInfo).distinct().toList();
            if (hosts.isEmpty()) {
                return Mono.error(new StoreUnavailableException("No instance runs store " + store.name()
                        + " yet (" + streams.state() + ")"));
            }
            // One more than asked, from each: then "more follow" is known without a second round.
            return Flux.fromIterable(hosts)
                    .flatMap(host -> keysOn(store, host, after, limit + 1)
                            .map(keys -> new HostKeys(host, keys, null))
                            .onErrorResume(e -> Mono.just(new HostKeys(host, List.of(), e))))
                    .collectList()
                    .map(answers -> merge(store, answers, limit));
        });
    }

    private KeyListing merge(QueryableStore<?> store, List<HostKeys> answers, int limit) {
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

    private Mono<List<String>> keysOn(QueryableStore<?> store, HostInfo host, String after, int limit) {
        if (self.is(host)) {
            return Mono.fromCallable(() -> localKeys(store, after, limit)).subscribeOn(Schedulers.boundedElastic());
        }
        UriComponentsBuilder uri = UriComponentsBuilder.newInstance().scheme("http")
                .host(host.host()).port(host.port())
                .path(InternalStoreController.KEYS_PATH)
                .queryParam("limit", limit);
        if (after != null) {
            uri.queryParam("after", after);
        }
        return webClient.get().uri(uri.buildAndExpand(store.name()).encode().toUri())
                .retrieve()
                .bodyToMono(String[].class)
                .map(List::of)
                .timeout(forwardTimeout);
    }

    /**
     * The first {@code limit} keys (in string order, after {@code after} when given) of this instance's active
     * partitions of the store. Throws {@link StoreUnavailableException} when none of them runs here now.
     */
    public List<String> localKeys(QueryableStore<?> store, String after, int limit) {
        KafkaStreams streams = streamsOrUnavailable();
        TreeSet<String> smallest = new TreeSet<>();
        try {
            ReadOnlyKeyValueStore<String, ?> local = streams.store(StoreQueryParameters
                    .fromNameAndType(store.name(), QueryableStoreTypes.<String, Object>keyValueStore()));
            // Stores iterate in their key bytes' order, partition by partition: every key is looked at, and the
            // smallest ones in string order are kept.
            try (KeyValueIterator<String, ?> it = local.all()) {
                while (it.hasNext()) {
                    String key = it.next().key;
                    if (after != null && key.compareTo(after) <= 0) {
                        continue;
                    }
                    smallest.add(key);
                    if (smallest.size() > limit) {
                        smallest.pollLast();
                    }
                }
            }
        } catch (InvalidStateStoreException e) {
            throw new StoreUnavailableException("store " + store.name() + " is not queryable here now", e);
        }
        return new ArrayList<>(smallest);
    }

    private KafkaStreams streamsOrUnavailable() {
        try {
            return runtime.kafkaStreams();
        } catch (IllegalStateException e) {
            throw new StoreUnavailableException("Kafka Streams is starting", e);
        }
    }

    private record HostKeys(HostInfo host, List<String> keys, Throwable failure) {
    }

    private record Candidate(HostInfo host, Served.Role role) {
    }
}
