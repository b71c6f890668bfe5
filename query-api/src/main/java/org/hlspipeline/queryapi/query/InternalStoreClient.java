package org.hlspipeline.queryapi.query;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.apache.kafka.streams.state.HostInfo;
import org.hlspipeline.queryapi.config.HlsProperties;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import org.springframework.web.util.UriComponentsBuilder;

import reactor.core.publisher.Mono;

/**
 * The calling side of {@link InternalStoreApi}: asks another instance for a value or for its keys, each within
 * {@code hls.query.forward-timeout}.
 */
@Component
class InternalStoreClient {

    private final WebClient webClient = WebClient.builder().build();
    private final Duration forwardTimeout;

    InternalStoreClient(HlsProperties properties) {
        this.forwardTimeout = properties.query().forwardTimeout();
    }

    /** {@code host}'s copy (of the given role) of the value under {@code storeKey}; an empty value on 404. */
    <T> Mono<Served<T>> read(HostInfo host, Served.Role role, QueryableStore<T> store, String storeKey,
                             String partitionKey) {
        URI uri = base(host, InternalStoreApi.READ_PATH)
                .queryParam(InternalStoreApi.KEY, storeKey)
                .queryParam(InternalStoreApi.PARTITION_KEY, partitionKey)
                .queryParam(InternalStoreApi.ROLE, role.header())
                .buildAndExpand(store.name()).encode().toUri();
        return webClient.get().uri(uri)
                .exchangeToMono(response -> {
                    String servedBy = response.headers().asHttpHeaders().getFirst(QueryHeaders.SERVED_BY);
                    String instance = servedBy == null ? host.host() + ":" + host.port() : servedBy;
                    if (response.statusCode().value() == HttpStatus.NOT_FOUND.value()) {
                        return response.releaseBody().thenReturn(new Served<T>(Optional.empty(), instance, role));
                    }
                    if (!response.statusCode().is2xxSuccessful()) {
                        return response.createException().flatMap(Mono::error);
                    }
                    return response.bodyToMono(byte[].class)
                            .map(bytes -> new Served<>(Optional.of(store.decode().apply(bytes)), instance, role));
                })
                .timeout(forwardTimeout)
                .onErrorMap(WebClientResponseException.class, e -> new StoreUnavailableException(
                        host + " answered " + e.getStatusCode(), e));
    }

    /** The first {@code limit} keys of {@code host}'s active partitions of the store, after {@code after}. */
    Mono<List<String>> keys(HostInfo host, QueryableStore<?> store, String after, int limit) {
        UriComponentsBuilder uri = base(host, InternalStoreApi.KEYS_PATH)
                .queryParam(InternalStoreApi.LIMIT, limit);
        if (after != null) {
            uri.queryParam(InternalStoreApi.AFTER, after);
        }
        return webClient.get().uri(uri.buildAndExpand(store.name()).encode().toUri())
                .retrieve()
                .bodyToMono(String[].class)
                .map(List::of)
                .timeout(forwardTimeout);
    }

    private static UriComponentsBuilder base(HostInfo host, String path) {
        return UriComponentsBuilder.newInstance().scheme("http").host(host.host()).port(host.port()).path(path);
    }
}
