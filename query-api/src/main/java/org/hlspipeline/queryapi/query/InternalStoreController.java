package org.hlspipeline.queryapi.query;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The instance-to-instance half of interactive queries: answers only from this instance's own stores and never
 * forwards again, so a request can never loop between instances. Values travel in the stores' own encoding.
 */
@RestController
class InternalStoreController {

    static final String PATH = "/internal/stores/{store}";
    static final String KEYS_PATH = PATH + "/keys";
    /** At most this many keys per listing, whatever the caller asks. */
    static final int MAX_KEYS = 10_000;

    private final StateQueryService queries;
    private final Map<String, QueryableStore<?>> stores;

    InternalStoreController(StateQueryService queries, QueryableStores stores) {
        this.queries = queries;
        this.stores = stores.byName();
    }

    @GetMapping(value = PATH, produces = MediaType.APPLICATION_OCTET_STREAM_VALUE)
    Mono<ResponseEntity<byte[]>> read(@PathVariable String store, @RequestParam String key,
                                      @RequestParam String partitionKey, @RequestParam String role) {
        QueryableStore<?> queryable = stores.get(store);
        if (queryable == null) {
            return Mono.just(ResponseEntity.notFound().build());
        }
        Served.Role asked;
        try {
            asked = Served.Role.valueOf(role.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Mono.error(org.hlspipeline.queryapi.http.Problems.badRequest("role must be active or standby"));
        }
        return Mono.fromCallable(() -> encode(queryable, queries.partitionOf(queryable, partitionKey), key, asked));
    }

    /**
     * The first {@code limit} keys (string order, after {@code after} when given) of this instance's active
     * partitions of the store, as a JSON array of strings; for {@link StateQueryService#keys}.
     */
    @GetMapping(value = KEYS_PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<List<String>>> keys(@PathVariable String store,
                                            @RequestParam(defaultValue = "1000") int limit,
                                            @RequestParam(required = false) String after) {
        QueryableStore<?> queryable = stores.get(store);
        if (queryable == null) {
            return Mono.just(ResponseEntity.notFound().build());
        }
        if (limit < 1 || limit > MAX_KEYS) {
            return Mono.error(org.hlspipeline.queryapi.http.Problems.badRequest("limit must be 1 to " + MAX_KEYS));
        }
        return Mono.fromCallable(() -> ResponseEntity.ok(queries.localKeys(queryable, after, limit)))
                .subscribeOn(Schedulers.boundedElastic());
    }

    private <T> ResponseEntity<byte[]> encode(QueryableStore<T> store, int partition, String key, Served.Role role) {
        Served<T> served = queries.readLocal(store, partition, key, role);
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
