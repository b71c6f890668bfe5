package org.hlspipeline.processor.playout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hlspipeline.processor.playout.Channels.T0;
import static org.hlspipeline.processor.playout.Channels.TWO_SECONDS;
import static org.hlspipeline.processor.playout.Channels.at;
import static org.hlspipeline.processor.playout.Channels.channel;
import static org.hlspipeline.processor.playout.Channels.item;
import static org.hlspipeline.processor.playout.Channels.labels;

import java.util.List;

import org.hlspipeline.processor.playout.Playout.Advance;
import org.junit.jupiter.api.Test;

/**
 * The channel engine, against timelines worked out by hand. Every segment here is 2 s, so segment k of a
 * channel configured at T0 airs at T0 + 2k s.
 */
class PlayoutTest {

    private static List<ChannelSegment> airedUntil(ChannelState state, double seconds) {
        Advance advance = Playout.advance(state, at(seconds));
        assertNeverRunsDry(advance.aired());
        return advance.aired();
    }

    /** Each segment airs when the one before it ends: a player never waits 1.5 target durations. */
    private static void assertNeverRunsDry(List<ChannelSegment> aired) {
        for (int i = 1; i < aired.size(); i++) {
            assertThat(aired.get(i).airTimeMicros()).isEqualTo(aired.get(i - 1).endMicros());
            assertThat(aired.get(i).mediaSequence()).isEqualTo(aired.get(i - 1).mediaSequence() + 1);
        }
    }

    @Test
    void twoItemsAirInOrderWithADiscontinuityBetweenThem() {
        List<ChannelSegment> aired = airedUntil(channel(null, item("ep1", 3), item("ep2", 2)), 9);

        assertThat(labels(aired)).containsExactly("ep1#0", "ep1#1", "ep1#2", "|ep2#0", "ep2#1");
        assertThat(aired).extracting(ChannelSegment::airTimeMicros)
                .containsExactly(at(0), at(2), at(4), at(6), at(8));
        assertThat(aired).extracting(ChannelSegment::mediaSequence).containsExactly(0L, 1L, 2L, 3L, 4L);
        assertThat(aired.get(3).uris()).containsEntry("720p", "https://cdn.example/ep2/720p/seg0.ts")
                .containsEntry("480p", "https://cdn.example/ep2/480p/seg0.ts");
    }

    @Test
    void theWindowAtSeveralTimesShowsTheLastSegmentsAiredByThen() {
        ChannelState state = channel(null, item("ep1", 10));

        ChannelState at3 = Playout.advance(state, at(3)).state();
        ChannelState at13 = Playout.advance(at3, at(13)).state();

        // By T0+3 s segments 0 (0 s) and 1 (2 s) have aired; by T0+13 s, 0..6, of which the window keeps 6.
        assertThat(labels(at3.window())).containsExactly("ep1#0", "ep1#1");
        assertThat(labels(at13.window())).containsExactly("ep1#1", "ep1#2", "ep1#3", "ep1#4", "ep1#5", "ep1#6");
        assertThat(at13.window().get(0).mediaSequence()).isEqualTo(1);
        assertThat(at13.nextAirMicros()).isEqualTo(at(14));
    }

    @Test
    void advancingInStepsAirsExactlyWhatOneStepAirs() {
        ChannelState state = channel(null, item("ep1", 4), item("ep2", 3));
        ChannelState stepped = state;
        for (int t = 0; t <= 30; t += 3) {
            stepped = Playout.advance(stepped, at(t)).state();
        }

        assertThat(stepped).isEqualTo(Playout.advance(state, at(30)).state());
    }

    @Test
    void aLoopingItemRepeatsWithADiscontinuityAtEachWrapAndNeverLeaves() {
        List<ChannelSegment> aired = airedUntil(channel(null, item("loop", 2).looping(), item("never", 2)), 11);

        assertThat(labels(aired)).containsExactly("loop#0", "loop#1", "|loop#0", "loop#1", "|loop#0", "loop#1");
    }

    @Test
    void aLoopWithContinuousTimestampsWrapsWithoutADiscontinuity() {
        Item seamless = new Item("seamless", ItemKind.PROGRAM, null, Channels.asset("seamless", 2), 0, 2, true, true);

        assertThat(labels(airedUntil(channel(null, seamless), 7)))
                .containsExactly("seamless#0", "seamless#1", "seamless#0", "seamless#1");
    }

    @Test
    void anEmptyQueuePlaysTheFillerUntilSomethingIsQueued() {
        Item filler = new Item("filler", ItemKind.FILLER, null, Channels.asset("filler", 2), 0, 2, false, false);
        ChannelState state = channel(filler, item("ep1", 2));
        state = Playout.schedule(state, new PlayoutCommand.Enqueue(List.of(item("ep2", 1)), false), at(9));

        List<ChannelSegment> aired = airedUntil(state, 13);

        // ep1 0-2 s; filler from 4 s, wrapping at 8 s; ep2 queued at 9 s takes the 10 s boundary; then filler.
        assertThat(labels(aired)).containsExactly("ep1#0", "ep1#1", "|filler#0", "filler#1", "|filler#0",
                "|ep2#0", "|filler#0");
    }

    @Test
    void withoutFillerTheLastItemLoops() {
        assertThat(labels(airedUntil(channel(null, item("ep1", 1), item("ep2", 2)), 9)))
                .containsExactly("ep1#0", "|ep2#0", "ep2#1", "|ep2#0", "ep2#1");
    }

    @Test
    void aChannelWithNothingToAirWaitsAndStartsAtTheBoundaryOfItsFirstItem() {
        ChannelState empty = Playout.schedule(ChannelState.create("tv1"),
                new PlayoutCommand.Configure(Channels.config(null)), T0);
        ChannelState waiting = Playout.advance(empty, at(10)).state();
        assertThat(waiting.window()).isEmpty();

        ChannelState queued = Playout.schedule(waiting, new PlayoutCommand.Enqueue(List.of(item("ep1", 2)), false),
                at(11));
        List<ChannelSegment> aired = Playout.advance(queued, at(13)).aired();

        assertThat(aired).extracting(ChannelSegment::airTimeMicros).containsExactly(at(11), at(13));
        assertThat(aired.get(0).mediaSequence()).isZero();
    }

    @Test
    void skipEndsTheCurrentItemAtTheNextBoundary() {
        ChannelState state = channel(null, item("ep1", 5), item("ep2", 2));
        state = Playout.schedule(state, new PlayoutCommand.Skip(), at(3));

        assertThat(labels(airedUntil(state, 7))).containsExactly("ep1#0", "ep1#1", "|ep2#0", "ep2#1");
    }

    @Test
    void replaceNowSwapsTheQueueAtTheNextBoundaryAndAfterCurrentWaitsForTheItemToEnd() {
        ChannelState now = Playout.schedule(channel(null, item("ep1", 3), item("ep2", 2)),
                new PlayoutCommand.Replace(List.of(item("new", 2)), false), at(1));
        ChannelState after = Playout.schedule(channel(null, item("ep1", 3), item("ep2", 2)),
                new PlayoutCommand.Replace(List.of(item("new", 2)), true), at(1));

        assertThat(labels(airedUntil(now, 5))).containsExactly("ep1#0", "|new#0", "new#1");
        assertThat(labels(airedUntil(after, 9))).containsExactly("ep1#0", "ep1#1", "ep1#2", "|new#0", "new#1");
    }

    @Test
    void removeTakesAQueuedItemOutAndEnqueueNextPutsAnItemFirst() {
        ChannelState state = channel(null, item("ep1", 1), item("ep2", 1), item("ep3", 1));
        state = Playout.schedule(state, new PlayoutCommand.Remove("ep2"), at(1));
        state = Playout.schedule(state, new PlayoutCommand.Enqueue(List.of(item("flash", 1)), true), at(1));

        assertThat(labels(airedUntil(state, 5))).containsExactly("ep1#0", "|flash#0", "|ep3#0");
    }

    @Test
    void endNowStopsAtTheNextBoundaryAndAfterCurrentAtTheItemsEnd() {
        ChannelState now = Playout.schedule(channel(null, item("ep1", 5)), new PlayoutCommand.End(false), at(3));
        ChannelState after = Playout.schedule(channel(null, item("ep1", 3), item("ep2", 3)),
                new PlayoutCommand.End(true), at(1));

        Advance endedNow = Playout.advance(now, at(20));
        Advance endedAfter = Playout.advance(after, at(20));

        assertThat(labels(endedNow.aired())).containsExactly("ep1#0", "ep1#1");
        assertThat(endedNow.state().ended()).isTrue();
        assertThat(labels(endedAfter.aired())).containsExactly("ep1#0", "ep1#1", "ep1#2");
        assertThat(ChannelPlaylists.media(endedAfter.state(), "720p").ended()).isTrue();
    }

    @Test
    void inAndOutPointsAirExactlyThoseSegmentsAndTheEpisodeNumbersContinueAcrossTheAd() {
        VodAsset episode = Channels.asset("episode", 180); // six minutes of 2 s segments
        Item firstHalf = Item.of("ep-a", ItemKind.PROGRAM, "Episode", episode).withRange(0, 90);
        Item ad = Item.of("ad30", ItemKind.AD, "Ad", Channels.asset("ad30", 15));
        Item secondHalf = Item.of("ep-b", ItemKind.PROGRAM, "Episode", episode).withRange(90, 180);

        List<ChannelSegment> aired = airedUntil(channel(null, firstHalf, ad, secondHalf), 2 * 194);

        assertThat(aired).hasSize(195); // 90 + 15 + 90 segments, the last one airing at 388 s
        assertThat(aired.subList(0, 90)).extracting(s -> s.uris().get("720p"))
                .containsExactlyElementsOf(range("episode", 0, 90));
        assertThat(aired.subList(90, 105)).extracting(s -> s.uris().get("720p"))
                .containsExactlyElementsOf(range("ad30", 0, 15));
        assertThat(aired.subList(105, 195)).extracting(s -> s.uris().get("720p"))
                .containsExactlyElementsOf(range("episode", 90, 180));
        assertThat(aired.get(90).kind()).isEqualTo(ItemKind.AD);
        assertThat(aired.get(90).airTimeMicros()).isEqualTo(at(180));
        assertThat(aired.get(105).airTimeMicros()).isEqualTo(at(210));
    }

    private static List<String> range(String asset, int from, int to) {
        return java.util.stream.IntStream.range(from, to)
                .mapToObj(n -> "https://cdn.example/" + asset + "/720p/seg" + n + ".ts").toList();
    }

    @Test
    void everySegmentCarriesEveryRenditionOfTheLadderAtTheSameBoundary() {
        for (ChannelSegment s : airedUntil(channel(null, item("ep1", 3), item("ep2", 3)), 11)) {
            assertThat(s.uris()).containsOnlyKeys("720p", "480p");
            assertThat(s.uris().get("480p")).isEqualTo(s.uris().get("720p").replace("/720p/", "/480p/"));
        }
        assertThat(TWO_SECONDS).isEqualTo(2_000_000);
    }
}
