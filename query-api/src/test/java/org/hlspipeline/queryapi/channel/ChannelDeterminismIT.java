package org.hlspipeline.queryapi.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hlspipeline.queryapi.channel.ChannelKafka.airMillis;
import static org.hlspipeline.queryapi.channel.ChannelKafka.alert;
import static org.hlspipeline.queryapi.channel.ChannelKafka.command;
import static org.hlspipeline.queryapi.channel.ChannelKafka.configure;
import static org.hlspipeline.queryapi.channel.ChannelKafka.hasChannelState;
import static org.hlspipeline.queryapi.channel.ChannelKafka.list;
import static org.hlspipeline.queryapi.channel.ChannelKafka.playlistAt;
import static org.hlspipeline.queryapi.channel.ChannelKafka.segmentIndex;
import static org.hlspipeline.queryapi.channel.ChannelKafka.vod;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.SoftAssertions;
import org.awaitility.Awaitility;
import org.hlspipeline.schemas.channel.AfterAlert;
import org.hlspipeline.schemas.channel.AiredSegment;
import org.hlspipeline.schemas.channel.Broadcast;
import org.hlspipeline.schemas.channel.CancelAlert;
import org.hlspipeline.schemas.channel.ChannelCommand;
import org.hlspipeline.schemas.channel.Enqueue;
import org.hlspipeline.schemas.channel.Interrupt;
import org.hlspipeline.schemas.channel.ItemKind;
import org.hlspipeline.schemas.channel.Position;
import org.hlspipeline.schemas.channel.ResumePolicy;
import org.hlspipeline.schemas.channel.Skip;
import org.hlspipeline.queryapi.testing.PipelineInstance;
import org.hlspipeline.queryapi.testing.TestPipeline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Determinism (see docs/operations.md, Channels): for VOD programming the aired timeline is a pure function of the
 * command log (effective times) and the wall clock. One command log, aired three ways, gives the same as-run record
 * for record:
 * <ol>
 *   <li><b>live</b>: one instance airs it as the commands arrive;</li>
 *   <li><b>restarted</b>: a second pipeline gets the same log (same records, same record timestamps) at the same
 *       time, and its instance is closed half-way through and restarted on the same data directory; a command is
 *       published while it is down;</li>
 *   <li><b>rebuilt</b>: after the live run, a fresh application (new application id, empty data directory) replays
 *       the live run's command and broadcast topics into another as-run topic.</li>
 * </ol>
 * The as-run records (media sequence, air time, duration, item, kind, title, every rendition's URI, discontinuity)
 * are compared up to a horizon. They are all a channel playlist is made of (no AD items here, so no ad markers),
 * so equal as-runs mean byte-identical playlists at every T; the test also renders the window at several T with
 * the production renderer ({@link ChannelKafka#playlistAt}) and compares the bytes.
 *
 * <p>Every command takes effect ≥ 2 s after it is published, beyond the 1 s command lead, so the live run applies
 * it at the same boundary as a replay does. Segments are 1 s, so the run lasts the horizon, ~16 s, plus startups.
 */
class ChannelDeterminismIT {

    private static final String CHANNEL = "det-channel";
    private static final long HORIZON_SECONDS = 16;
    private static final Duration WAIT = Duration.ofSeconds(90);

    @Test
    void liveRestartedAndRebuiltRunsAirTheSameTimeline(@TempDir Path liveDir, @TempDir Path restartDir,
                                                        @TempDir Path rebuildDir) {
        TestPipeline live = TestPipeline.unique("det-live");
        TestPipeline restarted = TestPipeline.unique("det-restart");
        List<AiredSegment> liveRun;
        List<AiredSegment> restartedRun;
        List<AiredSegment> rebuiltRun;
        long base;
        long horizon;
        long closedAt;
        try (ChannelKafka.Publisher publisher = new ChannelKafka.Publisher()) {
            Log log = new Log(publisher, live, restarted);
            PipelineInstance liveInstance = PipelineInstance.start(live, liveDir, Map.of());
            PipelineInstance restartedInstance = PipelineInstance.start(restarted, restartDir, Map.of());
            try (ChannelKafka.AsRun liveAsRun = new ChannelKafka.AsRun(live.asRun());
                 ChannelKafka.AsRun restartedAsRun = new ChannelKafka.AsRun(restarted.asRun())) {
                long now = System.currentTimeMillis();
                base = (now / 1000 + 4) * 1000;
                horizon = base + HORIZON_SECONDS * 1000;
                // The log, all of it ≥ 2 s ahead of its record timestamp.
                log.command(command(CHANNEL, "configure", at(base),
                        configure(vod("filler", ItemKind.FILLER, 4))), now);
                log.command(command(CHANNEL, "enqueue-episodes", at(base + 500), new Enqueue(list(
                        vod("ep1", ItemKind.PROGRAM, 6), vod("ep2", ItemKind.PROGRAM, 5),
                        vod("ep3", ItemKind.PROGRAM, 10)), Position.END)), now);
                log.command(command(CHANNEL, "promo-break", at(base + 2_500), new Interrupt(
                        list(vod("promo", ItemKind.PROMO, 2)), 10, ResumePolicy.RESUME)), now);
                log.broadcast(alert("det-alert", List.of(CHANNEL), at(base + 7_500), Duration.ofSeconds(2),
                        AfterAlert.JOIN_IN_PROGRESS, vod("eas-det", ItemKind.ALERT, 1)), now);

                // While both run: a skip, published as the channel airs.
                liveAsRun.awaitThat(CHANNEL, "live run at base + 4 s", WAIT,
                        segments -> segments.stream().anyMatch(s -> airMillis(s) >= base + 4_000));
                long skipPublished = System.currentTimeMillis();
                assertThat(base + 11_500 - skipPublished).as("the skip is published ≥ 2 s before it takes effect")
                        .isGreaterThanOrEqualTo(2_000);
                log.command(command(CHANNEL, "skip-ep2", at(base + 11_500), new Skip()), skipPublished);

                // Half-way, with the alert on air, the restarted run's instance goes down ...
                restartedAsRun.awaitThat(CHANNEL, "restarted run at base + 8 s (alert on air)", WAIT,
                        segments -> segments.stream().anyMatch(s -> airMillis(s) >= base + 8_000));
                restartedInstance.close();
                closedAt = System.currentTimeMillis();
                // ... a command arrives while it is down ...
                log.command(command(CHANNEL, "bumper-break", at(closedAt + 2_000), new Interrupt(
                        list(vod("bumper", ItemKind.BUMPER, 2)), 20, ResumePolicy.RESUME)), closedAt);
                // ... and it comes back on the same data directory.
                restartedInstance = PipelineInstance.start(restarted, restartDir, Map.of());

                liveRun = liveAsRun.awaitUntil(CHANNEL, horizon, WAIT);
                liveInstance.close();
                restartedRun = restartedAsRun.awaitUntil(CHANNEL, horizon, WAIT);
            } finally {
                liveInstance.close();
                restartedInstance.close();
            }
        }
        assertThat(closedAt).as("the restarted run's instance went down before the horizon").isLessThan(horizon);

        TestPipeline rebuild = live.withApplicationId(live.applicationId() + "-rebuild");
        String rebuildAsRunTopic = live.asRun() + ".rebuild";
        try (PipelineInstance rebuilt = PipelineInstance.start(rebuild, rebuildDir,
                Map.of("hls.topics.as-run", rebuildAsRunTopic));
             ChannelKafka.AsRun rebuiltAsRun = new ChannelKafka.AsRun(rebuildAsRunTopic)) {
            rebuiltRun = rebuiltAsRun.awaitUntil(CHANNEL, horizon, WAIT);
        }

        assertTheLogAired(liveRun, base);
        if (closedAt + 4_000 < horizon) {
            assertThat(liveRun.stream().map(AiredSegment::getItemId)).as("the bumper published during the restart")
                    .contains("bumper");
        }
        assertEverySegmentOnce(restartedRun, "restarted run");
        assertThat(restartedRun).as("restarted run vs live run").containsExactlyElementsOf(liveRun);
        assertThat(rebuiltRun).as("rebuilt run vs live run").containsExactlyElementsOf(liveRun);
        for (long t = base + 500; t < horizon; t += 2_500) {
            for (String rendition : ChannelKafka.LADDER) {
                String expected = playlistAt(liveRun, t, rendition);
                assertThat(expected).contains("#EXTM3U");
                assertThat(playlistAt(restartedRun, t, rendition))
                        .as("restarted playlist at " + Instant.ofEpochMilli(t)).isEqualTo(expected);
                assertThat(playlistAt(rebuiltRun, t, rendition)).as("rebuilt playlist at " + Instant.ofEpochMilli(t))
                        .isEqualTo(expected);
            }
        }
    }

    /**
     * Alerts are part of the log too: a rebuild must air them as they aired live. Two cases the live run and a
     * replay see in a different order, because a replay finds the global broadcasts store already complete:
     * <ul>
     *   <li>an alert cancelled while on air (the broadcasts store keeps only the latest record of an alert id);</li>
     *   <li>an alert published after a channel's configure was taken in but before the channel goes on air, that
     *       starts when the channel does.</li>
     * </ul>
     */
    @Test
    void alertsAirInARebuildAsTheyAiredLive(@TempDir Path liveDir, @TempDir Path rebuildDir) {
        TestPipeline live = TestPipeline.unique("det-alerts");
        String cancelled = "cancel-channel";
        String pending = "pending-channel";
        List<AiredSegment> liveCancelled;
        List<AiredSegment> livePending;
        long horizon;
        try (ChannelKafka.Publisher publisher = new ChannelKafka.Publisher();
             PipelineInstance instance = PipelineInstance.start(live, liveDir, Map.of());
             ChannelKafka.AsRun asRun = new ChannelKafka.AsRun(live.asRun())) {
            Log log = new Log(publisher, live);
            long now = System.currentTimeMillis();
            long base = (now / 1000 + 4) * 1000;
            long pendingOnAir = base + 2_000;
            horizon = base + 12_000;
            log.command(command(cancelled, "configure", at(base), configure(null)), now);
            log.command(command(cancelled, "enqueue", at(base), new Enqueue(
                    list(vod("show-c", ItemKind.PROGRAM, 100)), Position.END)), now);
            log.broadcast(alert("alert-cancelled", List.of(cancelled), at(base + 3_000), Duration.ofSeconds(20),
                    AfterAlert.RESUME, vod("eas-c", ItemKind.ALERT, 1)), now);
            log.command(command(pending, "configure", at(pendingOnAir), configure(null)), now);
            log.command(command(pending, "enqueue", at(pendingOnAir), new Enqueue(
                    list(vod("show-p", ItemKind.PROGRAM, 100)), Position.END)), now);

            Awaitility.await("pending channel taken in").atMost(WAIT).pollInterval(Duration.ofMillis(100))
                    .until(() -> hasChannelState(instance, pending));
            long alertPublished = System.currentTimeMillis();
            assertThat(pendingOnAir - alertPublished).as("alert published ≥ 1 s before it starts")
                    .isGreaterThanOrEqualTo(1_000);
            log.broadcast(alert("alert-at-start", List.of(pending), at(pendingOnAir), Duration.ofSeconds(3),
                    AfterAlert.RESUME, vod("eas-p", ItemKind.ALERT, 1)), alertPublished);

            asRun.awaitThat(cancelled, "cancelled alert on air for 2 segments", WAIT,
                    segments -> segments.stream().filter(s -> s.getItemId().equals("eas-c")).count() >= 2);
            long cancelPublished = System.currentTimeMillis();
            log.broadcast(new Broadcast("alert-cancelled", new CancelAlert()), cancelPublished);

            liveCancelled = asRun.awaitUntil(cancelled, horizon, WAIT);
            livePending = asRun.awaitUntil(pending, horizon, WAIT);
        }
        // What aired live, as docs/operations.md (Channels) says it should.
        assertThat(liveCancelled.stream().filter(s -> s.getItemId().equals("eas-c")).count())
                .as("live: the cancelled alert aired until its cancellation").isBetween(2L, 10L);
        assertThat(livePending.get(0).getItemId()).as("live: the alert airs from the channel's first boundary")
                .isEqualTo("eas-p");

        TestPipeline rebuild = live.withApplicationId(live.applicationId() + "-rebuild");
        String rebuildAsRunTopic = live.asRun() + ".rebuild";
        List<AiredSegment> rebuiltCancelled;
        List<AiredSegment> rebuiltPending;
        try (PipelineInstance rebuilt = PipelineInstance.start(rebuild, rebuildDir,
                Map.of("hls.topics.as-run", rebuildAsRunTopic));
             ChannelKafka.AsRun asRun = new ChannelKafka.AsRun(rebuildAsRunTopic)) {
            rebuiltCancelled = asRun.awaitUntil(cancelled, horizon, WAIT);
            rebuiltPending = asRun.awaitUntil(pending, horizon, WAIT);
        }
        SoftAssertions softly = new SoftAssertions();
        compare(softly, "alert cancelled while on air", rebuiltCancelled, liveCancelled);
        compare(softly, "alert starting as the channel goes on air", rebuiltPending, livePending);
        softly.assertAll();
    }

    /** Readable first (item, index, air time), then record for record. */
    private static void compare(SoftAssertions softly, String what, List<AiredSegment> rebuilt,
                                List<AiredSegment> live) {
        if (!summary(rebuilt).equals(summary(live))) {
            softly.assertThat(summary(rebuilt)).as("rebuilt vs live: " + what).isEqualTo(summary(live));
        } else {
            softly.assertThat(rebuilt).as("rebuilt vs live as-run: " + what).containsExactlyElementsOf(live);
        }
    }

    /** The shape of the live run up to the first moment that depends on when the test ran (the bumper). */
    private static void assertTheLogAired(List<AiredSegment> run, long base) {
        assertEverySegmentOnce(run, "live run");
        List<String> expected = List.of(
                "filler#0",                       // base: the queue is empty until the enqueue's boundary
                "ep1#0", "ep1#1",                 // the episodes
                "promo#0", "promo#1",             // the interrupt cuts ep1 at base + 3 s ...
                "ep1#2", "ep1#3", "ep1#4",        // ... and ep1 resumes at its next unaired segment
                "eas-det#0", "eas-det#0",         // the alert from base + 8 s to base + 10 s ...
                "ep2#1", "ep2#2");                // ... joins in progress: ep1#5 and ep2#0 went by under it
        assertThat(run.subList(0, expected.size()).stream().map(s -> s.getItemId() + "#" + segmentIndex(s)))
                .containsExactlyElementsOf(expected);
        for (int i = 0; i < run.size(); i++) {
            assertThat(airMillis(run.get(i))).as("air time of segment " + i).isEqualTo(base + i * 1_000L);
        }
        assertThat(run.stream().map(AiredSegment::getItemId)).as("the skip took effect").contains("ep3");
    }

    private static void assertEverySegmentOnce(List<AiredSegment> run, String what) {
        for (int i = 0; i < run.size(); i++) {
            assertThat(run.get(i).getMediaSequence()).as(what + ": media sequence at position " + i).isEqualTo(i);
        }
    }

    /** {@code item#index @airTime} per aired segment, for readable failures. */
    private static List<String> summary(List<AiredSegment> run) {
        List<String> summary = new ArrayList<>();
        for (AiredSegment s : run) {
            summary.add(s.getItemId() + "#" + segmentIndex(s) + " @" + s.getAirTime());
        }
        return summary;
    }

    private static Instant at(long millis) {
        return Instant.ofEpochMilli(millis);
    }

    /** Publishes every record of the log to each pipeline, with the same record timestamp. */
    private record Log(ChannelKafka.Publisher publisher, TestPipeline... pipelines) {

        void command(ChannelCommand command, long timestamp) {
            for (TestPipeline pipeline : pipelines) {
                publisher.command(pipeline.channelCommands(), command, timestamp);
            }
        }

        void broadcast(Broadcast broadcast, long timestamp) {
            for (TestPipeline pipeline : pipelines) {
                publisher.broadcast(pipeline.broadcasts(), broadcast, timestamp);
            }
        }
    }
}
