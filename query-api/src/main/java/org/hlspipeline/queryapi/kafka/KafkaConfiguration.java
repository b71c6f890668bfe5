package org.hlspipeline.queryapi.kafka;

import java.util.List;

import org.hlspipeline.queryapi.config.HlsProperties;
import org.hlspipeline.queryapi.broker.BrokerSettings;
import org.hlspipeline.queryapi.broker.EmbeddedKafkaBroker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Decides where Kafka is; everything that talks to Kafka takes its settings from here. */
@Configuration(proxyBeanMethods = false)
class KafkaConfiguration {

    private static final Logger log = LoggerFactory.getLogger(KafkaConfiguration.class);

    @Bean(destroyMethod = "close")
    KafkaConnection kafkaConnection(KafkaProperties kafka, HlsProperties hls) {
        List<String> configured = kafka.getBootstrapServers();
        boolean external = configured != null && configured.stream().anyMatch(s -> s != null && !s.isBlank());
        if (external) {
            String servers = String.join(",", configured);
            log.info("Using the Kafka cluster at {}", servers);
            return new KafkaConnection(servers, kafka, null);
        }
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(BrokerSettings
                .defaults(hls.dataDir().toAbsolutePath()).withPort(hls.kafkaPort()));
        log.info("Started the embedded Kafka broker at {} (data in {})", broker.bootstrapServers(),
                broker.settings().dataDir());
        return new KafkaConnection(broker.bootstrapServers(), kafka, broker);
    }
}
