package org.hlspipeline.queryapi.metrics;

import org.hlspipeline.queryapi.query.LocalStoreStatistics;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/** {@code hls_active_streams}: streams not ended whose active copy this instance holds. */
@Component
class ActiveStreamsGauge {

    ActiveStreamsGauge(MeterRegistry registry, LocalStoreStatistics statistics) {
        Gauge.builder("hls.active.streams", statistics, LocalStoreStatistics::activeStreams)
                .description("Live streams (not ended) owned by this instance").register(registry);
    }
}
