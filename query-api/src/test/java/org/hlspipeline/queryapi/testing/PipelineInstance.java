package org.hlspipeline.queryapi.testing;

import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.hlspipeline.queryapi.HlsPipelineApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * One real application instance — HTTP server, Kafka Streams, stores — on the JVM's test broker, as an operator
 * would run it, only with a random HTTP port and its own data directory. Several can run side by side.
 */
public final class PipelineInstance implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final int port;
    private final WebTestClient client;

    private PipelineInstance(ConfigurableApplicationContext context) {
        this.context = context;
        this.port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
        this.client = WebTestClient.bindToServer().baseUrl(baseUrl()).responseTimeout(Duration.ofSeconds(15))
                .build();
    }

    /** Starts an instance and waits until it is ready (Kafka Streams RUNNING). */
    public static PipelineInstance start(TestPipeline pipeline, Path dataDir, Map<String, String> extra) {
        Map<String, Object> props = new HashMap<>();
        props.put("spring.kafka.bootstrap-servers", TestKafka.bootstrapServers());
        props.put("server.port", "0");
        props.put("hls.data-dir", dataDir.toString());
        // application.yml reads these names (${HLS_TOPIC_STREAM_EVENTS:…}), from arguments as from the environment.
        props.putAll(pipeline.environment());
        // Several instances share the machine: the served schema registry takes any free port.
        props.put("hls.schema-registry.port", "0");
        props.putAll(extra);
        // As command-line arguments: they outrank application.yml, as an operator's flags would.
        String[] args = props.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(HlsPipelineApplication.class)
                .run(args);
        PipelineInstance instance = new PipelineInstance(context);
        instance.awaitReady();
        return instance;
    }

    public static PipelineInstance start(TestPipeline pipeline, Path dataDir) {
        return start(pipeline, dataDir, Map.of());
    }

    public void awaitReady() {
        await("instance on port " + port + " ready").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                // The body is read to its end: an unread one holds its Netty buffers (a leak at paranoid detection).
                .until(() -> client.get().uri("/actuator/health/readiness").exchange()
                        .expectBody().returnResult().getStatus().is2xxSuccessful());
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public String name() {
        return "127.0.0.1:" + port;
    }

    public WebTestClient http() {
        return client;
    }

    /**
     * Stops only the HTTP server: Kafka Streams keeps its partitions, so other instances still see this one as
     * the owner but cannot reach it, which is what a hung or partitioned instance looks like.
     */
    public void stopHttp() {
        ((org.springframework.boot.web.server.context.WebServerApplicationContext) context).getWebServer().stop();
    }

    /** The schema registry this instance serves (no SCHEMA_REGISTRY_URL). */
    public String registryUrl() {
        return "http://127.0.0.1:" + context.getEnvironment().getProperty("local.schema-registry.port");
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
