package org.hlspipeline.queryapi.query;

import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.hlspipeline.queryapi.kafka.StreamsRuntime;
import org.hlspipeline.processor.window.StreamState;
import org.hlspipeline.processor.ingest.StreamStores;
import org.springframework.stereotype.Component;

/** Figures over this instance's own active stores, for gauges. A scan per scrape, not per request. */
@Component
public class LocalStoreStatistics {

    private final StreamsRuntime runtime;

    LocalStoreStatistics(StreamsRuntime runtime) {
        this.runtime = runtime;
    }

    public double activeStreams() {
        if (!runtime.ready()) {
            return 0;
        }
        try {
            ReadOnlyKeyValueStore<String, StreamState> streams = runtime.kafkaStreams().store(
                    StoreQueryParameters.fromNameAndType(StreamStores.STREAMS,
                            QueryableStoreTypes.<String, StreamState>keyValueStore()));
            long live = 0;
            try (KeyValueIterator<String, StreamState> it = streams.all()) {
                while (it.hasNext()) {
                    if (!it.next().value.ended()) {
                        live++;
                    }
                }
            }
            return live;
        } catch (InvalidStateStoreException | IllegalStateException e) {
            return Double.NaN;
        }
    }
}
