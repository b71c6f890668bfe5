package org.hlspipeline.queryapi.query;

import java.util.List;

/**
 * Keys of a store, gathered from every instance: the first {@code limit} in string order, after {@code after}
 * when given (for paging).
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
