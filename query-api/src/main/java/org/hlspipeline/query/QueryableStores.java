package org.hlspipeline.query;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.hlspipeline.channel.ChannelStateCodec;
import org.hlspipeline.channel.ChannelStores;
import org.hlspipeline.playout.ChannelState;
import org.hlspipeline.stream.RenditionWindow;
import org.hlspipeline.stream.StreamState;
import org.hlspipeline.stream.StreamStateCodecs;
import org.hlspipeline.stream.StreamStores;
import org.springframework.stereotype.Component;

/** The stores that interactive queries may read, by name. */
@Component
public class QueryableStores {

    public static final QueryableStore<RenditionWindow> STREAM_WINDOWS =
            new QueryableStore<>(StreamStores.WINDOWS, StreamStateCodecs.WINDOW);
    public static final QueryableStore<StreamState> STREAMS =
            new QueryableStore<>(StreamStores.STREAMS, StreamStateCodecs.STREAM);

    public static final QueryableStore<ChannelState> CHANNELS =
            new QueryableStore<>(ChannelStores.CHANNELS, ChannelStateCodec.CHANNEL);

    private final Map<String, QueryableStore<?>> byName = List.<QueryableStore<?>>of(STREAM_WINDOWS, STREAMS, CHANNELS)
            .stream().collect(Collectors.toUnmodifiableMap(QueryableStore::name, Function.identity()));

    Map<String, QueryableStore<?>> byName() {
        return byName;
    }
}
