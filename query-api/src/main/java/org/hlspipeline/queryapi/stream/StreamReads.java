package org.hlspipeline.queryapi.stream;

import org.hlspipeline.processor.window.RenditionWindow;
import org.hlspipeline.processor.window.StreamState;
import org.hlspipeline.processor.ingest.WindowKeys;

import org.hlspipeline.queryapi.query.QueryableStores;
import org.hlspipeline.queryapi.query.Served;
import org.hlspipeline.queryapi.query.StateQueryService;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/** Typed reads of the stream stores, wherever the stream lives. */
@Component
class StreamReads {

    private final StateQueryService queries;

    StreamReads(StateQueryService queries) {
        this.queries = queries;
    }

    Mono<Served<RenditionWindow>> window(String streamId, String rendition) {
        return queries.get(QueryableStores.STREAM_WINDOWS, streamId, WindowKeys.of(streamId, rendition));
    }

    Mono<Served<StreamState>> stream(String streamId) {
        return queries.get(QueryableStores.STREAMS, streamId, streamId);
    }

    /** Stream ids across all instances, in order, after {@code after} when given. */
    Mono<StateQueryService.KeyListing> streamIds(String after, int limit) {
        return queries.keys(QueryableStores.STREAMS, after, limit);
    }
}
