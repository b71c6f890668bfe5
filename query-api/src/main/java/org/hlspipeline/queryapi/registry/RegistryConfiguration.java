package org.hlspipeline.queryapi.registry;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.hlspipeline.queryapi.config.HlsProperties;
import org.hlspipeline.queryapi.http.WriteTokens;
import org.hlspipeline.queryapi.kafka.KafkaConnection;
import org.hlspipeline.schemas.registry.SchemaRegistries;
import org.hlspipeline.schemas.registry.SchemaRegistry;
import org.hlspipeline.schemas.registry.SchemaRegistryConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Where schema ids come from. With SCHEMA_REGISTRY_URL: that Confluent-compatible registry, as a client. Without:
 * this app serves one itself, on the schemas topic of the cluster it uses (the embedded broker by default), so
 * that any Confluent client can register and look up schemas without anything else to run.
 */
@Configuration(proxyBeanMethods = false)
class RegistryConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RegistryConfiguration.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    static final String LOCAL_PORT_PROPERTY = "local.schema-registry.port";
    private static final String SERVED = "'${hls.schema-registry.url:}'.isBlank()";

    /** The served registry's store, when there is one (no SCHEMA_REGISTRY_URL). */
    @Bean(destroyMethod = "close")
    @ConditionalOnExpression(SERVED)
    SchemaLog schemaLog(HlsProperties hls, KafkaConnection connection) {
        String topic = hls.topics().schemas();
        // One fencing domain per topic, not per application: every app sharing a schemas topic must take turns.
        SchemaLog schemas = new SchemaLog(topic, "hls-schema-registry-" + topic, new KafkaClients(
                connection.adminProperties(), connection.producerProperties(), connection.consumerProperties()),
                TIMEOUT);
        schemas.start();
        return schemas;
    }

    @Bean
    SchemaRegistry schemaRegistry(HlsProperties hls, ObjectProvider<SchemaLog> schemaLog) {
        HlsProperties.SchemaRegistry registry = hls.schemaRegistry();
        if (!registry.external()) {
            ServedSchemaRegistry served = new ServedSchemaRegistry(schemaLog.getObject());
            served.seed();
            return served;
        }
        Map<String, Object> config = new HashMap<>();
        putIfSet(config, "schema.registry.url", registry.url());
        putIfSet(config, "basic.auth.user.info", registry.basicAuthUserInfo());
        putIfSet(config, "schema.registry.ssl.truststore.location", registry.truststoreLocation());
        putIfSet(config, "schema.registry.ssl.truststore.password", registry.truststorePassword());
        putIfSet(config, "schema.registry.ssl.keystore.location", registry.keystoreLocation());
        putIfSet(config, "schema.registry.ssl.keystore.password", registry.keystorePassword());
        if (registry.timeout() != null) {
            config.put(SchemaRegistryConfig.TIMEOUT_MS, Long.toString(registry.timeout().toMillis()));
        }
        return SchemaRegistries.fromConfig(config);
    }

    /** Started after the registry bean, which seeds the bundled schemas, so nothing is served before them. */
    @Bean(destroyMethod = "close")
    @ConditionalOnExpression(SERVED)
    RegistryServer registryServer(HlsProperties hls, SchemaLog schemas, SchemaRegistry seededFirst,
                                  WriteTokens tokens, ConfigurableEnvironment environment) {
        HlsProperties.SchemaRegistry registry = hls.schemaRegistry();
        tokens.requireTokensUnlessLoopback(registry.address(), "The schema registry");
        RegistryServer server = RegistryServer.start(registry.address(), registry.port(),
                new RegistryHandlers(schemas), tokens);
        // As Spring Boot publishes local.server.port: where a port of 0 ended up, for tests and operators.
        environment.getPropertySources().addFirst(new MapPropertySource("schemaRegistryServer",
                Map.of(LOCAL_PORT_PROPERTY, server.port())));
        log.info("Serving the schema registry at http://{}:{} (schemas topic {})", registry.address(),
                server.port(), hls.topics().schemas());
        return server;
    }

    private static void putIfSet(Map<String, Object> config, String key, String value) {
        if (value != null && !value.isBlank()) {
            config.put(key, value);
        }
    }
}
