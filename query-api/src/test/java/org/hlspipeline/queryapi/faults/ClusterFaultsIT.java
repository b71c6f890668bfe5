package org.hlspipeline.queryapi.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;
import org.hlspipeline.queryapi.testing.AppProcess;
import org.hlspipeline.queryapi.testing.KafkaCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The brokers fail, the pipeline does not: a partition leader killed under load, then the whole cluster and both
 * instances stopped and started again. docs/operations.md ("A broker goes down", "Restarting everything").
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterFaultsIT {

    private static final int STREAMS = 50;
    private static final int PARTITIONS = 6;
    private static final String TOPIC = "hls.stream-events";

    private KafkaCluster cluster;
    private AppProcess first;
    private AppProcess second;
    private Map<String, Long> acknowledged;

    @BeforeAll
    void start() throws IOException {
        Path dir = FaultRuns.directory(ClusterFaultsIT.class);
        cluster = KafkaCluster.start(dir.resolve("kafka"));
        first = AppProcess.start("app-1", dir.resolve("app-1"), cluster.bootstrapServers(), Map.of());
        second = AppProcess.start("app-2", dir.resolve("app-2"), cluster.bootstrapServers(), Map.of());
        first.awaitReady();
        second.awaitReady();
    }

    @AfterAll
    void stop() {
        for (AutoCloseable closeable : new AutoCloseable[] {second, first, cluster}) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception e) {
                // the next one still closes
            }
        }
    }

    /**
     * SIGKILL of the broker leading the partition that one stream's writes go to, while transcoders publish to
     * Kafka and one more posts segments to the app over HTTP. Writes resume without touching the app.
     */
    @Test
    @Order(1)
    void killingAPartitionLeaderLosesNothingAcknowledgedAndWritesResume() throws Exception {
        String posted = "posted";
        int leader = cluster.leaderOf(new TopicPartition(TOPIC, partitionOf(posted)));
        HttpSegmentWriter writer = new HttpSegmentWriter(first.baseUrl(), posted, SegmentLoad.RENDITION);
        try (SegmentLoad load = new SegmentLoad(cluster.bootstrapServers(), TOPIC, "broker", STREAMS,
                Duration.ofSeconds(1))) {
            writer.start();
            await("writes flow").atMost(Duration.ofSeconds(60)).until(() -> writer.accepted() >= 5);
            long killedAt = System.currentTimeMillis();
            writer.watchFrom(killedAt);
            cluster.kill(leader);
            long acceptedAtKill = writer.accepted();
            await("HTTP writes accepted again").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                    .until(() -> writer.accepted() >= acceptedAtKill + 5);
            int newLeader = cluster.leaderOf(new TopicPartition(TOPIC, partitionOf(posted)));
            writer.stop();
            load.stop();
            assertThat(newLeader).isNotIn(leader, -1);
            System.out.printf("ClusterFaultsIT broker kill: leader %d of %s killed; %d segment events acknowledged "
                            + "by Kafka, %d failed; HTTP writes %d accepted, %d refused, longest write %d ms, first "
                            + "write accepted after the kill answered %d ms after it%n", leader,
                    new TopicPartition(TOPIC, partitionOf(posted)), load.acknowledged(), load.failed(),
                    writer.accepted(), writer.refused(), writer.longestMillis(),
                    writer.firstAcceptedAfter() - killedAt);
            assertThat(load.failed()).as("sends not acknowledged").isZero();
            acknowledged = new LinkedHashMap<>(load.lastAcknowledged());
            acknowledged.put(posted, writer.lastAccepted());
            ServedPlaylists.awaitEveryAcknowledgedSegment(first, acknowledged);
            ServedPlaylists.awaitEveryAcknowledgedSegment(second, acknowledged);
            cluster.restart(leader);
            cluster.awaitBrokers(KafkaCluster.NODES);
        }
    }

    /** Everything stopped, the instances first as an orchestrator would, and started again: the same playlists. */
    @Test
    @Order(2)
    void restartingTheWholeClusterAndBothInstancesBringsTheSamePlaylistsBack() {
        Map<String, String> before = playlists(second);
        second.stop();
        first.stop();
        for (int node = 1; node <= KafkaCluster.NODES; node++) {
            cluster.node(node).stop();
        }
        long stoppedAt = System.nanoTime();
        for (int node = 1; node <= KafkaCluster.NODES; node++) {
            cluster.restart(node);
        }
        cluster.awaitBrokers(KafkaCluster.NODES);
        first.restart();
        second.restart();
        first.awaitReady();
        second.awaitReady();
        Map<String, String> afterFirst = await("every playlist is back").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500)).until(() -> playlists(first), p -> p.size() == before.size());
        System.out.printf("ClusterFaultsIT whole-cluster restart: %d playlists back %d ms after the start began%n",
                before.size(), (System.nanoTime() - stoppedAt) / 1_000_000);
        assertThat(afterFirst).isEqualTo(before);
        assertThat(playlists(second)).isEqualTo(before);
    }

    /** Every acknowledged stream's media playlist, as the instance serves it now. */
    private Map<String, String> playlists(AppProcess instance) {
        Map<String, String> served = new LinkedHashMap<>();
        for (String stream : acknowledged.keySet()) {
            String body = ServedPlaylists.body(instance, stream);
            if (body != null) {
                served.put(stream, body);
            }
        }
        return served;
    }

    private static int partitionOf(String key) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % PARTITIONS;
    }
}
