package org.hlspipeline.queryapi.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.hlspipeline.queryapi.channel.ChannelKafka;
import org.hlspipeline.queryapi.channel.ReferencePlayout;
import org.hlspipeline.queryapi.testing.HttpPlaylists;
import org.hlspipeline.queryapi.testing.AppProcess;
import org.hlspipeline.queryapi.testing.KafkaCluster;
import org.hlspipeline.schemas.channel.AiredSegment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Two instances ({@code java -jar}, one standby replica each) on a three-broker cluster serve live streams under
 * a steady load, and one of them is killed with SIGKILL, then started again as a supervisor would. Viewers poll
 * the survivor the whole time. What an operator is promised, in docs/operations.md ("An instance goes down"):
 * reads keep being answered, no viewer sees a media sequence go back or change meaning, and after recovery
 * every acknowledged segment is in its playlist, once, in order. Meanwhile a scheduler programmes channels, a
 * command arriving while the owner of half of them is dead, and every channel airs what it would have aired
 * without the kill.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InstanceKillIT {

    private static final int STREAMS = 200;
    private static final int CHANNELS = 20;
    private static final Duration ROUND = Duration.ofSeconds(2);

    private KafkaCluster cluster;
    private AppProcess first;
    private AppProcess second;

    @BeforeAll
    void start() throws IOException {
        Path dir = FaultRuns.directory(InstanceKillIT.class);
        cluster = KafkaCluster.start(dir.resolve("kafka"));
        first = AppProcess.start("app-1", dir.resolve("app-1"), cluster.bootstrapServers(), Map.of());
        second = AppProcess.start("app-2", dir.resolve("app-2"), cluster.bootstrapServers(), Map.of());
        first.awaitReady();
        second.awaitReady();
    }

    @AfterAll
    void stop() {
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void theSurvivorKeepsServingAndNothingAcknowledgedIsLostOrRepeated() throws Exception {
        try (SegmentLoad load = new SegmentLoad(cluster.bootstrapServers(), "hls.stream-events", "live", STREAMS,
                ROUND); ChannelProgramme programme = new ChannelProgramme(cluster.bootstrapServers(), CHANNELS)) {
            PlaylistPoller viewers;
            await("every stream is served").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .until(() -> load.streams().stream().filter(s -> status(second, s) != 200)
                            .map(s -> s + ": " + status(second, s)).limit(5).toList(), List::isEmpty);
            viewers = new PlaylistPoller(second.baseUrl(), load.streams());
            long onAir = programme.start();
            awaitRounds(load, 3);

            long killedAt = System.nanoTime();
            long killedAtMillis = System.currentTimeMillis();
            first.kill();
            programme.promoBreak(); // published while the owner of half the channels is dead
            awaitRounds(load, 5);
            first.restart();
            first.awaitReady();
            long readyMillis = (System.nanoTime() - killedAt) / 1_000_000;
            awaitRounds(load, 5);
            load.stop();
            viewers.close();
            long horizon = System.currentTimeMillis() / 1000 * 1000;

            Map<String, Long> acknowledged = load.lastAcknowledged();
            assertThat(load.failed()).as("sends Kafka did not acknowledge").isZero();
            assertThat(acknowledged).hasSize(STREAMS);
            for (AppProcess instance : List.of(first, second)) {
                ServedPlaylists.awaitEveryAcknowledgedSegment(instance, acknowledged);
            }
            System.out.printf("InstanceKillIT: %d streams, %d segment events acknowledged; survivor polls %d, failed "
                            + "%d, longest gap between good answers %d ms; killed instance ready again %d ms after "
                            + "the kill%n", STREAMS, load.acknowledged(), viewers.polls(), viewers.failures(),
                    viewers.longestGapMillis(), readyMillis);
            assertThat(viewers.breaches()).as("what viewers of the survivor saw go wrong").isEmpty();
            assertChannelsAiredAsWithoutTheKill(programme, onAir, killedAtMillis, horizon);
        }
    }

    /**
     * Each channel's as-run, read back from the cluster, equals that of the same commands aired with no fault
     * ({@link ReferencePlayout}) record for record up to the horizon, so its playlists at any time are the same
     * bytes; checked at a few times around the kill.
     */
    private void assertChannelsAiredAsWithoutTheKill(ChannelProgramme programme, long onAir, long killedAt,
                                                     long horizon) {
        Map<String, List<AiredSegment>> reference = ReferencePlayout.asRun(programme.log(), horizon + 2_000);
        long[] times = {killedAt - 1_000, killedAt + 5_000, killedAt + 15_000, horizon - 1};
        int aired = 0;
        try (ChannelKafka.AsRun asRun = new ChannelKafka.AsRun(cluster.bootstrapServers(), ChannelProgramme.AS_RUN)) {
            for (String channel : programme.channels()) {
                List<AiredSegment> run = asRun.awaitUntil(channel, horizon, Duration.ofSeconds(60));
                List<AiredSegment> expected = reference.getOrDefault(channel, List.of()).stream()
                        .filter(s -> ChannelKafka.airMillis(s) < horizon).toList();
                assertThat(run).as(channel + ", as aired around the kill and without it").isEqualTo(expected);
                assertThat(run).as(channel).anyMatch(s -> "promo".equals(s.getItemId().toString()));
                assertThat(ChannelKafka.airMillis(run.get(0))).as(channel + " on air").isEqualTo(onAir);
                for (long at : times) {
                    for (String rendition : ChannelKafka.LADDER) {
                        assertThat(ChannelKafka.playlistAt(run, at, rendition))
                                .as(channel + " " + rendition + " at " + at)
                                .isEqualTo(ChannelKafka.playlistAt(expected, at, rendition)).isNotEmpty();
                    }
                }
                aired += run.size();
            }
        }
        System.out.printf("InstanceKillIT: %d channels, %d segments aired up to the horizon, equal to a run "
                + "without the kill%n", programme.channels().size(), aired);
    }

    private static void awaitRounds(SegmentLoad load, int rounds) {
        long target = load.acknowledged() + (long) rounds * STREAMS;
        await(rounds + " more rounds acknowledged").atMost(ROUND.multipliedBy(rounds * 4L))
                .pollInterval(Duration.ofMillis(100)).until(() -> load.acknowledged() >= target);
    }

    private static int status(AppProcess instance, String stream) {
        return instance.status(HttpPlaylists.mediaPath(stream, SegmentLoad.RENDITION));
    }
}
