package org.hlspipeline.queryapi.query;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.hlspipeline.processor.channel.ChannelStores;
import org.hlspipeline.processor.channel.StoredChannel;
import org.hlspipeline.processor.window.RenditionWindow;
import org.hlspipeline.processor.window.StreamState;
import org.hlspipeline.processor.ingest.StreamStateCodecs;
import org.hlspipeline.processor.ingest.StreamStores;
import org.springframework.stereotype.Component;

/** The stores that interactive queries may read, by name. */
@Component
public class QueryableStores {

    public static final QueryableStore<RenditionWindow> STREAM_WINDOWS =
            QueryableStore.of(StreamStores.WINDOWS, StreamStateCodecs.WINDOW);
    public static final QueryableStore<StreamState> STREAMS =
            QueryableStore.of(StreamStores.STREAMS, StreamStateCodecs.STREAM);

    /**
     * A channel's timeline and programme, read together from the same partition and sent on as the owner holds
     * them; {@link StoredChannel#decode()} decodes the programme only if the reader looks at it.
     */
    public static final QueryableStore<StoredChannel> CHANNELS = new QueryableStore<>(ChannelStores.CHANNELS,
            QueryableStores::storedChannel, StoredChannel::toBytes, StoredChannel::fromBytes);

    private final Map<String, QueryableStore<?>> byName = List.<QueryableStore<?>>of(STREAM_WINDOWS, STREAMS, CHANNELS)
            .stream().collect(Collectors.toUnmodifiableMap(QueryableStore::name, Function.identity()));

    private static StoredChannel storedChannel(QueryableStore.Stores stores, String channelId) {
        try {
            return StoredChannel.read(stores::get, channelId);
        } catch (IllegalStateException e) {
            throw new StoreUnavailableException(e.getMessage(), e);
        }
    }

    public Map<String, QueryableStore<?>> byName() {
        return byName;
    }
}
