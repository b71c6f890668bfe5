package org.hlspipeline.queryapi.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One application instance as an operator runs it on a cluster: {@code java -jar query-api.jar} with
 * {@code KAFKA_BOOTSTRAP_SERVERS} and {@code HLS_STANDBY_REPLICAS=1}, its own HTTP port and data directory. It
 * can be killed with SIGKILL and started again on the same data directory and port, as a supervisor restarts it.
 */
public final class AppProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Path dataDir;
    private final int port;
    private final Map<String, String> environment;
    private final List<String> arguments;
    private ChildJvm jvm;

    private AppProcess(String name, Path dataDir, int port, Map<String, String> environment, List<String> arguments) {
        this.name = name;
        this.dataDir = dataDir;
        this.port = port;
        this.environment = environment;
        this.arguments = arguments;
    }

    /**
     * Starts an instance on {@code bootstrapServers} (empty: the embedded default, its own broker) with its data
     * under {@code dir}; {@code extra} environment variables win over the defaults here, and {@code arguments}
     * go on its command line. Returns at once: {@link #awaitReady()} waits for Kafka Streams.
     */
    public static AppProcess start(String name, Path dir, String bootstrapServers, Map<String, String> extra,
                                   List<String> arguments) {
        int port = FreePorts.pick();
        Map<String, String> env = new HashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers);
        env.put("PORT", String.valueOf(port));
        env.put("HLS_DATA_DIR", dir.resolve("data").toString());
        env.put("HLS_STANDBY_REPLICAS", "1");
        // Several instances share the machine: each serves its registry on any free port.
        env.put("HLS_SCHEMA_REGISTRY_PORT", "0");
        env.putAll(extra);
        AppProcess app = new AppProcess(name, dir, port, Map.copyOf(env), List.copyOf(arguments));
        app.launch();
        return app;
    }

    private void launch() {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        jvm = ChildJvm.app(name, dataDir.resolve(name + ".log"), environment, arguments);
    }

    public static AppProcess start(String name, Path dir, String bootstrapServers, Map<String, String> extra) {
        return start(name, dir, bootstrapServers, extra, List.of());
    }

    /** Waits until the instance is ready: its readiness probe answers 200 (Kafka Streams has run). */
    public AppProcess awaitReady() {
        await(name + " ready").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100))
                .failFast(name + " exited", () -> !jvm.alive())
                .until(() -> status("/actuator/health/readiness") == 200);
        return this;
    }

    /** The status of a GET, or -1 when nothing answers (refused, reset, timed out). */
    public int status(String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(5))
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** SIGKILL: no shutdown hook, no leaving the consumer group, no last commit. */
    public void kill() {
        jvm.kill();
    }

    /** SIGTERM, and waits for the graceful shutdown to finish. */
    public void stop() {
        jvm.stop();
    }

    /** Starts it again with the same port, data directory and settings. */
    public AppProcess restart() {
        if (jvm.alive()) {
            throw new IllegalStateException(name + " is still running");
        }
        launch();
        return this;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public String name() {
        return name;
    }

    public ChildJvm jvm() {
        return jvm;
    }

    @Override
    public void close() {
        if (jvm != null) {
            jvm.close();
        }
    }
}
