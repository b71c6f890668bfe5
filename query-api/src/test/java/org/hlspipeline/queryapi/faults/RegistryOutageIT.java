package org.hlspipeline.queryapi.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hlspipeline.processor.kafka.RegistryRetry;
import org.hlspipeline.queryapi.testing.AppProcess;
import org.hlspipeline.queryapi.testing.DeadLetterTopic;
import org.hlspipeline.queryapi.testing.FreePorts;
import org.hlspipeline.queryapi.testing.KafkaCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The schema registry goes away for 30 s while transcoders move to a new schema version, so the instance meets
 * schema ids it cannot look up. The registry is an instance of the app serving only its registry
 * ({@code HLS_KAFKA_STREAMS_ENABLED=false}), killed with SIGKILL and started again on the same port. What an
 * operator is promised, in docs/operations.md ("Schema registry outage"): the instance holds the records it cannot
 * read yet and asks again on a doubling schedule, not in a loop; it keeps answering reads from what it has; once
 * the registry answers it applies everything in order; and nothing goes to the dead-letter topic.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegistryOutageIT {

    private static final int STREAMS = 50;
    private static final Duration ROUND = Duration.ofSeconds(1);
    private static final Duration OUTAGE = Duration.ofSeconds(30);
    private static final Pattern ASKS_AGAIN = Pattern.compile("The schema registry does not answer .* task (\\S+) holds");

    private KafkaCluster cluster;
    private AppProcess registry;
    private AppProcess instance;
    private int registryPort;

    @BeforeAll
    void start() throws IOException {
        Path dir = FaultRuns.directory(RegistryOutageIT.class);
        cluster = KafkaCluster.start(dir.resolve("kafka"));
        registryPort = FreePorts.pick();
        registry = AppProcess.start("registry", dir.resolve("registry"), cluster.bootstrapServers(),
                Map.of("HLS_KAFKA_STREAMS_ENABLED", "false", "HLS_SCHEMA_REGISTRY_PORT", String.valueOf(registryPort)));
        EvolvedStreamEvents.awaitRegistry(registryUrl());
        instance = AppProcess.start("app", dir.resolve("app"), cluster.bootstrapServers(),
                Map.of("SCHEMA_REGISTRY_URL", registryUrl()));
        instance.awaitReady();
    }

    @AfterAll
    void stop() {
        for (AutoCloseable closeable : new AutoCloseable[] {instance, registry, cluster}) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception e) {
                // the next one still closes
            }
        }
    }

    @Test
    void recordsWaitForTheRegistryWhileReadsGoOnAndNoneIsDeadLettered() throws Exception {
        EvolvedStreamEvents events = new EvolvedStreamEvents(registryUrl());
        try (SegmentLoad load = new SegmentLoad(cluster.bootstrapServers(), "hls.stream-events", "reg", STREAMS,
                ROUND, events)) {
            await("every stream is served").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .until(() -> load.streams().stream().allMatch(s -> ServedPlaylists.body(instance, s) != null));
            PlaylistPoller viewers = new PlaylistPoller(instance.baseUrl(), load.streams());
            events.registerNewVersion();

            registry.kill();
            long downAt = System.nanoTime();
            events.useNewVersion();
            long acknowledgedAtOutage = load.acknowledged();
            await("the outage").pollDelay(OUTAGE).atMost(OUTAGE.plusSeconds(5)).until(() -> true);
            long acknowledgedInOutage = load.acknowledged() - acknowledgedAtOutage;
            int readyDuringOutage = instance.status("/actuator/health/readiness");
            registry.restart();
            EvolvedStreamEvents.awaitRegistry(registryUrl());
            long upAt = System.nanoTime();
            long caughtUpMillis = ServedPlaylists.millisUntilCaughtUp(instance, load, upAt);
            viewers.close();
            Map<String, Integer> attemptsByTask = attemptsByTask(instance.jvm().log());
            int deadLetters;
            try (DeadLetterTopic dlq = new DeadLetterTopic(cluster.bootstrapServers(), "hls.dlq")) {
                await("the dead-letter topic read").pollDelay(Duration.ofSeconds(2)).until(() -> true);
                deadLetters = dlq.records().size();
            }
            System.out.printf("RegistryOutageIT: registry down %d ms; %d segment events acknowledged in the outage "
                            + "under an id the instance had not looked up, %d in all, %d failed; reads %d, failed %d, "
                            + "longest gap %d ms; readiness during the outage %d; registry asked again %s times by "
                            + "task; every acknowledged segment served %d ms after the registry answered; dead "
                            + "letters %d%n", (upAt - downAt) / 1_000_000, acknowledgedInOutage, load.acknowledged(),
                    load.failed(), viewers.polls(), viewers.failures(), viewers.longestGapMillis(),
                    readyDuringOutage, attemptsByTask, caughtUpMillis, deadLetters);

            assertThat(load.failed()).as("sends Kafka did not acknowledge").isZero();
            assertThat(acknowledgedInOutage).isGreaterThan(STREAMS * 10L);
            assertThat(viewers.failures()).as("reads that failed during the outage").isZero();
            assertThat(viewers.breaches()).isEmpty();
            assertThat(readyDuringOutage).isEqualTo(200);
            assertThat(deadLetters).as("records dead-lettered").isZero();
            assertThat(attemptsByTask).as("tasks that held records").isNotEmpty();
            // Asked on arrival, then 1, 2, 4 and 8 s later, then every 10 s: a hot loop would ask thousands of times.
            long downMillis = (upAt - downAt) / 1_000_000;
            int mostAttempts = 5 + (int) (downMillis / RegistryRetry.MAX_DELAY_MILLIS) + 1;
            assertThat(attemptsByTask.values()).allSatisfy(n -> assertThat(n).isBetween(2, mostAttempts));
            assertThat(instance.jvm().log()).doesNotContain("Stream thread failed");
        }
    }

    private static Map<String, Integer> attemptsByTask(String log) {
        Map<String, Integer> attempts = new TreeMap<>();
        Matcher m = ASKS_AGAIN.matcher(log);
        while (m.find()) {
            attempts.merge(m.group(1), 1, Integer::sum);
        }
        return attempts;
    }

    private String registryUrl() {
        return "http://127.0.0.1:" + registryPort;
    }
}
