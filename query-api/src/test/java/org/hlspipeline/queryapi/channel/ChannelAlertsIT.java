package org.hlspipeline.queryapi.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hlspipeline.queryapi.channel.ChannelKafka.airMillis;
import static org.hlspipeline.queryapi.channel.ChannelKafka.alert;
import static org.hlspipeline.queryapi.channel.ChannelKafka.command;
import static org.hlspipeline.queryapi.channel.ChannelKafka.commandPartitionsByInstance;
import static org.hlspipeline.queryapi.channel.ChannelKafka.configure;
import static org.hlspipeline.queryapi.channel.ChannelKafka.list;
import static org.hlspipeline.queryapi.channel.ChannelKafka.partitionOf;
import static org.hlspipeline.queryapi.channel.ChannelKafka.segmentIndex;
import static org.hlspipeline.queryapi.channel.ChannelKafka.vod;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.kafka.streams.KafkaStreams;
import org.hlspipeline.queryapi.kafka.StreamsRuntime;
import org.hlspipeline.schemas.channel.AfterAlert;
import org.hlspipeline.schemas.channel.AiredSegment;
import org.hlspipeline.schemas.channel.Enqueue;
import org.hlspipeline.schemas.channel.ItemKind;
import org.hlspipeline.schemas.channel.Position;
import org.hlspipeline.queryapi.testing.PipelineInstance;
import org.hlspipeline.queryapi.testing.TestPipeline;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Emergency alerts (see docs/architecture.md, Channel playout) on two instances sharing one broker: an alert to
 * {@code "*"} reaches every channel, whichever instance owns it, exactly once, from its start for its duration, and
 * the channels then go back to their programming by the alert's policy. Everything is observed where an operator
 * would look: the as-run topic.
 *
 * <p>Three channels sit on three different partitions of the command topic, owned by both instances (at least one
 * each). Each airs one long VOD item (1 s segments, so a segment's index is its number in the URI). An alert has
 * one 1 s ALERT item and lasts 3 s; it starts ≥ 2 s after it is published, beyond the 1 s command lead, so it
 * starts at the first boundary at or after its {@code startAt} and ends at the first boundary at or after
 * {@code startAt + 3 s}: three alert segments.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ChannelAlertsIT {

    private static final int PARTITIONS = 6;
    private static final long ALERT_MILLIS = 3_000;
    private static final int ALERT_SEGMENTS = 3;
    private static final Duration WAIT = Duration.ofSeconds(45);

    private final TestPipeline pipeline = TestPipeline.unique("alerts");
    private PipelineInstance first;
    private PipelineInstance second;
    private ChannelKafka.Publisher publisher;
    private ChannelKafka.AsRun asRun;
    private final List<String> channels = new ArrayList<>();

    @BeforeAll
    void start(@TempDir Path firstDir, @TempDir Path secondDir) {
        Map<String, String> settings = Map.of("hls.partitions", String.valueOf(PARTITIONS));
        first = PipelineInstance.start(pipeline, firstDir, settings);
        second = PipelineInstance.start(pipeline, secondDir, settings);
        Map<String, Set<Integer>> owners = awaitBothOwnCommandPartitions();
        channels.addAll(channelsOnThreePartitionsOfBothInstances(owners));

        publisher = new ChannelKafka.Publisher();
        asRun = new ChannelKafka.AsRun(pipeline.asRun());
        long now = System.currentTimeMillis();
        Instant onAir = Instant.ofEpochMilli(now + 2_000);
        for (String channel : channels) {
            publisher.command(pipeline.channelCommands(),
                    command(channel, "configure", onAir, configure(null)), now);
            publisher.command(pipeline.channelCommands(), command(channel, "enqueue", onAir,
                    new Enqueue(list(vod(program(channel), ItemKind.PROGRAM, 600)), Position.END)), now);
        }
        for (String channel : channels) {
            asRun.awaitThat(channel, channel + " on air", WAIT, segments -> segments.size() >= 2);
        }
    }

    @AfterAll
    void stop() {
        if (asRun != null) {
            asRun.close();
        }
        if (publisher != null) {
            publisher.close();
        }
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
    }

    @Test
    @Order(1)
    void anAlertToAllAirsOnceOnEveryChannelOfBothInstancesAndTheProgramResumesWhereItWasCut() {
        long now = System.currentTimeMillis();
        long startAt = now + 3_000;
        publisher.broadcast(pipeline.broadcasts(), alert("alert-resume", List.of("*"), Instant.ofEpochMilli(startAt),
                Duration.ofMillis(ALERT_MILLIS), AfterAlert.RESUME, vod("eas-resume", ItemKind.ALERT, 1)), now);

        for (String channel : channels) {
            AlertRun run = awaitAlertAndReturn(channel, "eas-resume", startAt);
            // RESUME: the item goes on at its next unaired segment, right after the alert.
            assertThat(run.after().getItemId()).as(channel).isEqualTo(program(channel));
            assertThat(segmentIndex(run.after())).as(channel + ": the program resumes at its next unaired segment")
                    .isEqualTo(segmentIndex(run.before()) + 1);
        }
        assertBothInstancesStillOwnTheChannels();
    }

    @Test
    @Order(2)
    void anAlertThatJoinsInProgressReturnsToWhereTheProgramWouldBeHadTheAlertNotAired() {
        long now = System.currentTimeMillis();
        long startAt = now + 3_000;
        publisher.broadcast(pipeline.broadcasts(), alert("alert-join", List.of("*"), Instant.ofEpochMilli(startAt),
                Duration.ofMillis(ALERT_MILLIS), AfterAlert.JOIN_IN_PROGRESS, vod("eas-join", ItemKind.ALERT, 1)),
                now);

        for (String channel : channels) {
            AlertRun run = awaitAlertAndReturn(channel, "eas-join", startAt);
            assertThat(run.after().getItemId()).as(channel).isEqualTo(program(channel));
            // JOIN_IN_PROGRESS: the item's index advanced by the alert's aired duration (1 s per segment), so
            // the program keeps its place on the clock: air time minus index is what it was before the alert.
            long airedMicros = run.alert().stream().mapToLong(AiredSegment::getDurationMicros).sum();
            assertThat(segmentIndex(run.after())).as(channel + ": joins in progress")
                    .isEqualTo(segmentIndex(run.before()) + 1 + (int) (airedMicros / ChannelKafka.SECOND_MICROS));
            assertThat(airMillis(run.after()) - segmentIndex(run.after()) * 1000L)
                    .as(channel + ": the program's clock offset").isEqualTo(
                            airMillis(run.before()) - segmentIndex(run.before()) * 1000L);
        }
        // The first alert still aired exactly once: taking in a second one did not bring the first back.
        for (String channel : channels) {
            assertThat(asRun.of(channel).stream().filter(s -> s.getItemId().equals("eas-resume")))
                    .as(channel).hasSize(ALERT_SEGMENTS);
        }
        assertBothInstancesStillOwnTheChannels();
    }

    /** The program segment before the alert, the alert's segments, and the first segment after it. */
    private record AlertRun(AiredSegment before, List<AiredSegment> alert, AiredSegment after) {
    }

    /**
     * Waits until the channel has aired two segments past the alert's end, then checks what every alert must do
     * on every channel and returns the segments around it.
     */
    private AlertRun awaitAlertAndReturn(String channel, String alertItem, long startAt) {
        List<AiredSegment> segments = asRun.awaitThat(channel, channel + " past alert " + alertItem, WAIT,
                list -> list.stream().anyMatch(s -> airMillis(s) >= startAt + ALERT_MILLIS + 2_000));

        // Every aired segment once: no media sequence repeated or skipped, across both instances.
        for (int i = 0; i < segments.size(); i++) {
            assertThat(segments.get(i).getMediaSequence()).as(channel + " media sequence at position " + i)
                    .isEqualTo(segments.get(0).getMediaSequence() + i);
        }
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < segments.size(); i++) {
            if (segments.get(i).getItemId().equals(alertItem)) {
                positions.add(i);
            }
        }
        assertThat(positions).as(channel + " airs alert " + alertItem).isNotEmpty();
        int from = positions.get(0);
        int to = positions.get(positions.size() - 1);
        assertThat(to - from + 1).as(channel + ": one contiguous run of alert segments, not two")
                .isEqualTo(positions.size());
        List<AiredSegment> alert = segments.subList(from, to + 1);
        assertThat(alert).as(channel + ": the alert airs once, for its duration").hasSize(ALERT_SEGMENTS)
                .allMatch(s -> s.getKind() == ItemKind.ALERT);

        AiredSegment firstAlert = alert.get(0);
        AiredSegment lastAlert = alert.get(alert.size() - 1);
        assertThat(airMillis(firstAlert)).as(channel + ": first alert segment within one segment of startAt")
                .isGreaterThanOrEqualTo(startAt).isLessThan(startAt + 1_000);
        assertThat(firstAlert.getDiscontinuity()).as(channel + ": discontinuity into the alert").isTrue();
        long alertEnd = airMillis(lastAlert) + lastAlert.getDurationMicros() / 1000;
        assertThat(alertEnd).as(channel + ": the alert ends at the first boundary at or after startAt + duration")
                .isGreaterThanOrEqualTo(startAt + ALERT_MILLIS).isLessThan(startAt + ALERT_MILLIS + 1_000);

        assertThat(from).as(channel + ": programming aired before the alert").isPositive();
        AiredSegment before = segments.get(from - 1);
        AiredSegment after = segments.get(to + 1);
        assertThat(before.getItemId()).as(channel).isEqualTo(program(channel));
        assertThat(airMillis(after)).as(channel + ": programming right after the alert").isEqualTo(alertEnd);
        assertThat(after.getKind()).isEqualTo(ItemKind.PROGRAM);
        assertThat(after.getDiscontinuity()).as(channel + ": discontinuity out of the alert").isTrue();
        return new AlertRun(before, List.copyOf(alert), after);
    }

    private static String program(String channel) {
        return "program-" + channel;
    }

    /** Waits until both instances run and both own channel-command partitions, all of them between them. */
    private Map<String, Set<Integer>> awaitBothOwnCommandPartitions() {
        Map<String, Set<Integer>> owners = new LinkedHashMap<>();
        await("both instances own channel-command partitions").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200)).until(() -> {
                    if (first.bean(StreamsRuntime.class).state() != KafkaStreams.State.RUNNING
                            || second.bean(StreamsRuntime.class).state() != KafkaStreams.State.RUNNING) {
                        return false;
                    }
                    Map<String, Set<Integer>> now = commandPartitionsByInstance(first, pipeline.channelCommands());
                    Set<Integer> all = new TreeSet<>();
                    now.values().forEach(all::addAll);
                    if (now.size() != 2 || now.values().stream().anyMatch(Set::isEmpty) || all.size() != PARTITIONS) {
                        return false;
                    }
                    owners.clear();
                    owners.putAll(now);
                    return true;
                });
        return owners;
    }

    /** Three channel ids on three different partitions, at least one owned by each instance. */
    private static List<String> channelsOnThreePartitionsOfBothInstances(Map<String, Set<Integer>> owners) {
        List<Set<Integer>> byInstance = new ArrayList<>(owners.values());
        List<Integer> partitions = new ArrayList<>();
        partitions.add(byInstance.get(0).iterator().next());
        partitions.add(byInstance.get(1).iterator().next());
        for (int p = 0; partitions.size() < 3; p++) {
            if (!partitions.contains(p)) {
                partitions.add(p);
            }
        }
        List<String> ids = new ArrayList<>();
        for (int partition : partitions) {
            for (int i = 0; ; i++) {
                String id = "alerted-" + i;
                if (partitionOf(id, PARTITIONS) == partition) {
                    ids.add(id);
                    break;
                }
            }
        }
        return ids;
    }

    /** The channels are still spread over both instances: the alert was applied by each instance to its own. */
    private void assertBothInstancesStillOwnTheChannels() {
        Map<String, Set<Integer>> owners = commandPartitionsByInstance(first, pipeline.channelCommands());
        assertThat(owners).hasSize(2);
        for (Set<Integer> owned : owners.values()) {
            assertThat(channels.stream().filter(c -> owned.contains(partitionOf(c, PARTITIONS))))
                    .as("channels owned by one instance").isNotEmpty();
        }
    }
}
