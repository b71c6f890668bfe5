package org.hlspipeline.tools.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

class LoadPlanTest {

    static LoadPlan plan(int streams, int renditions, long segmentMicros, LoadPlan.Stop stop, LoadPlan.Pace pace) {
        return new LoadPlan(streams, renditions, segmentMicros, stop, pace, "load", 0, "", false);
    }

    private static LoadPlan realTime(int streams, int renditions, double segmentSeconds, Duration time) {
        return plan(streams, renditions, Math.round(segmentSeconds * 1e6), new LoadPlan.Stop.AfterTime(time),
                new LoadPlan.Pace.RealTime());
    }

    @Test
    void realTimeIsEveryRenditionOnceASegmentDuration() {
        LoadPlan plan = realTime(4, 3, 2.0, Duration.ofSeconds(60));

        assertThat(plan.renditionCount()).isEqualTo(12);
        assertThat(plan.realTimeRate()).isEqualTo(6.0);
        assertThat(plan.rate()).hasValue(6.0);
        // One event every 1/6 s, the first at once.
        assertThat(plan.dueNanos(0)).isZero();
        assertThat(plan.dueNanos(1)).isEqualTo(166_666_666L);
        assertThat(plan.dueNanos(6)).isEqualTo(1_000_000_000L);
        assertThat(plan.dueNanos(12)).isEqualTo(2_000_000_000L);
        // 60 s at 6 events/s: 30 segments of each of the 12 renditions.
        assertThat(plan.plannedSegments()).hasValue(360);
        assertThat(plan.plannedTicks()).hasValue(30);
    }

    @Test
    void aTimedPacedRunPlansEveryEventDueBeforeItsEnd() {
        LoadPlan plan = plan(1, 1, 2_000_000, new LoadPlan.Stop.AfterTime(Duration.ofMillis(1001)),
                new LoadPlan.Pace.Fixed(7));

        long planned = plan.plannedSegments().orElseThrow();
        long dueBeforeEnd = LongStream.range(0, 100).filter(j -> plan.dueNanos(j) < 1_001_000_000L).count();
        assertThat(planned).isEqualTo(dueBeforeEnd).isEqualTo(8);
    }

    @Test
    void aFractionalSegmentDurationKeepsTheArithmeticExact() {
        LoadPlan plan = realTime(1, 2, 6.006, Duration.ofSeconds(60));

        assertThat(plan.realTimeRate()).isEqualTo(2 / 6.006);
        // 60 s / 6.006 s = 9.99 segments: 10 ticks begin before the end, so 20 events.
        assertThat(plan.plannedSegments()).hasValue(20);
    }

    @Test
    void unthrottledRunsHaveNoScheduleAndATimedOneNoPlannedCount() {
        LoadPlan timed = plan(2, 2, 2_000_000, new LoadPlan.Stop.AfterTime(Duration.ofSeconds(5)),
                new LoadPlan.Pace.Unthrottled());
        LoadPlan counted = plan(2, 2, 2_000_000, new LoadPlan.Stop.AfterEvents(9), new LoadPlan.Pace.Unthrottled());

        assertThat(timed.rate()).isEmpty();
        assertThat(timed.dueNanos(1000)).isZero();
        assertThat(timed.plannedSegments()).isEmpty();
        assertThat(counted.plannedSegments()).hasValue(9);
        assertThat(counted.plannedTicks()).hasValue(3);
    }

    @Test
    void eventsGoRenditionByRenditionThenStreamByStreamThenSegmentBySegment() {
        LoadPlan plan = plan(3, 2, 2_000_000, new LoadPlan.Stop.AfterEvents(12), new LoadPlan.Pace.RealTime());

        assertThat(LongStream.range(0, 8).mapToObj(j -> plan.streamOf(j) + "/" + plan.renditionOf(j) + "#"
                + plan.sequenceOf(j)).toList())
                .containsExactly("0/0#0", "0/1#0", "1/0#0", "1/1#0", "2/0#0", "2/1#0", "0/0#1", "0/1#1");
    }

    @Test
    void idsNamesAndUrisAreDeterministic() {
        LoadPlan plan = new LoadPlan(12, 8, 2_000_000, new LoadPlan.Stop.AfterEvents(1), new LoadPlan.Pace.RealTime(),
                "load", 100, "https://cdn.example/", false);

        assertThat(plan.streamId(0)).isEqualTo("load-0001");
        assertThat(plan.streamId(11)).isEqualTo("load-0012");
        assertThat(plan.renditionName(0)).isEqualTo("1080p");
        assertThat(plan.renditionName(5)).isEqualTo("240p");
        assertThat(plan.renditionName(6)).isEqualTo("r07");
        assertThat(plan.uri(1, 1, 142)).isEqualTo("https://cdn.example/load-0002/720p/142.ts");
        assertThat(plan.bandwidth(0)).isEqualTo(6_000_000);
        assertThat(plan.bandwidth(6)).isEqualTo(200_000);
        assertThat(plan.bandwidth(7)).isEqualTo(100_000);
        assertThat(plan.bandwidth(20)).isEqualTo(100_000);
        assertThat(plan.sequenceOf(12 * 8 * 3)).isEqualTo(103);
        assertThat(plan.problems()).isEmpty();
    }

    @Test
    void streamIdsWidenPastNineThousandNineHundredAndNinetyNine() {
        LoadPlan plan = plan(10_000, 1, 2_000_000, new LoadPlan.Stop.AfterEvents(1), new LoadPlan.Pace.RealTime());

        assertThat(plan.streamId(0)).isEqualTo("load-00001");
        assertThat(plan.streamId(9_999)).isEqualTo("load-10000");
    }

    @Test
    void everyRuleHasItsMessage() {
        LoadPlan.Stop one = new LoadPlan.Stop.AfterEvents(1);
        LoadPlan.Pace live = new LoadPlan.Pace.RealTime();
        assertThat(plan(0, 1, 2_000_000, one, live).problems()).containsExactly("--streams must be 1 to 100000, was 0");
        assertThat(plan(1, 33, 2_000_000, one, live).problems()).containsExactly("--renditions must be 1 to 32, was 33");
        assertThat(plan(1, 1, 0, one, live).problems())
                .containsExactly("--segment-duration: duration must be greater than 0 and at most 60 s, was 0 s");
        assertThat(plan(1, 1, 61_000_000, one, live).problems()).hasSize(1);
        assertThat(plan(1, 1, 2_000_000, new LoadPlan.Stop.AfterEvents(0), live).problems())
                .containsExactly("--events must be at least 1, was 0");
        assertThat(plan(1, 1, 2_000_000, new LoadPlan.Stop.AfterTime(Duration.ZERO), live).problems())
                .containsExactly("--duration must be greater than 0");
        assertThat(plan(1, 1, 2_000_000, one, new LoadPlan.Pace.Fixed(0)).problems())
                .containsExactly("--rate must be greater than 0 and at most 10000000 events/s, or max");
        assertThat(plan(1, 1, 2_000_000, one, new LoadPlan.Pace.Fixed(Double.NaN)).problems()).hasSize(1);
        assertThat(new LoadPlan(1, 1, 2_000_000, one, live, "bad prefix", 0, "", false).problems())
                .singleElement().asString().startsWith("--prefix (as the stream id bad prefix-0001) must match");
        assertThat(new LoadPlan(1, 1, 2_000_000, one, live, "load", -1, "", false).problems())
                .singleElement().asString().startsWith("--start-sequence: sequence must be 0 to 2^53");
        assertThat(new LoadPlan(1, 1, 2_000_000, new LoadPlan.Stop.AfterEvents(2), live, "load", 1L << 53, "",
                false).problems()).containsExactly("the last segment's sequence would pass 2^53: lower --start-sequence");
        assertThat(new LoadPlan(1, 1, 2_000_000, one, live, "load", 0, "ftp://x/", false).problems())
                .singleElement().asString().startsWith("--base-url: ");
    }
}
