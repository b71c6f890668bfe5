package org.hlspipeline.queryapi.iptv;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.hlspipeline.processor.playout.ChannelSegment;
import org.hlspipeline.processor.playout.ItemKind;
import org.hlspipeline.processor.playout.ProjectedSchedule;
import org.junit.jupiter.api.Test;

class ChannelGuideTest {

    private static final long S = 1_000_000L;
    /** 2026-11-21T20:00:00Z in epoch microseconds. */
    private static final long T0 = Instant.parse("2026-11-21T20:00:00Z").getEpochSecond() * S;

    @Test
    void nowPlayingThenEveryEntryUpNextWithTheProjectedTimes() {
        // ep1 began at T0 + 10 s (a discontinuity in the window), airs its segment at T0 + 13 s, ends at T0 + 20 s.
        List<ChannelSegment> window = segments(5, T0 + 8 * S, "filler", "ep1", 2, 4);
        long now = T0 + 13 * S + S / 2;
        ProjectedSchedule schedule = new ProjectedSchedule(
                new ProjectedSchedule.NowPlaying("ep1", "Episode 1", ItemKind.PROGRAM, "queue", 3, 3 * S + S / 2,
                        T0 + 20 * S, false, false),
                List.of(entry("ad", "Ad & more", T0 + 20 * S, T0 + 50 * S, false),
                        entry("ep2", null, T0 + 50 * S, T0 + 110 * S, false),
                        entry("filler", "Filler", T0 + 110 * S, T0 + 113 * S, true)),
                ProjectedSchedule.Horizon.LOOPS, T0 + 113 * S);

        List<XmltvWriter.Programme> programmes = ChannelGuide.programmes("tv", schedule, window, now);

        assertThat(programmes).containsExactly(
                programme(T0 + 10 * S, T0 + 20 * S, "Episode 1"),
                programme(T0 + 20 * S, T0 + 50 * S, "Ad & more"),
                programme(T0 + 50 * S, T0 + 110 * S, "ep2"),
                programme(T0 + 110 * S, T0 + 113 * S, "Filler"));
        IptvFormats.Guide guide = IptvFormats.parseXmltv(XmltvWriter.write(List.of(new XmltvWriter.Channel("tv", "tv")),
                programmes).getBytes(StandardCharsets.UTF_8));
        assertThat(guide.of("tv")).hasSize(4);
        assertThat(guide.of("tv").get(0).start()).isEqualTo(Instant.parse("2026-11-21T20:00:10Z"));
    }

    @Test
    void whenTheWindowDoesNotReachTheItemsStartItCountsBackFromThePosition() {
        // Six segments of a long item, no discontinuity: its start is before the window.
        List<ChannelSegment> window = segments(40, T0 + 40 * S, null, "movie", 0, 6);
        long now = T0 + 45 * S + S / 4;
        ProjectedSchedule schedule = new ProjectedSchedule(
                new ProjectedSchedule.NowPlaying("movie", "Movie", ItemKind.PROGRAM, "queue", 45, 45 * S + S / 4,
                        T0 + 90 * S, false, false), List.of(), ProjectedSchedule.Horizon.IDLE, T0 + 90 * S);

        assertThat(ChannelGuide.programmes("tv", schedule, window, now))
                .containsExactly(programme(T0, T0 + 90 * S, "Movie"));
    }

    @Test
    void theChannelsFirstSegmentStartsItsFirstItem() {
        List<ChannelSegment> window = segments(0, T0, null, "ep1", 0, 3);
        ProjectedSchedule schedule = new ProjectedSchedule(
                new ProjectedSchedule.NowPlaying("ep1", "Episode 1", ItemKind.PROGRAM, "queue", null, null,
                        T0 + 10 * S, false, false), List.of(), ProjectedSchedule.Horizon.IDLE, T0 + 10 * S);

        assertThat(ChannelGuide.programmes("tv", schedule, window, T0 + 2 * S + 1))
                .containsExactly(programme(T0, T0 + 10 * S, "Episode 1"));
    }

    @Test
    void withNeitherWindowNorPositionItStartsAtTheLastAiredSegment() {
        List<ChannelSegment> window = segments(40, T0 + 40 * S, null, "live", 0, 6);
        ProjectedSchedule schedule = new ProjectedSchedule(
                new ProjectedSchedule.NowPlaying("live", "Relay", ItemKind.PROGRAM, "queue", null, null,
                        T0 + 46 * S, false, false), List.of(), ProjectedSchedule.Horizon.LIVE, T0 + 46 * S);

        // A clock behind the last aired segment counts as its air time, as in the projection.
        assertThat(ChannelGuide.programmes("tv", schedule, window, T0 + 44 * S))
                .containsExactly(programme(T0 + 45 * S, T0 + 46 * S, "Relay"));
    }

    @Test
    void nothingAiringAndEmptyEntriesGiveNoProgrammes() {
        ProjectedSchedule idle = new ProjectedSchedule(null,
                List.of(entry("zero", "Zero", T0 + 5 * S, T0 + 5 * S, false)), ProjectedSchedule.Horizon.IDLE, 0);

        assertThat(ChannelGuide.programmes("tv", idle, List.of(), T0)).isEmpty();
    }

    private static XmltvWriter.Programme programme(long start, long stop, String title) {
        return new XmltvWriter.Programme("tv", ChannelGuide.instant(start), ChannelGuide.instant(stop), title);
    }

    private static ProjectedSchedule.Entry entry(String itemId, String title, long start, long end, boolean loops) {
        return new ProjectedSchedule.Entry(itemId, title, ItemKind.PROGRAM, "queue", start, end, 0, 1, loops, loops);
    }

    /**
     * 1 s segments from media sequence {@code firstSequence} airing from {@code firstAir}: {@code before} segments
     * of {@code previous} (when not null), then {@code count} of {@code itemId}, its first one a discontinuity
     * when something precedes it in the window.
     */
    private static List<ChannelSegment> segments(long firstSequence, long firstAir, String previous, String itemId,
                                                 int before, int count) {
        List<ChannelSegment> window = new ArrayList<>();
        int n = 0;
        for (int i = 0; i < before && previous != null; i++, n++) {
            window.add(new ChannelSegment(firstSequence + n, firstAir + n * S, S, Map.of("720p", "p" + n + ".ts"),
                    false, previous, ItemKind.FILLER, previous));
        }
        for (int i = 0; i < count; i++, n++) {
            window.add(new ChannelSegment(firstSequence + n, firstAir + n * S, S, Map.of("720p", "s" + n + ".ts"),
                    i == 0 && previous != null, itemId, ItemKind.PROGRAM, itemId));
        }
        return window;
    }
}
