package org.hlspipeline.queryapi.metrics;

import org.apache.kafka.streams.KafkaStreams;
import org.hlspipeline.queryapi.kafka.StreamsRuntime;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Liveness fails once Kafka Streams is in ERROR: that state is final (a failed global thread cannot be
 * replaced), the instance would answer 503 for ever, and only a restart brings it back.
 */
@Component("kafkaStreamsAlive")
class KafkaStreamsLivenessIndicator implements HealthIndicator {

    private final StreamsRuntime runtime;

    KafkaStreamsLivenessIndicator(StreamsRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public Health health() {
        KafkaStreams.State state = runtime.state();
        if (state == KafkaStreams.State.ERROR) {
            return Health.down().withDetail("state", state.name())
                    .withDetail("reason", "Kafka Streams stopped for good after an error (see the log): restart "
                            + "the instance").build();
        }
        return Health.up().withDetail("state", state.name()).build();
    }
}
