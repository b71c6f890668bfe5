package org.hlspipeline.queryapi.broker;

import static org.hlspipeline.queryapi.broker.BrokerSettings.DATA_DIR_ENV;
import static org.hlspipeline.queryapi.broker.BrokerSettings.STARTUP_TIMEOUT;

import java.net.BindException;
import java.nio.file.Path;
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
 * <p>{@link #start(BrokerSettings)} returns once the broker answers an Admin {@code describeCluster};
 * {@link #close()} shuts down and waits for every broker thread to finish.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    static final String LOCK_FILE = "embedded-broker.lock";
    /** Attempts when a port picked by us (port 0) is taken by someone else before the broker binds it. */
    private static final int PICKED_PORT_ATTEMPTS = 3;

    /** Kafka's message when a listener cannot bind: "Socket server failed to bind to host:port: reason". */
    private static final Pattern BIND_FAILURE = Pattern.compile("failed to bind to \\S*:(\\d+)");

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);

    private final KafkaRaftServer server;
    private final StorageLock storageLock;
    private final BrokerSettings settings;
    private final String advertisedHost;
    private final int port;
    private final int controllerPort;
    private final String clusterId;
    private boolean closed;

    private EmbeddedKafkaBroker(KafkaRaftServer server, StorageLock storageLock, BrokerSettings settings,
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
     *                                or the broker does not serve within {@link BrokerSettings#STARTUP_TIMEOUT}
     */
    public static EmbeddedKafkaBroker start(BrokerSettings settings) {
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
                    boolean controller = e.port() == ports.controllerPort();
                    boolean pickedByUs = controller ? settings.controllerPort() == 0
                            : e.port() == ports.port() && settings.port() == 0;
                    if (!pickedByUs || attempt >= PICKED_PORT_ATTEMPTS) {
                        throw new BrokerStartupException(
                                BrokerPorts.portTakenMessage(settings, e.port(), controller), e.getCause());
                    }
                    log.debug("Free port {} was taken before the broker bound it; trying other ports", e.port());
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

    /** The client port actually bound (differs from {@link BrokerSettings#port()} when that was 0). */
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

    public BrokerSettings settings() {
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

    private static EmbeddedKafkaBroker startOnce(BrokerSettings settings, StorageLock lock, String clusterId,
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
                    if (nodes.stream().anyMatch(node -> node.id() == BrokerConfig.NODE_ID)) {
                        return;
                    }
                    lastFailure = new IllegalStateException("broker " + BrokerConfig.NODE_ID
                            + " not yet in the cluster: " + nodes);
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
