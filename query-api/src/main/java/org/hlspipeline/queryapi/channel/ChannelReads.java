package org.hlspipeline.queryapi.channel;

import org.hlspipeline.processor.channel.StoredChannel;

import org.hlspipeline.processor.playout.ChannelState;
import org.hlspipeline.queryapi.query.KeyListing;
import org.hlspipeline.queryapi.query.KeyListingService;
import org.hlspipeline.queryapi.query.QueryableStores;
import org.hlspipeline.queryapi.query.Served;
import org.hlspipeline.queryapi.query.StateQueryService;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/** Typed reads of the channel store, wherever the channel lives: partition key and store key are its id. */
@Component
class ChannelReads {

    private final StateQueryService queries;
    private final KeyListingService listings;

    ChannelReads(StateQueryService queries, KeyListingService listings) {
        this.queries = queries;
        this.listings = listings;
    }

    Mono<Served<ChannelState>> channel(String channelId) {
        return queries.get(QueryableStores.CHANNELS, channelId, channelId).map(served -> served.map(StoredChannel::decode));
    }

    /** Channel ids across all instances, in order, after {@code after} when given. */
    Mono<KeyListing> channelIds(String after, int limit) {
        return listings.keys(QueryableStores.CHANNELS, after, limit);
    }
}
