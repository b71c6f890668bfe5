package org.hlspipeline.queryapi.metrics;

import org.hlspipeline.queryapi.kafka.StreamsRuntime;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** Readiness follows Kafka Streams: ready when RUNNING (and through rebalances once it has run). */
@Component("kafkaStreams")
class KafkaStreamsHealthIndicator implements HealthIndicator {

    private final StreamsRuntime runtime;

    KafkaStreamsHealthIndicator(StreamsRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public Health health() {
        Health.Builder builder = runtime.ready() ? Health.up() : Health.outOfService();
        return builder.withDetail("state", runtime.state().name()).build();
    }
}
