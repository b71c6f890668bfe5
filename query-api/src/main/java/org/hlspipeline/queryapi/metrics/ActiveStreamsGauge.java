package org.hlspipeline.queryapi.metrics;

import org.hlspipeline.processor.ingest.StreamStores;
import org.hlspipeline.processor.window.StreamState;
import org.hlspipeline.queryapi.query.LocalStores;
import org.hlspipeline.queryapi.query.StoreUnavailableException;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code hls_active_streams}: streams not ended whose active copy this instance holds. A scan per scrape, not per
 * request; 0 while this instance holds no readable stores (Kafka Streams starting, rebalancing or disabled).
 */
@Component
class ActiveStreamsGauge {

    ActiveStreamsGauge(MeterRegistry registry, LocalStores stores) {
        Gauge.builder("hls.active.streams", stores, ActiveStreamsGauge::activeStreams)
                .description("Live streams (not ended) owned by this instance").register(registry);
    }

    static double activeStreams(LocalStores stores) {
        try {
            return stores.<StreamState>count(StreamStores.STREAMS, stream -> !stream.ended());
        } catch (StoreUnavailableException e) {
            return 0;
        }
    }
}
