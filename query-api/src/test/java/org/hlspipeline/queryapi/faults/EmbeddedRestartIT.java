package org.hlspipeline.queryapi.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.hlspipeline.queryapi.testing.AppProcess;
import org.hlspipeline.queryapi.testing.FreePorts;
import org.hlspipeline.queryapi.testing.HttpPlaylists;
import org.junit.jupiter.api.Test;

/**
 * The embedded default ({@code java -jar query-api.jar}, its own broker) killed with SIGKILL under load and
 * started again at once, as a supervisor does. The restarted process rejoins its consumer group as the member it
 * was (docs/operations.md, "Recovery after a crash"), so it serves again long before the dead member's session
 * would have timed out; the test sets that timeout to two minutes so that waiting it out cannot pass.
 */
class EmbeddedRestartIT {

    private static final Duration SESSION_TIMEOUT = Duration.ofMinutes(2);
    private static final String BROKER_UP = "Embedded Kafka broker (KRaft";

    @Test
    void aKilledInstanceServesAgainWithoutWaitingOutItsOldSession() throws Exception {
        Path dir = FaultRuns.directory(EmbeddedRestartIT.class);
        int kafkaPort = FreePorts.pick();
        try (AppProcess app = AppProcess.start("embedded", dir, "", Map.of("HLS_KAFKA_PORT",
                String.valueOf(kafkaPort), "HLS_STANDBY_REPLICAS", "0"),
                List.of("--spring.kafka.streams.properties[session.timeout.ms]=" + SESSION_TIMEOUT.toMillis()))) {
            app.awaitReady();
            try (SegmentLoad load = new SegmentLoad("127.0.0.1:" + kafkaPort, "hls.stream-events", "restart", 20,
                    Duration.ofSeconds(1))) {
                String probe = HttpPlaylists.mediaPath(load.streams().get(0), SegmentLoad.RENDITION);
                await("served before the kill").atMost(Duration.ofSeconds(30)).until(() -> app.status(probe) == 200);

                long killed = System.nanoTime();
                app.kill();
                app.restart();
                await("the restarted broker is up").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(50))
                        .until(() -> occurrences(app.jvm().log(), BROKER_UP) == 2);
                long brokerUp = System.nanoTime();
                await("served again").atMost(SESSION_TIMEOUT).pollInterval(Duration.ofMillis(50))
                        .until(() -> app.status(probe) == 200);
                long servedAgain = System.nanoTime();

                System.out.printf("EmbeddedRestartIT: after kill -9 and restart, the broker was up %d ms after the "
                                + "kill and the first 200 came %d ms after that (%d ms after the kill)%n",
                        millis(brokerUp - killed), millis(servedAgain - brokerUp), millis(servedAgain - killed));
                assertThat(Duration.ofNanos(servedAgain - killed)).isLessThan(SESSION_TIMEOUT);
                load.stop();
                assertThat(load.failed()).as("sends the restarted broker did not acknowledge").isZero();
            }
        }
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }

    private static long millis(long nanos) {
        return nanos / 1_000_000;
    }
}
