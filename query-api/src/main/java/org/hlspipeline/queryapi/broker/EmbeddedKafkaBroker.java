package org.hlspipeline.queryapi.broker;

import java.net.BindException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.hlspipeline.queryapi.broker.BrokerPorts.PortTakenException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka broker running in this JVM: the broker code of {@code kafka_2.13}
 * ({@link KafkaRaftServer}) in KRaft mode with the combined broker and controller roles.
 *
 * <p>Storage lives under {@code <dataDir>/kafka}: {@code data/} (the log dir: topics and records) and
 * {@code metadata/} (the KRaft metadata log). It is formatted on first start; later starts find it
 * formatted, keep its cluster id, and keep every topic and record. A lock file there keeps a second
 * embedded broker (in this or another process) off the same storage. The controller quorum is static ({@code controller.quorum.voters}),
 * which is configuration rather than stored state, so the controller port may change between
 * restarts.
 *
 * <p>{@link #start(Settings)} returns once the broker answers an Admin {@code describeCluster};
 * {@link #close()} shuts down and waits for every broker thread to finish.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    /** Default bind address: loopback only, nothing is exposed to the network. */
    public static final String DEFAULT_HOST = "127.0.0.1";
    /** Default client port of the embedded broker (DESIGN §3). */
    public static final int DEFAULT_PORT = 9092;
    /** Environment variable that the application maps to {@link Settings#port()}; named in error messages. */
    public static final String PORT_ENV = "HLS_KAFKA_PORT";
    /** Environment variable that the application maps to {@link Settings#dataDir()}; named in error messages. */
    public static final String DATA_DIR_ENV = "HLS_DATA_DIR";
    /** How long {@link #start(Settings)} waits for the broker to serve before it gives up. */
    public static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);

    static final int NODE_ID = 1;
    static final String BROKER_LISTENER = "PLAINTEXT";
    static final String CONTROLLER_LISTENER = "CONTROLLER";
    static final String LOCK_FILE = "embedded-broker.lock";
    /** Attempts when a port picked by us (port 0) is taken by someone else before the broker binds it. */
    private static final int PICKED_PORT_ATTEMPTS = 3;

    /** Kafka's message when a listener cannot bind: "Socket server failed to bind to host:port: reason". */
    private static final Pattern BIND_FAILURE = Pattern.compile("failed to bind to \\S*:(\\d+)");

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);

    /**
     * Where and how the embedded broker runs.
     *
     * @param dataDir         the application's data directory; Kafka storage goes to {@code dataDir/kafka}
     * @param host            address to bind and advertise (default {@value #DEFAULT_HOST})
     * @param port            client port; {@code 0} picks a free port (tests)
     * @param controllerPort  KRaft controller port; {@code 0} picks a free port (the quorum is static, so it
     *                        may differ from run to run)
     * @param extraProperties broker properties applied last, over the defaults of this class
     */
    public record Settings(Path dataDir, String host, int port, int controllerPort, Map<String, String> extraProperties) {

        public Settings {
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
        public static Settings defaults(Path dataDir) {
            return new Settings(dataDir, DEFAULT_HOST, DEFAULT_PORT, 0, Map.of());
        }

        /** For tests: 127.0.0.1, free ports for the client and controller listeners. */
        public static Settings forTests(Path dataDir) {
            return new Settings(dataDir, DEFAULT_HOST, 0, 0, Map.of());
        }

        public Settings withHost(String newHost) {
            return new Settings(dataDir, newHost, port, controllerPort, extraProperties);
        }

        public Settings withPort(int newPort) {
            return new Settings(dataDir, host, newPort, controllerPort, extraProperties);
        }

        public Settings withControllerPort(int newControllerPort) {
            return new Settings(dataDir, host, port, newControllerPort, extraProperties);
        }

        public Settings withExtraProperties(Map<String, String> newExtraProperties) {
            return new Settings(dataDir, host, port, controllerPort, newExtraProperties);
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

    private final KafkaRaftServer server;
    private final StorageLock storageLock;
    private final Settings settings;
    private final String advertisedHost;
    private final int port;
    private final int controllerPort;
    private final String clusterId;
    private boolean closed;

    private EmbeddedKafkaBroker(KafkaRaftServer server, StorageLock storageLock, Settings settings,
                                String advertisedHost, int port, int controllerPort, String clusterId) {
        this.server = server;
        this.storageLock = storageLock;
        this.settings = settings;
        this.advertisedHost = advertisedHost;
        this.port = port;
        this.controllerPort = controllerPort;
        this.clusterId = clusterId;
    }

    /**
     * Formats the storage if it is new, starts the broker and blocks until it serves clients.
     *
     * @throws BrokerStartupException if a port is taken, the data directory is in use or unusable,
     *                                or the broker does not serve within {@link #STARTUP_TIMEOUT}
     */
    public static EmbeddedKafkaBroker start(Settings settings) {
        Objects.requireNonNull(settings, "settings");
        long began = System.nanoTime();
        Path kafkaDir = settings.kafkaDir();
        BrokerStorage.createKafkaDir(kafkaDir);
        // Kafka itself locks the log dir only once the controller already runs on the metadata log; a second
        // broker on the same storage must be stopped before it touches anything.
        StorageLock lock = StorageLock.acquire(kafkaDir.resolve(LOCK_FILE));
        boolean started = false;
        try {
            String clusterId = BrokerStorage.existingClusterId(settings).orElseGet(() -> Uuid.randomUuid().toString());
            String advertisedHost = BrokerPorts.advertisedHost(settings.host());
            for (int attempt = 1; ; attempt++) {
                BrokerPorts.Chosen ports = BrokerPorts.choosePorts(settings);
                try {
                    EmbeddedKafkaBroker broker =
                            startOnce(settings, lock, clusterId, advertisedHost, ports.port(), ports.controllerPort());
                    started = true;
                    log.info("Embedded Kafka broker (KRaft, cluster {}) serving on {} with data in {}, started in {} ms",
                            clusterId, broker.bootstrapServers(), kafkaDir,
                            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began));
                    return broker;
                } catch (PortTakenException e) {
                    boolean controller = e.port == ports.controllerPort();
                    boolean pickedByUs = controller ? settings.controllerPort() == 0
                            : e.port == ports.port() && settings.port() == 0;
                    if (!pickedByUs || attempt >= PICKED_PORT_ATTEMPTS) {
                        throw new BrokerStartupException(
                                BrokerPorts.portTakenMessage(settings, e.port, controller), e.getCause());
                    }
                    log.debug("Free port {} was taken before the broker bound it; trying other ports", e.port);
                }
            }
        } finally {
            if (!started) {
                lock.release();
            }
        }
    }

    /** {@code host:port} for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return advertisedHost + ":" + port;
    }

    /** The client port actually bound (differs from {@link Settings#port()} when that was 0). */
    public int port() {
        return port;
    }

    /** The KRaft controller port actually bound. */
    public int controllerPort() {
        return controllerPort;
    }

    /** The cluster id stored in {@code meta.properties}; stable across restarts on the same data directory. */
    public String clusterId() {
        return clusterId;
    }

    public Settings settings() {
        return settings;
    }

    /** Shuts the broker down (controlled shutdown) and waits until it has stopped. Calling it again does nothing. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        long began = System.nanoTime();
        try {
            server.shutdown();
        } finally {
            server.awaitShutdown();
            storageLock.release();
        }
        log.info("Embedded Kafka broker on {} stopped in {} ms", bootstrapServers(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began));
    }

    @Override
    public String toString() {
        return "EmbeddedKafkaBroker[" + bootstrapServers() + ", cluster " + clusterId + ", " + settings.kafkaDir() + "]";
    }

    // ---------------------------------------------------------------------------------------------

    private static EmbeddedKafkaBroker startOnce(Settings settings, StorageLock lock, String clusterId,
                                                 String advertisedHost, int port, int controllerPort) {
        Path kafkaDir = settings.kafkaDir();
        Map<String, Object> props = BrokerConfig.brokerProperties(settings, advertisedHost, port, controllerPort);
        KafkaConfig config;
        try {
            config = new KafkaConfig(props, false);
        } catch (RuntimeException e) {
            throw new BrokerStartupException("Invalid embedded Kafka broker configuration: " + e.getMessage(), e);
        }
        BrokerStorage.format(props, kafkaDir, clusterId);

        KafkaRaftServer server;
        try {
            server = new KafkaRaftServer(config, Time.SYSTEM);
        } catch (RuntimeException e) {
            throw new BrokerStartupException("Cannot open the Kafka storage in " + kafkaDir + ": " + e.getMessage(), e);
        }
        try {
            server.startup();
        } catch (Throwable e) {
            stopQuietly(server);
            throw translateStartupFailure(e, kafkaDir, port);
        }
        EmbeddedKafkaBroker broker =
                new EmbeddedKafkaBroker(server, lock, settings, advertisedHost, port, controllerPort, clusterId);
        try {
            broker.awaitServing(System.nanoTime() + STARTUP_TIMEOUT.toNanos());
        } catch (RuntimeException e) {
            stopQuietly(server);
            throw e;
        }
        return broker;
    }

    private void awaitServing(long deadlineNanos) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        Throwable lastFailure = null;
        try (Admin admin = Admin.create(props)) {
            while (true) {
                long remainingMs = TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
                if (remainingMs <= 0) {
                    throw new BrokerStartupException("The embedded Kafka broker on " + bootstrapServers()
                            + " did not answer describeCluster within " + STARTUP_TIMEOUT.toSeconds() + " s"
                            + (lastFailure == null ? "" : ": " + lastFailure), lastFailure);
                }
                int callTimeoutMs = (int) Math.min(remainingMs, 5_000);
                DescribeClusterResult result = admin.describeCluster(new DescribeClusterOptions().timeoutMs(callTimeoutMs));
                try {
                    Collection<Node> nodes = result.nodes().get(callTimeoutMs + 1_000L, TimeUnit.MILLISECONDS);
                    if (nodes.stream().anyMatch(node -> node.id() == NODE_ID)) {
                        return;
                    }
                    lastFailure = new IllegalStateException("broker " + NODE_ID + " not yet in the cluster: " + nodes);
                } catch (ExecutionException e) {
                    lastFailure = e.getCause();
                } catch (TimeoutException e) {
                    lastFailure = e;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new BrokerStartupException("Interrupted while waiting for the embedded Kafka broker", e);
                }
            }
        }
    }

    private static RuntimeException translateStartupFailure(Throwable failure, Path kafkaDir, int port) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            Matcher bindFailure = BIND_FAILURE.matcher(message);
            if (bindFailure.find()) {
                return new PortTakenException(Integer.parseInt(bindFailure.group(1)), failure);
            }
            if (t instanceof BindException) {
                return new PortTakenException(port, failure);
            }
            if (message.contains("Failed to acquire lock")) {
                return new BrokerStartupException("Cannot start the embedded Kafka broker: its data directory "
                        + kafkaDir + " is in use by another broker (another instance running on the same data?)."
                        + " Stop it, or set " + DATA_DIR_ENV + " to another directory.", failure);
            }
        }
        if (failure instanceof VirtualMachineError error) {
            throw error;
        }
        return new BrokerStartupException("The embedded Kafka broker failed to start (data in " + kafkaDir + "): "
                + failure, failure);
    }

    private static void stopQuietly(KafkaRaftServer server) {
        try {
            server.shutdown();
            server.awaitShutdown();
        } catch (RuntimeException e) {
            log.debug("Error while stopping a broker that failed to start", e);
        }
    }
}
