package org.hlspipeline.queryapi.broker;

import static org.hlspipeline.queryapi.broker.BrokerSettings.STARTUP_TIMEOUT;

import java.util.LinkedHashMap;
import java.util.Map;

/** The properties the embedded broker runs with (and its storage is formatted with). */
final class BrokerConfig {

    /** The one node: broker and only KRaft voter. */
    static final int NODE_ID = 1;
    static final String BROKER_LISTENER = "PLAINTEXT";
    static final String CONTROLLER_LISTENER = "CONTROLLER";

    private BrokerConfig() {
    }

    /**
     * The broker configuration. Values in {@link BrokerSettings#extraProperties()} are applied last and win.
     */
    static Map<String, Object> brokerProperties(BrokerSettings settings, String advertisedHost, int port,
                                                int controllerPort) {
        String bindHost = settings.host();
        Map<String, Object> p = new LinkedHashMap<>();
        // Identity and roles: one node that is both the broker and the only KRaft voter.
        p.put("process.roles", "broker,controller");
        p.put("node.id", String.valueOf(NODE_ID));
        p.put("controller.quorum.voters", NODE_ID + "@" + advertisedHost + ":" + controllerPort);
        p.put("controller.listener.names", CONTROLLER_LISTENER);
        p.put("listeners", BROKER_LISTENER + "://" + bindHost + ":" + port + ","
                + CONTROLLER_LISTENER + "://" + bindHost + ":" + controllerPort);
        p.put("advertised.listeners", BROKER_LISTENER + "://" + advertisedHost + ":" + port);
        p.put("inter.broker.listener.name", BROKER_LISTENER);
        p.put("listener.security.protocol.map", BROKER_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        // Storage under the application's data dir. A metadata dir of its own is also locked by Kafka's raft layer.
        p.put("log.dirs", settings.logDir().toString());
        p.put("metadata.log.dir", settings.metadataDir().toString());
        // A single node: internal topics cannot have more than one replica.
        p.put("offsets.topic.replication.factor", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        // Fewer partitions for the internal topics than the cluster defaults of 50: one node, one application,
        // and it makes the first group/transaction coordinator lookup fast.
        p.put("offsets.topic.num.partitions", "10");
        p.put("transaction.state.log.num.partitions", "10");
        p.put("share.coordinator.state.topic.num.partitions", "10");
        // Topics are created explicitly by the application; this is the count when a create request names none.
        p.put("auto.create.topics.enable", "false");
        p.put("num.partitions", "4");
        // No waiting for more members to join before the first rebalance (tests and single-instance startup).
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("group.streams.initial.rebalance.delay.ms", "0");
        // Bounded startup: the broker gives up instead of waiting forever to be unfenced.
        p.put("server.max.startup.time.ms", String.valueOf(STARTUP_TIMEOUT.toMillis()));
        p.putAll(settings.extraProperties());
        return p;
    }
}
