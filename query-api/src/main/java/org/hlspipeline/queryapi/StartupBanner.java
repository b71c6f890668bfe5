package org.hlspipeline.queryapi;

import org.hlspipeline.queryapi.kafka.KafkaConnection;
import org.hlspipeline.queryapi.kafka.LocalInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tells whoever started the app where to point a transcoder and a player. */
@Component
class StartupBanner {

    private static final Logger log = LoggerFactory.getLogger(StartupBanner.class);

    private final LocalInstance instance;
    private final KafkaConnection kafka;

    StartupBanner(LocalInstance instance, KafkaConnection kafka) {
        this.instance = instance;
        this.kafka = kafka;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ready() {
        String base = "http://" + instance.name();
        log.info("""

                  HLS pipeline is up ({} Kafka at {})
                    viewer page:         {}/
                    register a segment:  POST {}/streams/{stream}/renditions/{rendition}/segments
                    media playlist:      {}/streams/{stream}/renditions/{rendition}/playlist.m3u8
                    master playlist:     {}/streams/{stream}/master.m3u8
                    stream state:        {}/api/streams/{stream}
                    readiness, metrics:  {}/actuator/health/readiness  {}/actuator/prometheus
                """, kafka.embedded() ? "embedded" : "external", kafka.bootstrapServers(),
                base, base, base, base, base, base, base);
    }
}
