package org.hlspipeline.queryapi.broker;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Where and how the embedded broker runs.
 *
 * @param dataDir         the application's data directory; Kafka storage goes to {@code dataDir/kafka}
 * @param host            address to bind and advertise (default {@value #DEFAULT_HOST})
 * @param port            client port; {@code 0} picks a free port (tests)
 * @param controllerPort  KRaft controller port; {@code 0} picks a free port (the quorum is static, so it
 *                        may differ from run to run)
 * @param extraProperties broker properties applied last, over the embedded broker's defaults
 */
public record BrokerSettings(Path dataDir, String host, int port, int controllerPort,
                             Map<String, String> extraProperties) {

    /** Default bind address: loopback only, nothing is exposed to the network. */
    public static final String DEFAULT_HOST = "127.0.0.1";
    /** Default client port of the embedded broker (see docs/operations.md, Configuration). */
    public static final int DEFAULT_PORT = 9092;
    /** Environment variable that the application maps to {@link #port()}; named in error messages. */
    public static final String PORT_ENV = "HLS_KAFKA_PORT";
    /** Environment variable that the application maps to {@link #dataDir()}; named in error messages. */
    public static final String DATA_DIR_ENV = "HLS_DATA_DIR";
    /** How long {@code EmbeddedKafkaBroker.start} waits for the broker to serve before it gives up. */
    public static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);

    public BrokerSettings {
        Objects.requireNonNull(dataDir, "dataDir");
        host = host == null || host.isBlank() ? DEFAULT_HOST : host.strip();
        checkPort(port, "port");
        checkPort(controllerPort, "controllerPort");
        if (port != 0 && port == controllerPort) {
            throw new IllegalArgumentException("port and controllerPort must differ, both are " + port);
        }
        extraProperties = extraProperties == null ? Map.of() : Map.copyOf(extraProperties);
    }

    /** The embedded default: 127.0.0.1:9092, a free controller port, no extra properties. */
    public static BrokerSettings defaults(Path dataDir) {
        return new BrokerSettings(dataDir, DEFAULT_HOST, DEFAULT_PORT, 0, Map.of());
    }

    /** For tests: 127.0.0.1, free ports for the client and controller listeners. */
    public static BrokerSettings forTests(Path dataDir) {
        return new BrokerSettings(dataDir, DEFAULT_HOST, 0, 0, Map.of());
    }

    public BrokerSettings withHost(String newHost) {
        return new BrokerSettings(dataDir, newHost, port, controllerPort, extraProperties);
    }

    public BrokerSettings withPort(int newPort) {
        return new BrokerSettings(dataDir, host, newPort, controllerPort, extraProperties);
    }

    public BrokerSettings withControllerPort(int newControllerPort) {
        return new BrokerSettings(dataDir, host, port, newControllerPort, extraProperties);
    }

    public BrokerSettings withExtraProperties(Map<String, String> newExtraProperties) {
        return new BrokerSettings(dataDir, host, port, controllerPort, newExtraProperties);
    }

    /** The directory holding Kafka's storage: {@code data/} (log dir) and {@code metadata/} (metadata log). */
    public Path kafkaDir() {
        return dataDir.toAbsolutePath().normalize().resolve("kafka");
    }

    Path logDir() {
        return kafkaDir().resolve("data");
    }

    Path metadataDir() {
        return kafkaDir().resolve("metadata");
    }

    private static void checkPort(int value, String name) {
        if (value < 0 || value > 65535) {
            throw new IllegalArgumentException(name + " must be 0..65535, was " + value);
        }
    }
}
