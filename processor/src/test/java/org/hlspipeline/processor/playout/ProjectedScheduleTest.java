package org.hlspipeline.processor.playout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hlspipeline.processor.playout.Channels.T0;
import static org.hlspipeline.processor.playout.Channels.asset;
import static org.hlspipeline.processor.playout.Channels.at;
import static org.hlspipeline.processor.playout.Channels.channel;
import static org.hlspipeline.processor.playout.Channels.item;

import java.util.ArrayList;
import java.util.List;

import org.hlspipeline.processor.playout.ProjectedSchedule.Entry;
import org.hlspipeline.processor.playout.ProjectedSchedule.Horizon;
import org.hlspipeline.processor.playout.ProjectedSchedule.NowPlaying;
import org.junit.jupiter.api.Test;

/**
 * Now playing and up next, against timelines worked out by hand: 2 s segments, the channel configured and its
 * items queued at 0 s, so segment k of the first item airs at 2k s. Each expectation is written as
 * "item@start-end[from..to)", seconds after T0.
 */
class ProjectedScheduleTest {

    private static final Item FILLER = Item.of("filler", ItemKind.FILLER, "Filler", asset("filler", 3));

    private static ChannelState advanced(ChannelState state, double seconds) {
        return Playout.advance(state, at(seconds)).state();
    }

    private static ChannelState interrupt(ChannelState state, String id, ResumePolicy policy, double atSeconds,
                                          Item... items) {
        return Playout.schedule(state, new PlayoutCommand.Interrupt(id, List.of(items), 10, policy), at(atSeconds));
    }

    private static String label(Entry e) {
        return e.itemId() + "@" + seconds(e.startMicros()) + "-" + seconds(e.endMicros()) + "[" + e.fromIndex() + ".."
                + e.toIndex() + ")" + (e.fallback() ? " fallback" : "") + (e.loops() ? " loops" : "");
    }

    private static List<String> labels(ProjectedSchedule schedule) {
        return schedule.upNext().stream().map(ProjectedScheduleTest::label).toList();
    }

    private static String seconds(long micros) {
        long tenths = (micros - T0) / 100_000;
        return tenths % 10 == 0 ? Long.toString(tenths / 10) : (tenths / 10) + "." + (tenths % 10);
    }

    @Test
    void theRestOfTheCurrentItemThenTheQueueThenTheFillerShownOnce() {
        ChannelState state = advanced(channel(FILLER, item("ep1", 5), item("ep2", 2)), 3);

        ProjectedSchedule schedule = ProjectedSchedule.at(state, at(3));

        // ep1#0 aired at 0 s, ep1#1 at 2 s: at 3 s ep1 is 1 s into its segment 1, 3 s into the item.
        assertThat(schedule.nowPlaying()).isEqualTo(new NowPlaying("ep1", "EP1", ItemKind.PROGRAM, "queue", 1,
                3_000_000L, at(10), false, false));
        assertThat(labels(schedule)).containsExactly("ep2@10-14[0..2)", "filler@14-20[0..3) fallback loops");
        assertThat(schedule.upNext().get(1).kind()).isEqualTo(ItemKind.FILLER);
        assertThat(schedule.upNext().get(1).title()).isEqualTo("Filler");
        assertThat(schedule.horizon()).isEqualTo(Horizon.LOOPS);
        assertThat(schedule.horizonMicros()).isEqualTo(at(20));
        assertAgreesWithTheEngine(state, at(3));
    }

    @Test
    void anInterruptWithResumeAirsItsItemsThenTheCutItemFromItsNextUnairedSegment() {
        ChannelState state = advanced(interrupt(channel(FILLER, item("ep1", 5), item("ep2", 2)), "breaking",
                ResumePolicy.RESUME, 3, item("news", 2)), 5);

        ProjectedSchedule schedule = ProjectedSchedule.at(state, at(5));

        // Cut at the 4 s boundary: news 4-8 s, then ep1 from its segment 2 (3 segments left, 6 s).
        assertThat(schedule.nowPlaying()).isEqualTo(new NowPlaying("news", "NEWS", ItemKind.PROGRAM, "breaking", 0,
                1_000_000L, at(8), false, false));
        assertThat(labels(schedule)).containsExactly("ep1@8-14[2..5)", "ep2@14-18[0..2)",
                "filler@18-24[0..3) fallback loops");
        assertThat(schedule.upNext().get(0).layer()).isEqualTo("queue");
        assertAgreesWithTheEngine(state, at(5));

        // Once resumed, the position counts from the item's start: segments 0 and 1 (4 s) plus 1 s into 2.
        ProjectedSchedule resumed = ProjectedSchedule.at(advanced(state, 9), at(9));
        assertThat(resumed.nowPlaying().segmentIndex()).isEqualTo(2);
        assertThat(resumed.nowPlaying().positionMicros()).isEqualTo(5_000_000L);
        assertThat(resumed.nowPlaying().endsAtMicros()).isEqualTo(at(14));
    }

    @Test
    void anInterruptWithSkipGoesOnWithTheNextQueuedItem() {
        ChannelState state = advanced(interrupt(channel(FILLER, item("ep1", 5), item("ep2", 2)), "breaking",
                ResumePolicy.SKIP, 3, item("news", 2)), 5);

        ProjectedSchedule schedule = ProjectedSchedule.at(state, at(5));

        assertThat(schedule.nowPlaying().itemId()).isEqualTo("news");
        assertThat(labels(schedule)).containsExactly("ep2@8-12[0..2)", "filler@12-18[0..3) fallback loops");
        assertAgreesWithTheEngine(state, at(5));
    }

    @Test
    void anInterruptWithReplaceDropsTheQueueAndItsLastItemLoopsWithoutFiller() {
        ChannelState state = advanced(interrupt(channel(null, item("ep1", 5), item("ep2", 2)), "breaking",
                ResumePolicy.REPLACE, 3, item("news", 2)), 5);

        ProjectedSchedule schedule = ProjectedSchedule.at(state, at(5));

        assertThat(labels(schedule)).containsExactly("news@8-12[0..2) fallback loops");
        assertAgreesWithTheEngine(state, at(5));
    }

    @Test
    void aScheduledCommandThatIsNotEffectiveYetIsNotInTheProjection() {
        ChannelState state = advanced(interrupt(channel(FILLER, item("ep1", 5)), "later", ResumePolicy.RESUME, 30,
                item("news", 2)), 1);

        ProjectedSchedule schedule = ProjectedSchedule.at(state, at(1));

        assertThat(schedule.nowPlaying().itemId()).isEqualTo("ep1");
        assertThat(labels(schedule)).containsExactly("filler@10-16[0..3) fallback loops");
    }

    @Test
    void anAlertCutsItsItemAtTheFirstBoundaryAtOrAfterItsEndThenTheCutItemResumes() {
        ChannelState state = Playout.schedule(channel(FILLER, item("ep1", 10)), new PlayoutCommand.StartAlert(
                "storm", List.of(item("storm", 3)), 100, ResumePolicy.RESUME, at(7)), at(3));
        state = advanced(state, 5);

        ProjectedSchedule schedule = ProjectedSchedule.at(state, at(5));

        // storm#0 at 4 s, storm#1 at 6 s (6 < 7), and at the 8 s boundary the alert is over.
        assertThat(schedule.nowPlaying()).isEqualTo(new NowPlaying("storm", "STORM", ItemKind.PROGRAM, "storm", 0,
                1_000_000L, at(8), false, false));
        assertThat(labels(schedule)).containsExactly("ep1@8-24[2..10)", "filler@24-30[0..3) fallback loops");
        assertAgreesWithTheEngine(state, at(5));
    }

    @Test
    void anAlertRepeatsItsItemsUntilItsEnd() {
        ChannelState state = Playout.schedule(channel(FILLER, item("ep1", 10)), new PlayoutCommand.StartAlert(
                "storm", List.of(item("storm", 1)), 100, ResumePolicy.RESUME, at(10)), at(3));
        state = advanced(state, 5);

        ProjectedSchedule schedule = ProjectedSchedule.at(state, at(5));

        assertThat(schedule.nowPlaying().itemId()).isEqualTo("storm");
        assertThat(labels(schedule)).containsExactly("storm@6-8[0..1)", "storm@8-10[0..1)", "ep1@10-26[2..10)",
                "filler@26-32[0..3) fallback loops");
        assertAgreesWithTheEngine(state, at(5));
    }

    @Test
    void aStateBehindTheClockIsProjectedForwardToTheTimeAsked() {
        ChannelState state = advanced(channel(FILLER, item("ep1", 5), item("ep2", 2)), 3);

        ProjectedSchedule schedule = ProjectedSchedule.at(state, at(11));

        // ep2 airs 10-14 s: at 11 s it is 1 s into its segment 0.
        assertThat(schedule.nowPlaying()).isEqualTo(new NowPlaying("ep2", "EP2", ItemKind.PROGRAM, "queue", 0,
                1_000_000L, at(14), false, false));
        assertThat(labels(schedule)).containsExactly("filler@14-20[0..3) fallback loops");
    }

    @Test
    void aTimeBeforeTheLastAiredSegmentCountsAsItsAirTime() {
        ChannelState state = advanced(channel(FILLER, item("ep1", 5)), 3);

        ProjectedSchedule schedule = ProjectedSchedule.at(state, at(1));

        assertThat(schedule.nowPlaying().segmentIndex()).isEqualTo(1);
        assertThat(schedule.nowPlaying().positionMicros()).isEqualTo(2_000_000L);
    }

    @Test
    void withoutFillerTheLastItemLoopsAndIsShownOnce() {
        ChannelState state = advanced(channel(null, item("ep1", 2)), 1);

        ProjectedSchedule schedule = ProjectedSchedule.at(state, at(1));

        assertThat(schedule.nowPlaying().endsAtMicros()).isEqualTo(at(4));
        assertThat(labels(schedule)).containsExactly("ep1@4-8[0..2) fallback loops");
        assertThat(schedule.horizon()).isEqualTo(Horizon.LOOPS);
        assertAgreesWithTheEngine(state, at(1));
    }

    @Test
    void whenTheFillerAirsNothingFollowsItAndItLoops() {
        ChannelState state = advanced(channel(FILLER), 1);

        ProjectedSchedule schedule = ProjectedSchedule.at(state, at(1));

        assertThat(schedule.nowPlaying()).isEqualTo(new NowPlaying("filler", "Filler", ItemKind.FILLER, "queue", 0,
                1_000_000L, at(6), true, true));
        assertThat(schedule.upNext()).isEmpty();
        assertThat(schedule.horizon()).isEqualTo(Horizon.LOOPS);
        assertThat(schedule.horizonMicros()).isEqualTo(at(6));
    }

    @Test
    void positionsCountFromTheItemsInPoint() {
        Item middle = item("ep1", 10).withRange(3, 6);
        ChannelState state = advanced(channel(FILLER, middle), 3);

        ProjectedSchedule schedule = ProjectedSchedule.at(state, at(3));

        // Segments 3 (0-2 s) and 4 (2-4 s) aired: at 3 s it is in segment 4, 3 s after the in point.
        assertThat(schedule.nowPlaying().segmentIndex()).isEqualTo(4);
        assertThat(schedule.nowPlaying().positionMicros()).isEqualTo(3_000_000L);
        assertThat(schedule.nowPlaying().endsAtMicros()).isEqualTo(at(6));
    }

    @Test
    void endAfterCurrentEndsTheProjectionWhenTheCurrentItemEnds() {
        ChannelState state = Playout.schedule(channel(FILLER, item("ep1", 3), item("ep2", 2)),
                new PlayoutCommand.End(true), at(1));
        state = advanced(state, 1);

        ProjectedSchedule schedule = ProjectedSchedule.at(state, at(1));

        assertThat(schedule.nowPlaying().endsAtMicros()).isEqualTo(at(6));
        assertThat(schedule.upNext()).isEmpty();
        assertThat(schedule.horizon()).isEqualTo(Horizon.ENDS);
        assertThat(schedule.horizonMicros()).isEqualTo(at(6));
    }

    @Test
    void anEndedChannelPlaysNothing() {
        ChannelState state = Playout.schedule(channel(FILLER, item("ep1", 5)), new PlayoutCommand.End(false), at(3));
        state = advanced(state, 5);

        ProjectedSchedule schedule = ProjectedSchedule.at(state, at(5));

        assertThat(state.ended()).isTrue();
        assertThat(schedule.nowPlaying()).isNull();
        assertThat(schedule.upNext()).isEmpty();
        assertThat(schedule.horizon()).isEqualTo(Horizon.ENDS);
        assertThat(schedule.horizonMicros()).isEqualTo(at(4));
    }

    @Test
    void theListStopsAtTheMaximumNumberOfItems() {
        Item[] items = new Item[30];
        for (int i = 0; i < items.length; i++) {
            items[i] = item("i" + i, 1);
        }
        ChannelState state = advanced(channel(FILLER, items), 1);

        ProjectedSchedule schedule = ProjectedSchedule.at(state, at(1));
        ProjectedSchedule three = ProjectedSchedule.at(state, at(1), 3);

        assertThat(schedule.nowPlaying().itemId()).isEqualTo("i0");
        assertThat(schedule.upNext()).hasSize(ProjectedSchedule.DEFAULT_MAX_ITEMS);
        assertThat(schedule.upNext().get(19).itemId()).isEqualTo("i20");
        assertThat(schedule.horizon()).isEqualTo(Horizon.MORE);
        assertThat(labels(three)).containsExactly("i1@2-4[0..1)", "i2@4-6[0..1)", "i3@6-8[0..1)");
        assertThat(three.horizonMicros()).isEqualTo(at(8));
    }

    @Test
    void anUnconfiguredChannelHasNothing() {
        ChannelState state = channel(FILLER, item("ep1", 2)); // commands scheduled, none applied yet

        ProjectedSchedule schedule = ProjectedSchedule.at(state, at(0));

        assertThat(schedule.nowPlaying()).isNull();
        assertThat(schedule.upNext()).isEmpty();
        assertThat(schedule.horizon()).isEqualTo(Horizon.IDLE);
    }

    @Test
    void projectingDoesNotChangeTheState() {
        ChannelState state = advanced(interrupt(channel(FILLER, item("ep1", 5)), "b", ResumePolicy.RESUME, 3,
                item("news", 2)), 5);
        ChannelState copy = state;

        ProjectedSchedule.at(state, at(5));

        assertThat(state).isEqualTo(copy);
        assertThat(Playout.advance(state, at(30)).aired()).isEqualTo(Playout.advance(copy, at(30)).aired());
    }

    /**
     * Runs the engine itself past the projection and checks each entry against what it aired: the entry's start
     * opens a pass of that item (a discontinuity) at its first index, and the pass airs its segments up to the
     * entry's end.
     */
    private static void assertAgreesWithTheEngine(ChannelState state, long now) {
        ProjectedSchedule schedule = ProjectedSchedule.at(state, now);
        List<ChannelSegment> aired = new ArrayList<>(Playout.advance(state, schedule.horizonMicros() + 1).aired());
        for (Entry entry : schedule.upNext()) {
            List<ChannelSegment> pass = aired.stream()
                    .filter(s -> s.airTimeMicros() >= entry.startMicros() && s.airTimeMicros() < entry.endMicros())
                    .toList();
            assertThat(pass).as(label(entry)).hasSize(entry.toIndex() - entry.fromIndex());
            assertThat(pass.get(0).airTimeMicros()).as(label(entry)).isEqualTo(entry.startMicros());
            assertThat(pass.get(0).discontinuity()).as(label(entry)).isTrue();
            assertThat(pass).as(label(entry)).allMatch(s -> s.itemId().equals(entry.itemId()));
            assertThat(pass.get(0).uris().get("720p")).as(label(entry)).endsWith("seg" + entry.fromIndex() + ".ts");
            ChannelSegment last = pass.get(pass.size() - 1);
            assertThat(last.endMicros()).as(label(entry)).isEqualTo(entry.endMicros());
        }
    }
}
