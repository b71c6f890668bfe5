package org.hlspipeline.queryapi;

import org.hlspipeline.queryapi.kafka.KafkaConnection;
import org.hlspipeline.queryapi.kafka.LocalInstance;
import org.hlspipeline.queryapi.kafka.StreamsRuntime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Tells whoever started the app where to point a transcoder and a player, once it can answer them: when Kafka
 * Streams first runs, not when the HTTP server is up, a few seconds before (in maintenance, when the server is up).
 */
@Component
class StartupBanner {

    private static final Logger log = LoggerFactory.getLogger(StartupBanner.class);

    private final LocalInstance instance;
    private final KafkaConnection kafka;

    private final Environment environment;
    private final StreamsRuntime streams;

    StartupBanner(LocalInstance instance, KafkaConnection kafka, Environment environment, StreamsRuntime streams) {
        this.instance = instance;
        this.kafka = kafka;
        this.environment = environment;
        this.streams = streams;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ready() {
        if (streams.enabled()) {
            streams.firstRunning().thenRun(this::print);
        } else {
            print();
        }
    }

    private void print() {
        String base = "http://" + instance.name();
        // Published by the registry when it serves one (no SCHEMA_REGISTRY_URL).
        String registryPort = environment.getProperty("local.schema-registry.port");
        String registry = registryPort == null ? environment.getProperty("hls.schema-registry.url", "")
                : "http://" + environment.getProperty("hls.schema-registry.address", "127.0.0.1") + ":" + registryPort;
        log.info("""

                  HLS pipeline is up ({} Kafka at {})
                    viewer page:         {}/
                    register a segment:  POST {}/streams/{stream}/renditions/{rendition}/segments
                    media playlist:      {}/streams/{stream}/renditions/{rendition}/playlist.m3u8
                    master playlist:     {}/streams/{stream}/master.m3u8
                    stream state:        {}/api/streams/{stream}
                    readiness, metrics:  {}/actuator/health/readiness  {}/actuator/prometheus
                    schema registry:     {}{}
                """, kafka.embedded() ? "embedded" : "external", kafka.bootstrapServers(),
                base, base, base, base, base, base, base, registry, registryPort == null ? " (external)" : "");
    }
}
