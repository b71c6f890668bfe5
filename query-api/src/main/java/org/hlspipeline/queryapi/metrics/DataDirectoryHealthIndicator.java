package org.hlspipeline.queryapi.metrics;

import org.hlspipeline.queryapi.kafka.DataDirectoryGuard;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * DOWN while the data directory is short of space and processing is paused. Part of the overall health, not of
 * readiness: the instance still answers reads from its stores, so a load balancer should keep sending them.
 */
@Component("dataDirectory")
class DataDirectoryHealthIndicator implements HealthIndicator {

    private final DataDirectoryGuard guard;

    DataDirectoryHealthIndicator(DataDirectoryGuard guard) {
        this.guard = guard;
    }

    @Override
    public Health health() {
        DataDirectoryGuard.Reading reading = guard.reading();
        Health.Builder builder = reading.paused() ? Health.down() : Health.up();
        return builder.withDetail("reason", reading.reason())
                .withDetail("free", reading.space().usableBytes())
                .withDetail("minimumFree", reading.space().minimumFreeBytes())
                .withDetail("processing", reading.paused() ? "paused" : "running").build();
    }
}
