package org.hlspipeline.queryapi.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.Uuid;

/**
 * A three-node KRaft cluster, each node a JVM of its own running the broker classes the app ships
 * ({@code kafka.Kafka} with its own {@code server.properties}), with the durability settings of
 * docs/operations.md ("A cluster on one machine"): replication factor 3, {@code min.insync.replicas=2}. Every node
 * is broker and controller, so the loss of any one keeps both a controller majority and an in-sync majority.
 *
 * <p>Nodes can be killed with SIGKILL and started again on the same storage, one at a time or all together.
 *
 * <p>{@link #startSecured} starts a cluster whose only client listener is SASL_SSL with SCRAM-SHA-512 and whose
 * every request goes through the {@code StandardAuthorizer} ({@link KafkaSecurity}); replication follows the node
 * count (a single node has factor 1).
 */
public final class KafkaCluster implements AutoCloseable {

    public static final int NODES = 3;

    private final Path dir;
    private final String clusterId = Uuid.randomUuid().toString();
    private final int size;
    private final KafkaSecurity security;
    private final int[] clientPorts;
    private final int[] controllerPorts;
    private final ChildJvm[] nodes;

    private KafkaCluster(Path dir, int size, KafkaSecurity security) {
        this.dir = dir;
        this.size = size;
        this.security = security;
        this.clientPorts = new int[size];
        this.controllerPorts = new int[size];
        this.nodes = new ChildJvm[size];
    }

    /** Formats three nodes' storage under {@code dir}, starts them and waits until all three serve clients. */
    public static KafkaCluster start(Path dir) {
        return start(new KafkaCluster(dir, NODES, null));
    }

    /** A cluster of {@code size} nodes that serves clients only over SASL_SSL and authorizes with ACLs. */
    public static KafkaCluster startSecured(Path dir, int size, KafkaSecurity security) {
        return start(new KafkaCluster(dir, size, security));
    }

    private static KafkaCluster start(KafkaCluster cluster) {
        for (int i = 0; i < cluster.size; i++) {
            cluster.clientPorts[i] = FreePorts.pick();
            cluster.controllerPorts[i] = FreePorts.pick();
        }
        for (int node = 1; node <= cluster.size; node++) {
            cluster.format(node);
        }
        for (int node = 1; node <= cluster.size; node++) {
            cluster.launch(node);
        }
        cluster.awaitBrokers(cluster.size);
        return cluster;
    }

    public String bootstrapServers() {
        return IntStream.of(clientPorts).mapToObj(port -> "127.0.0.1:" + port).collect(Collectors.joining(","));
    }

    /** SIGKILL of one node (1 to 3). */
    public void kill(int node) {
        nodes[node - 1].kill();
    }

    /** Starts a node again on its storage and waits until the cluster has this many live brokers. */
    public void restart(int node) {
        launch(node);
    }

    /** Waits until this many brokers are registered and unfenced. */
    public void awaitBrokers(int count) {
        await("a cluster of " + count + " live brokers").atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .until(() -> liveBrokers() >= count);
    }

    /** The node id leading this partition now, or -1 while it has no leader. */
    public int leaderOf(TopicPartition partition) {
        try (Admin admin = admin()) {
            Node leader = admin.describeTopics(List.of(partition.topic())).allTopicNames().get()
                    .get(partition.topic()).partitions().get(partition.partition()).leader();
            return leader == null ? -1 : leader.id();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot describe " + partition, e);
        }
    }

    public ChildJvm node(int node) {
        return nodes[node - 1];
    }

    /** An admin client; on a secured cluster, as the super user. */
    public Admin admin() {
        Properties props = new Properties();
        if (security != null) {
            props.putAll(security.adminProperties());
        }
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000);
        return Admin.create(props);
    }

    private int liveBrokers() throws Exception {
        try (Admin admin = admin()) {
            return admin.describeCluster().nodes().get().size();
        }
    }

    private void format(int node) {
        Path config = writeConfig(node);
        List<String> arguments = new ArrayList<>(List.of("format", "--cluster-id", clusterId, "--config",
                config.toString()));
        if (security != null) {
            arguments.addAll(security.formatArguments());
        }
        ChildJvm tool = ChildJvm.mainClass("format node " + node, nodeDir(node).resolve("format.log"),
                "kafka.tools.StorageTool", arguments);
        if (tool.awaitExit(60) != 0) {
            throw new IllegalStateException("Formatting node " + node + " failed:\n" + tool.logTail(20));
        }
    }

    private void launch(int node) {
        nodes[node - 1] = ChildJvm.mainClass("kafka node " + node, nodeDir(node).resolve("broker.log"),
                "kafka.Kafka", List.of(nodeDir(node).resolve("server.properties").toString()));
    }

    private Path nodeDir(int node) {
        Path nodeDir = dir.resolve("node-" + node);
        try {
            return Files.createDirectories(nodeDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path writeConfig(int node) {
        Map<String, String> p = brokerProperties(node);
        Path file = nodeDir(node).resolve("server.properties");
        List<String> lines = new ArrayList<>();
        p.forEach((key, value) -> lines.add(key + "=" + value));
        try {
            return Files.write(file, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same settings as the by-hand cluster in docs/operations.md, on this run's ports. */
    private Map<String, String> brokerProperties(int node) {
        String voters = IntStream.rangeClosed(1, size)
                .mapToObj(n -> n + "@127.0.0.1:" + controllerPorts[n - 1]).collect(Collectors.joining(","));
        Map<String, String> p = new LinkedHashMap<>();
        p.put("process.roles", "broker,controller");
        p.put("node.id", String.valueOf(node));
        p.put("controller.quorum.voters", voters);
        p.put("controller.listener.names", "CONTROLLER");
        if (security == null) {
            p.put("listeners", "PLAINTEXT://127.0.0.1:" + clientPorts[node - 1]
                    + ",CONTROLLER://127.0.0.1:" + controllerPorts[node - 1]);
            p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + clientPorts[node - 1]);
            p.put("inter.broker.listener.name", "PLAINTEXT");
            p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        } else {
            p.putAll(security.brokerProperties(clientPorts[node - 1], controllerPorts[node - 1]));
        }
        p.put("log.dirs", nodeDir(node).resolve("data").toString());
        // Durability: every record on three nodes, acknowledged once two have it (fewer nodes: all of them).
        String replicas = String.valueOf(Math.min(3, size));
        String inSync = size >= 3 ? "2" : "1";
        p.put("default.replication.factor", replicas);
        p.put("min.insync.replicas", inSync);
        p.put("offsets.topic.replication.factor", replicas);
        p.put("transaction.state.log.replication.factor", replicas);
        p.put("transaction.state.log.min.isr", inSync);
        p.put("share.coordinator.state.topic.replication.factor", replicas);
        p.put("share.coordinator.state.topic.min.isr", inSync);
        p.put("unclean.leader.election.enable", "false");
        p.put("auto.create.topics.enable", "false");
        // Fewer internal partitions than the default 50: three small JVMs on two cores create them faster.
        p.put("offsets.topic.num.partitions", "6");
        p.put("transaction.state.log.num.partitions", "6");
        p.put("share.coordinator.state.topic.num.partitions", "6");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("group.streams.initial.rebalance.delay.ms", "0");
        return p;
    }

    @Override
    public void close() {
        for (ChildJvm node : nodes) {
            if (node != null && node.alive()) {
                node.kill();
            }
        }
    }
}
