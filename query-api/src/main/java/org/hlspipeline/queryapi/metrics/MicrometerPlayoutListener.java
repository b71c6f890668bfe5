package org.hlspipeline.queryapi.metrics;

import org.hlspipeline.processor.channel.PlayoutListener;
import org.hlspipeline.processor.kafka.DeadLetterReason;
import org.hlspipeline.processor.playout.ChannelSegment;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** Channel playout as Prometheus metrics: aired segments by kind, commands by type, duplicates, dead letters. */
@Component
class MicrometerPlayoutListener implements PlayoutListener {

    private final MeterRegistry registry;
    private final Counter duplicates;

    MicrometerPlayoutListener(MeterRegistry registry) {
        this.registry = registry;
        this.duplicates = Counter.builder("hls.channel.commands.duplicate")
                .description("Channel commands whose id was already applied (ignored)").register(registry);
    }

    @Override
    public void segmentAired(String channelId, ChannelSegment segment) {
        registry.counter("hls.channel.segments.aired", "kind", segment.kind().name()).increment();
    }

    @Override
    public void commandApplied(String channelId, String commandType) {
        registry.counter("hls.channel.commands", "type", commandType).increment();
    }

    @Override
    public void duplicateCommand(String channelId, String commandId) {
        duplicates.increment();
    }

    @Override
    public void deadLettered(DeadLetterReason reason, String detail) {
        registry.counter("hls.dlq.records", "reason", reason.code()).increment();
    }
}
