package org.hlspipeline.queryapi.stream;

import org.hlspipeline.processor.window.RenditionWindow;
import org.hlspipeline.processor.window.StreamState;
import org.hlspipeline.processor.ingest.WindowKeys;

import org.hlspipeline.queryapi.query.KeyListing;
import org.hlspipeline.queryapi.query.KeyListingService;
import org.hlspipeline.queryapi.query.QueryableStores;
import org.hlspipeline.queryapi.query.Served;
import org.hlspipeline.queryapi.query.StateQueryService;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/** Typed reads of the stream stores, wherever the stream lives. */
@Component
class StreamReads {

    private final StateQueryService queries;
    private final KeyListingService listings;

    StreamReads(StateQueryService queries, KeyListingService listings) {
        this.queries = queries;
        this.listings = listings;
    }

    Mono<Served<RenditionWindow>> window(String streamId, String rendition) {
        return queries.get(QueryableStores.STREAM_WINDOWS, streamId, WindowKeys.of(streamId, rendition));
    }

    Mono<Served<StreamState>> stream(String streamId) {
        return queries.get(QueryableStores.STREAMS, streamId, streamId);
    }

    /** Stream ids across all instances, in order, after {@code after} when given. */
    Mono<KeyListing> streamIds(String after, int limit) {
        return listings.keys(QueryableStores.STREAMS, after, limit);
    }
}
