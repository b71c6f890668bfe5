package org.hlspipeline.queryapi.query;

/** Response headers that say who answered. */
public final class QueryHeaders {

    public static final String SERVED_BY = "X-Served-By";
    public static final String SERVED_ROLE = "X-Served-Role";

    private QueryHeaders() {
    }
}
