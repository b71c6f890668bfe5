package org.hlspipeline.tools.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.hlspipeline.schemas.stream.EndOfStream;
import org.hlspipeline.schemas.stream.RenditionInfo;
import org.hlspipeline.schemas.stream.Segment;
import org.hlspipeline.tools.cli.ExitCodes;
import org.hlspipeline.tools.publish.PublishException;
import org.junit.jupiter.api.Test;

class LoadRunTest {

    private final FakeClock clock = new FakeClock();
    private final FakeSender sender = new FakeSender(clock);

    private static LoadPlan plan(int streams, int renditions, LoadPlan.Stop stop, LoadPlan.Pace pace, boolean end) {
        return new LoadPlan(streams, renditions, 2_000_000, stop, pace, "load", 10, "", end);
    }

    private LoadResult run(LoadPlan plan, long maxErrors) {
        return new LoadRun(plan, maxErrors, sender, clock, LoadProgress.NONE).run();
    }

    private static PublishException unavailable() {
        return new PublishException(PublishException.Failure.UNAVAILABLE, "Kafka at test did not take the record");
    }

    @Test
    void renditionInfosGoFirstThenEverySegmentAtItsDueTime() {
        long start = clock.nanoTime();
        LoadResult result = run(plan(2, 2, new LoadPlan.Stop.AfterEvents(10), new LoadPlan.Pace.RealTime(), false),
                0);

        List<Object> payloads = sender.payloads();
        assertThat(payloads).hasSize(14);
        assertThat(payloads.subList(0, 4)).allMatch(RenditionInfo.class::isInstance);
        assertThat(payloads.subList(4, 14)).allMatch(Segment.class::isInstance);
        assertThat(sender.sent.subList(0, 4)).extracting(FakeSender.Sent::key)
                .containsExactly("load-0001", "load-0001", "load-0002", "load-0002");
        // 4 renditions every 2 s: one event every 0.5 s, at exactly its due time on this clock.
        for (int j = 0; j < 10; j++) {
            assertThat(sender.sent.get(4 + j).atNanos()).isEqualTo(start + j * 500_000_000L);
        }
        Segment sixth = (Segment) payloads.get(4 + 5);
        assertThat(sixth.getRendition()).isEqualTo("720p");
        assertThat(sixth.getSequence()).isEqualTo(11);
        assertThat(sixth.getUri()).isEqualTo("load-0001/720p/11.ts");
        assertThat(sixth.getDurationMicros()).isEqualTo(2_000_000);

        assertThat(result.ending()).isEqualTo(LoadResult.Ending.COMPLETED);
        assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(result.segments()).isEqualTo(10);
        assertThat(result.infos()).isEqualTo(4);
        assertThat(result.failed()).isZero();
        assertThat(result.bytes()).isEqualTo(14 * 100);
        assertThat(result.nextSequence()).isEqualTo(13);
        assertThat(result.behindNanos()).isZero();
    }

    @Test
    void aTimedRunSendsExactlyTheEventsDueBeforeItsEnd() {
        LoadPlan plan = plan(3, 2, new LoadPlan.Stop.AfterTime(Duration.ofSeconds(10)), new LoadPlan.Pace.RealTime(),
                false);

        LoadResult result = run(plan, 0);

        // 6 renditions x 5 segments of 2 s.
        assertThat(result.segments()).isEqualTo(30).isEqualTo(plan.plannedSegments().orElseThrow());
        assertThat(result.nextSequence()).isEqualTo(15);
        assertThat(clock.sleptNanos()).isEqualTo(plan.dueNanos(29));
    }

    @Test
    void anUnthrottledRunNeverWaits() {
        LoadResult result = run(plan(5, 4, new LoadPlan.Stop.AfterEvents(1000), new LoadPlan.Pace.Unthrottled(), false),
                0);

        assertThat(result.segments()).isEqualTo(1000);
        assertThat(clock.sleptNanos()).isZero();
    }

    @Test
    void aRunThatFallsBehindSaysHowFar() {
        // Each acknowledgement takes 1 s of the fake clock, while events are due every 0.5 s.
        sender.acknowledgingAfter(1_000_000_000L);

        LoadResult result = run(plan(1, 2, new LoadPlan.Stop.AfterEvents(5), new LoadPlan.Pace.Fixed(2), false), 0);

        assertThat(result.segments()).isEqualTo(5);
        assertThat(result.behindNanos()).isGreaterThanOrEqualTo(3_000_000_000L);
        assertThat(result.ackP50Micros()).isBetween(970_000L, 1_030_000L);
        assertThat(LoadSummary.format(result)).contains("behind").contains("did not keep up");
    }

    @Test
    void theFirstFailureStopsTheRunAndDecidesTheExitCode() {
        sender.answering(index -> index == 6 ? unavailable() : null);

        LoadResult result = run(plan(1, 2, new LoadPlan.Stop.AfterEvents(100), new LoadPlan.Pace.Unthrottled(), false),
                0);

        assertThat(result.ending()).isEqualTo(LoadResult.Ending.FAILURES);
        assertThat(result.exitCode()).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(result.failed()).isEqualTo(1);
        assertThat(result.segments()).isEqualTo(4);
        assertThat(sender.sent).hasSize(7);
        assertThat(result.firstFailure().getMessage()).isEqualTo("Kafka at test did not take the record");
    }

    @Test
    void maxErrorsToleratesFailuresButTheExitCodeStillReportsThem() {
        sender.answering(index -> index == 5 || index == 9 ? unavailable() : null);

        LoadResult result = run(plan(1, 2, new LoadPlan.Stop.AfterEvents(20), new LoadPlan.Pace.Unthrottled(), false),
                5);

        assertThat(result.ending()).isEqualTo(LoadResult.Ending.COMPLETED);
        assertThat(result.segments()).isEqualTo(18);
        assertThat(result.failed()).isEqualTo(2);
        assertThat(result.exitCode()).isEqualTo(ExitCodes.UNAVAILABLE);
    }

    @Test
    void aRefusalStopsTheRunWhateverMaxErrorsSays() {
        sender.answering(index -> index == 3 ? new PublishException(PublishException.Failure.REFUSED,
                "not authorized to write to hls.stream-events") : null);

        LoadResult result = run(plan(1, 2, new LoadPlan.Stop.AfterEvents(20), new LoadPlan.Pace.Unthrottled(), false),
                1000);

        assertThat(result.ending()).isEqualTo(LoadResult.Ending.FAILURES);
        assertThat(result.exitCode()).isEqualTo(ExitCodes.REFUSED);
        assertThat(sender.sent).hasSize(4);
    }

    @Test
    void aClusterThatNeverAnsweredStopsTheRunAtItsFirstFailure() {
        sender.answering(index -> unavailable());

        LoadResult result = run(plan(2, 2, new LoadPlan.Stop.AfterEvents(20), new LoadPlan.Pace.Unthrottled(), false),
                1000);

        assertThat(result.exitCode()).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(sender.sent).hasSize(1);
        assertThat(result.infos()).isZero();
    }

    @Test
    void theReportWaitsForEveryAcknowledgementStillOnItsWay() throws Exception {
        sender.deferred();
        LoadRun run = new LoadRun(plan(2, 2, new LoadPlan.Stop.AfterEvents(8), new LoadPlan.Pace.Unthrottled(), false),
                0, sender, clock, LoadProgress.NONE);

        CompletableFuture<LoadResult> result = CompletableFuture.supplyAsync(run::run);
        // Every record is handed over without waiting for acknowledgements; then the run waits for them.
        sender.awaitPending(12);
        assertThat(result).isNotDone();
        sender.answerPending();

        LoadResult done = result.get(10, TimeUnit.SECONDS);
        assertThat(done.segments()).isEqualTo(8);
        assertThat(done.infos()).isEqualTo(4);
    }

    @Test
    void stopEndsARunAsInterruptedWithWhatWasSent() throws Exception {
        sender.deferred();
        LoadRun run = new LoadRun(plan(1, 1, new LoadPlan.Stop.AfterEvents(1_000_000),
                new LoadPlan.Pace.Unthrottled(), false), 0, sender, clock, LoadProgress.NONE);
        CompletableFuture<LoadResult> result = CompletableFuture.supplyAsync(run::run);
        // The in-flight limit holds the sending thread once enough records await their answer.
        sender.awaitPending(LoadRun.MAX_IN_FLIGHT);

        run.stop();
        // Answering frees the sending thread, which may hand over the one record it was waiting to send.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!result.isDone() && System.nanoTime() < deadline) {
            sender.answerPending();
            Thread.yield();
        }
        LoadResult done = result.get(10, TimeUnit.SECONDS);

        assertThat(done.ending()).isEqualTo(LoadResult.Ending.INTERRUPTED);
        assertThat(done.exitCode()).isEqualTo(ExitCodes.INTERRUPTED);
        assertThat(done.segments() + done.infos()).isEqualTo(sender.sent.size());
        assertThat(sender.sent.size()).isLessThanOrEqualTo(LoadRun.MAX_IN_FLIGHT + 1);
    }

    @Test
    void endStreamsEndsEveryStreamAfterItsSegments() {
        LoadResult result = run(plan(3, 1, new LoadPlan.Stop.AfterEvents(6), new LoadPlan.Pace.Unthrottled(), true),
                0);

        List<Object> payloads = sender.payloads();
        assertThat(payloads.subList(9, 12)).allMatch(EndOfStream.class::isInstance);
        assertThat(sender.sent.subList(9, 12)).extracting(FakeSender.Sent::key)
                .containsExactly("load-0001", "load-0002", "load-0003");
        assertThat(result.ends()).isEqualTo(3);
    }

    @Test
    void progressLinesComeEveryFiveSecondsOfTheRun() {
        StringWriter err = new StringWriter();
        LoadPlan plan = plan(1, 1, new LoadPlan.Stop.AfterTime(Duration.ofSeconds(23)), new LoadPlan.Pace.RealTime(),
                false);

        new LoadRun(plan, 0, sender, clock, new ProgressLines(new PrintWriter(err))).run();

        List<String> lines = err.toString().lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).startsWith("load: 3/12 segment events acknowledged (21%), ");
        assertThat(lines.get(3)).contains("0:20 elapsed");
    }
}
