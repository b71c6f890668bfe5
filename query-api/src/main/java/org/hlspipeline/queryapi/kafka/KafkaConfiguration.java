package org.hlspipeline.queryapi.kafka;

import java.util.List;
import java.util.Map;

import org.hlspipeline.queryapi.config.HlsProperties;
import org.hlspipeline.queryapi.broker.BrokerSettings;
import org.hlspipeline.queryapi.broker.EmbeddedKafkaBroker;
import org.hlspipeline.schemas.registry.SchemaRegistries;
import org.hlspipeline.schemas.registry.SchemaRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Decides where Kafka and the schema registry are; everything that talks to Kafka takes its settings from here. */
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

    /**
     * With SCHEMA_REGISTRY_URL: a Confluent-compatible registry. Without: the ids bundled with this release,
     * which producer-tools shares, so the embedded mode needs no registry server.
     */
    @Bean
    SchemaRegistry schemaRegistry(HlsProperties hls) {
        HlsProperties.SchemaRegistry registry = hls.schemaRegistry();
        Map<String, Object> config = new java.util.HashMap<>();
        putIfSet(config, "schema.registry.url", registry.url());
        putIfSet(config, "basic.auth.user.info", registry.basicAuthUserInfo());
        putIfSet(config, "schema.registry.ssl.truststore.location", registry.truststoreLocation());
        putIfSet(config, "schema.registry.ssl.truststore.password", registry.truststorePassword());
        putIfSet(config, "schema.registry.ssl.keystore.location", registry.keystoreLocation());
        putIfSet(config, "schema.registry.ssl.keystore.password", registry.keystorePassword());
        return SchemaRegistries.fromConfig(config);
    }

    private static void putIfSet(Map<String, Object> config, String key, String value) {
        if (value != null && !value.isBlank()) {
            config.put(key, value);
        }
    }
}
