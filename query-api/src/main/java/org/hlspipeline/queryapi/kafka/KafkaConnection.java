package org.hlspipeline.queryapi.kafka;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.CommonClientConfigs;
import org.hlspipeline.queryapi.broker.EmbeddedKafkaBroker;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

/**
 * Where the Kafka cluster is, and how to reach it: the external cluster named by {@code KAFKA_BOOTSTRAP_SERVERS}
 * with every {@code spring.kafka.*} property (SASL, TLS) passed through, or the embedded broker this instance
 * started. Closing it stops the embedded broker, after everything that uses it.
 */
public final class KafkaConnection implements AutoCloseable {

    private final String bootstrapServers;
    private final KafkaProperties kafka;
    private final EmbeddedKafkaBroker embeddedBroker;

    KafkaConnection(String bootstrapServers, KafkaProperties kafka, EmbeddedKafkaBroker broker) {
        this.bootstrapServers = bootstrapServers;
        this.kafka = kafka;
        this.embeddedBroker = broker;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public boolean embedded() {
        return embeddedBroker != null;
    }

    public Map<String, Object> adminProperties() {
        return withBootstrap(kafka.buildAdminProperties());
    }

    public Map<String, Object> producerProperties() {
        return withBootstrap(kafka.buildProducerProperties());
    }

    public Map<String, Object> consumerProperties() {
        return withBootstrap(kafka.buildConsumerProperties());
    }

    public Map<String, Object> streamsProperties() {
        return withBootstrap(kafka.buildStreamsProperties());
    }

    private Map<String, Object> withBootstrap(Map<String, Object> properties) {
        Map<String, Object> props = new HashMap<>(properties);
        props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return props;
    }

    @Override
    public void close() {
        if (embeddedBroker != null) {
            embeddedBroker.close();
        }
    }
}
