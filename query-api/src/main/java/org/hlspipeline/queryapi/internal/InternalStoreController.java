package org.hlspipeline.queryapi.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.hlspipeline.queryapi.http.Problems;
import org.hlspipeline.queryapi.query.InternalStoreApi;
import org.hlspipeline.queryapi.query.LocalStores;
import org.hlspipeline.queryapi.query.QueryHeaders;
import org.hlspipeline.queryapi.query.QueryableStore;
import org.hlspipeline.queryapi.query.QueryableStores;
import org.hlspipeline.queryapi.query.Served;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The answering side of {@link InternalStoreApi}: answers only from this instance's own stores and never
 * forwards again, so a request can never loop between instances. Values travel in the stores' own encoding.
 */
@RestController
class InternalStoreController {

    private final LocalStores local;
    private final Map<String, QueryableStore<?>> stores;

    InternalStoreController(LocalStores local, QueryableStores stores) {
        this.local = local;
        this.stores = stores.byName();
    }

    @GetMapping(value = InternalStoreApi.READ_PATH, produces = MediaType.APPLICATION_OCTET_STREAM_VALUE)
    Mono<ResponseEntity<byte[]>> read(@PathVariable String store, @RequestParam(InternalStoreApi.KEY) String key,
                                      @RequestParam(InternalStoreApi.PARTITION_KEY) String partitionKey,
                                      @RequestParam(InternalStoreApi.ROLE) String role) {
        QueryableStore<?> queryable = stores.get(store);
        if (queryable == null) {
            return Mono.just(ResponseEntity.notFound().build());
        }
        Served.Role asked;
        try {
            asked = Served.Role.valueOf(role.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Mono.error(Problems.badRequest("role must be active or standby"));
        }
        return Mono.fromCallable(() -> encode(queryable, partitionKey, key, asked));
    }

    /**
     * The first {@code limit} keys (string order, after {@code after} when given) of this instance's active
     * partitions of the store, as a JSON array of strings.
     */
    @GetMapping(value = InternalStoreApi.KEYS_PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<List<String>>> keys(@PathVariable String store,
                                            @RequestParam(name = InternalStoreApi.LIMIT,
                                                    defaultValue = InternalStoreApi.DEFAULT_LIMIT) int limit,
                                            @RequestParam(name = InternalStoreApi.AFTER, required = false)
                                            String after) {
        QueryableStore<?> queryable = stores.get(store);
        if (queryable == null) {
            return Mono.just(ResponseEntity.notFound().build());
        }
        if (limit < 1 || limit > InternalStoreApi.MAX_KEYS) {
            return Mono.error(Problems.badRequest("limit must be 1 to " + InternalStoreApi.MAX_KEYS));
        }
        return Mono.fromCallable(() -> ResponseEntity.ok(local.keys(queryable, after, limit)))
                .subscribeOn(Schedulers.boundedElastic());
    }

    private <T> ResponseEntity<byte[]> encode(QueryableStore<T> store, String partitionKey, String key,
                                              Served.Role role) {
        Served<T> served = local.read(store, partitionKey, key, role);
        ResponseEntity.BodyBuilder builder = ResponseEntity.ok()
                .header(QueryHeaders.SERVED_BY, served.instance())
                .header(QueryHeaders.SERVED_ROLE, served.role().header());
        return served.value()
                .map(value -> builder.body(store.encode().apply(value)))
                .orElseGet(() -> ResponseEntity.notFound()
                        .header(QueryHeaders.SERVED_BY, served.instance())
                        .header(QueryHeaders.SERVED_ROLE, served.role().header()).build());
    }
}
