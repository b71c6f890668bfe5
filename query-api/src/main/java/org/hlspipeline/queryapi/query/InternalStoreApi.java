package org.hlspipeline.queryapi.query;

/**
 * The instance-to-instance contract of interactive queries, shared by {@link InternalStoreClient} (the caller)
 * and the internal store endpoint (the answerer). A read answers the value as the store holds it
 * ({@code application/octet-stream}), 404 when there is no such key, with {@link QueryHeaders} naming who
 * answered; a listing answers a JSON array of keys. See docs/architecture.md, Interactive queries.
 */
public final class InternalStoreApi {

    /** One value: {@code GET /internal/stores/{store}?key=…&partitionKey=…&role=active|standby}. */
    public static final String READ_PATH = "/internal/stores/{store}";
    /** The answerer's own keys: {@code GET /internal/stores/{store}/keys?limit=…&after=…}. */
    public static final String KEYS_PATH = READ_PATH + "/keys";

    public static final String KEY = "key";
    public static final String PARTITION_KEY = "partitionKey";
    /** {@link Served.Role#header()} of the copy asked for. */
    public static final String ROLE = "role";
    public static final String LIMIT = "limit";
    public static final String AFTER = "after";

    /** Keys per listing when the caller names no limit. */
    public static final String DEFAULT_LIMIT = "1000";
    /** At most this many keys per listing, whatever the caller asks. */
    public static final int MAX_KEYS = 10_000;

    private InternalStoreApi() {
    }
}
