package org.hlspipeline.tools.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;

import org.hlspipeline.tools.publish.PublishException;
import org.junit.jupiter.api.Test;

/** The progress bar, the progress lines and the summary, character for character. */
class LoadDisplayTest {

    private static LoadSnapshot counted(long elapsedMillis, long acknowledged, long failed, long planned) {
        return new LoadSnapshot(elapsedMillis * 1_000_000, acknowledged, failed, OptionalLong.of(planned), null, 0);
    }

    @Test
    void theBarShowsShareCountRateErrorsAndTimeLeft() {
        assertThat(ProgressBar.line(counted(2_000, 4_200, 0, 10_000), 1998.04))
                .isEqualTo("[##########--------------]  42%  4200/10000 events  1998.0/s  0 errors  ETA 0:03");
        assertThat(ProgressBar.line(counted(0, 0, 0, 10), 0))
                .isEqualTo("[------------------------]   0%  0/10 events  0.0/s  0 errors  ETA ?");
        LoadSnapshot timed = new LoadSnapshot(30_000_000_000L, 900, 1, OptionalLong.of(1800), Duration.ofMinutes(1),
                2_500_000_000L);
        assertThat(ProgressBar.line(timed, 30))
                .isEqualTo("[############------------]  50%  900/1800 events  30.0/s  1 error  behind 2.5 s  ETA 0:30");
    }

    @Test
    void theBarRedrawsInPlaceAtMostFiveTimesASecondAndEndsItsLine() {
        StringWriter err = new StringWriter();
        ProgressBar bar = new ProgressBar(new PrintWriter(err));

        bar.update(counted(0, 0, 0, 100));
        bar.update(counted(100, 10, 0, 100));
        bar.update(counted(250, 20, 0, 100));
        bar.finish(counted(300, 100, 0, 100));

        String shown = err.toString();
        assertThat(shown.chars().filter(c -> c == '\r').count()).isEqualTo(3);
        assertThat(shown).doesNotContain("10/100").contains("20/100").endsWith(System.lineSeparator());
        assertThat(shown.chars().filter(c -> c == '\n').count()).isEqualTo(1);
    }

    @Test
    void linesSayTheSameInWordsForLogs() {
        assertThat(ProgressLines.line(counted(5_000, 2_500, 2, 10_000), 500))
                .isEqualTo("load: 2500/10000 segment events acknowledged (25%), 500.0 events/s, 2 errors, "
                        + "0:05 elapsed, 0:15 left");
        LoadSnapshot unthrottled = new LoadSnapshot(65_000_000_000L, 123_456, 0, OptionalLong.empty(),
                Duration.ofMinutes(2), 0);
        assertThat(ProgressLines.line(unthrottled, 1899.3))
                .isEqualTo("load: 123456 segment events acknowledged (54%), 1899.3 events/s, 0 errors, "
                        + "1:05 elapsed, 0:55 left");
    }

    @Test
    void aBarOnlyOnAnInteractiveTerminalOutsideCi() {
        assertThat(ProgressChoice.interactive(true, Map.of())).isTrue();
        assertThat(ProgressChoice.interactive(true, Map.of("CI", "true"))).isFalse();
        assertThat(ProgressChoice.interactive(true, Map.of("CI", "false"))).isTrue();
        assertThat(ProgressChoice.interactive(true, Map.of("TERM", "dumb"))).isFalse();
        assertThat(ProgressChoice.interactive(false, Map.of())).isFalse();
        PrintWriter err = new PrintWriter(new StringWriter());
        assertThat(ProgressChoice.of(LoadProgress.Mode.AUTO, err, true, Map.of("CI", "true")))
                .isInstanceOf(ProgressLines.class);
        assertThat(ProgressChoice.of(LoadProgress.Mode.AUTO, err, true, Map.of())).isInstanceOf(ProgressBar.class);
        assertThat(ProgressChoice.of(LoadProgress.Mode.NONE, err, true, Map.of())).isSameAs(LoadProgress.NONE);
    }

    @Test
    void theSummaryGivesEveryFigureOnItsOwnLine() {
        LoadPlan plan = new LoadPlan(4, 3, 2_000_000, new LoadPlan.Stop.AfterEvents(360),
                new LoadPlan.Pace.RealTime(), "load", 0, "", false);
        LoadResult result = new LoadResult(plan, "hls.stream-events at 127.0.0.1:9092",
                LoadResult.Ending.COMPLETED, 12, 360, 0, 0, null, 60_020_000_000L, 43_290, 2_100, 14_000, 40_250,
                0, 30);

        assertThat(LoadSummary.format(result)).isEqualTo("""
                load finished: 4 streams x 3 renditions, 2 s segments, real time, 6.0 events/s
                  events sent   360 segment events + 12 rendition infos, acknowledged
                  errors        0
                  duration      60.02 s
                  events/s      6.0 (target 6.0)
                  ack latency   p50 2.1 ms, p99 14.0 ms, max 40.3 ms
                  bytes         42.3 KiB (721 B/s)
                  destination   hls.stream-events at 127.0.0.1:9092
                  next sequence 30 (--start-sequence of a follow-on run, else its segments are duplicates)
                """);
    }

    @Test
    void aFailedRunNamesItsFirstFailure() {
        LoadPlan plan = new LoadPlan(1, 1, 2_002_000, new LoadPlan.Stop.AfterTime(Duration.ofSeconds(10)),
                new LoadPlan.Pace.Unthrottled(), "load", 0, "", true);
        LoadResult result = new LoadResult(plan, "t at b", LoadResult.Ending.FAILURES, 1, 10, 0, 3,
                new PublishException(PublishException.Failure.UNAVAILABLE, "Kafka at b did not take the record"),
                1_000_000_000L, 0, 0, 0, 0, 0, 10);

        String summary = LoadSummary.format(result);
        assertThat(summary).startsWith("load stopped by failed sends: 1 stream x 1 rendition, 2.002 s segments, "
                + "unthrottled\n");
        assertThat(summary).contains("  events sent   10 segment events + 1 rendition info + 0 ends, acknowledged\n")
                .contains("  errors        3 (first: Kafka at b did not take the record)\n")
                .contains("  events/s      10.0 (unthrottled)\n");
        assertThat(result.exitCode()).isEqualTo(3);
    }

    @Test
    void byteCountsReadAsAPersonWouldWriteThem() {
        assertThat(LoadSummary.bytes(512)).isEqualTo("512 B");
        assertThat(LoadSummary.bytes(43_290)).isEqualTo("42.3 KiB");
        assertThat(LoadSummary.bytes(12L * 1024 * 1024)).isEqualTo("12.0 MiB");
        assertThat(LoadFigures.clock(3723)).isEqualTo("1:02:03");
    }
}
