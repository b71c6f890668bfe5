package org.hlspipeline.tools.tail;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.hlspipeline.schemas.stream.EndOfStream;
import org.hlspipeline.schemas.stream.RenditionInfo;
import org.hlspipeline.schemas.stream.Segment;
import org.hlspipeline.tools.RecordingPublisher;
import org.hlspipeline.tools.StaticServer;
import org.hlspipeline.tools.ToolRun;
import org.hlspipeline.tools.cli.ExitCodes;
import org.hlspipeline.tools.publish.PublishException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Timeout(60)
class TailCommandTest {

    @TempDir
    Path dir;

    private final RecordingPublisher publisher = new RecordingPublisher();
    private final List<ExecutorService> executors = new ArrayList<>();

    @AfterEach
    void stopRuns() throws InterruptedException {
        for (ExecutorService executor : executors) {
            executor.shutdownNow();
            executor.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    /** Starts {@code producer-tools tail <args>} in the background, as a transcoder's companion process would run. */
    private Future<ToolRun> start(RecordingPublisher target, String... args) {
        return start(target, new CountingClock(), args);
    }

    private Future<ToolRun> start(RecordingPublisher target, CountingClock clock, String... args) {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        executors.add(executor);
        return executor.submit(() -> ToolRun.withClock(target, clock, tail(args)));
    }

    /** Returns once the tool has waited {@code more} more times between reads: it has looked again since. */
    private static void awaitMoreReads(CountingClock clock, int more) {
        int seen = clock.waits();
        await().atMost(Duration.ofSeconds(10)).until(() -> clock.waits() >= seen + more);
    }

    private static String[] tail(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "tail";
        System.arraycopy(args, 0, all, 1, args.length);
        return all;
    }

    private static ToolRun finish(Future<ToolRun> run) throws Exception {
        return run.get(20, TimeUnit.SECONDS);
    }

    private static List<Segment> withUriPrefix(List<Segment> segments, String prefix) {
        return segments.stream().map(s -> Segment.newBuilder(s).setUri(prefix + s.getUri()).build()).toList();
    }

    private static Map<Long, Segment> bySequence(List<Segment> segments) {
        Map<Long, Segment> map = new LinkedHashMap<>();
        for (Segment segment : segments) {
            Segment earlier = map.putIfAbsent(segment.getSequence(), segment);
            assertThat(earlier == null || earlier.equals(segment))
                    .as("segment #%d published twice differently: %s and %s", segment.getSequence(), earlier, segment)
                    .isTrue();
        }
        return map;
    }

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, UTF_8);
        return file;
    }

    @Test
    void followsAGrowingPlaylistAsFfmpegWritesItAndPublishesEverySegmentOnceWithItsSequence() throws Exception {
        LivePlaylist live = new LivePlaylist(dir.resolve("live/index.m3u8"), "index", 3, 0, true);
        CountingClock clock = new CountingClock();
        Future<ToolRun> run = start(publisher, clock, live.file().toString(), "--stream", "news", "--rendition",
                "720p", "--interval", "0.02", "--wait", "10");

        awaitMoreReads(clock, 5); // No playlist yet: ffmpeg writes it when the first segment is done. tail waits.
        assertThat(publisher.sent).isEmpty();
        for (int i = 0; i < 10; i++) {
            live.add(i == 7 ? "1.501667" : "2.002000", i == 5);
            if (i % 2 == 0) {
                live.writeInPlace();
            } else {
                live.writeAtomically();
            }
            Published.awaitSegments(publisher, i + 1);
        }
        live.add("2.002").add("2.002").writeInPlace(); // two finished between reads
        Published.awaitSegments(publisher, 12);
        live.add("0.8").end().writeInPlace();
        ToolRun result = finish(run);

        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.OK);
        assertThat(Published.segments(publisher)).containsExactlyElementsOf(Published.segments(live.made(), "720p"));
        assertThat(Published.segments(publisher).get(5).getDiscontinuity()).isTrue();
        assertThat(Published.segments(publisher).get(0).getProgramDateTime())
                .isEqualTo(java.time.Instant.parse("2026-11-21T20:00:00Z"));
        List<Object> payloads = Published.payloads(publisher);
        assertThat(payloads.get(payloads.size() - 1)).isInstanceOf(EndOfStream.class);
        assertThat(Published.ends(publisher)).isOne();
        assertThat(publisher.sent).allSatisfy(sent -> {
            assertThat(sent.key()).isEqualTo("news");
            assertThat(sent.topic()).isEqualTo("hls.stream-events");
        });
        assertThat(result.out()).contains("published segment news/720p #0 to hls.stream-events[3]@17")
                .contains("published end of stream news to")
                .contains("tail news: 13 segments and 0 rendition infos published from 1 rendition; "
                        + "end of stream published");
        assertThat(result.err()).isEmpty();
        assertThat(publisher.closed).isOne();
    }

    @Test
    void segmentsThatSlideOutBetweenReadsAreReportedAndTheOthersKeepTheirExactSequence() throws Exception {
        LivePlaylist live = new LivePlaylist(dir.resolve("index.m3u8"), "seg", 3, 100, false);
        live.add("2").add("2").add("2").writeInPlace();
        Future<ToolRun> run = start(publisher, live.file().toString(), "--stream", "news", "--rendition", "v0",
                "--interval", "0.3");
        Published.awaitSegments(publisher, 3);

        // ffmpeg's delete_segments: the window slides; 105 and 106 come and go before tail reads again.
        live.add("2").add("2").add("2").add("2").add("2").add("2").writeAtomically();
        Published.awaitSegments(publisher, 6);
        live.end().writeAtomically();
        ToolRun result = finish(run);

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(Published.segments(publisher)).extracting(Segment::getSequence)
                .containsExactly(100L, 101L, 102L, 106L, 107L, 108L);
        assertThat(Published.segments(publisher)).extracting(Segment::getUri)
                .containsExactly("seg100.ts", "seg101.ts", "seg102.ts", "seg106.ts", "seg107.ts", "seg108.ts");
        assertThat(result.err()).contains("segments #103 to #105 of rendition v0 left the playlist before they "
                + "were read; the pipeline will mark them lost");
    }

    @Test
    void aRestartHalfWayPublishesTheSameEventsAgainOrNothingNew() throws Exception {
        LivePlaylist live = new LivePlaylist(dir.resolve("live/index.m3u8"), "index", 4, 0, true);
        String[] args = {live.file().toString(), "--stream", "news", "--rendition", "720p", "--interval", "0.02"};
        Future<ToolRun> first = start(publisher, args);
        for (int i = 0; i < 6; i++) {
            live.add("2.002", i == 3).writeInPlace();
            Published.awaitSegments(publisher, i + 1);
        }
        first.cancel(true); // killed half-way
        stopRuns();
        executors.clear();

        RecordingPublisher second = new RecordingPublisher();
        Future<ToolRun> restarted = start(second, args);
        Published.awaitSegments(second, 4); // what the playlist held at the restart
        for (int i = 6; i < 12; i++) {
            live.add("2.002").writeAtomically();
            long wanted = i;
            Published.await(second, p -> Published.segments(p).stream().anyMatch(s -> s.getSequence() == wanted),
                    "segment " + i);
        }
        live.end().writeInPlace();
        ToolRun result = finish(restarted);

        assertThat(result.exitCode()).as(result.err()).isZero();
        List<Segment> all = new ArrayList<>(Published.segments(publisher));
        all.addAll(Published.segments(second));
        assertThat(bySequence(all).values()).containsExactlyElementsOf(Published.segments(live.made(), "720p"));
        // The restart sent the window it found again (duplicates, a no-op for the pipeline), then the new ones.
        assertThat(Published.segments(second)).extracting(Segment::getSequence)
                .containsExactly(2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L);
        assertThat(Published.segments(second).subList(0, 4)).isEqualTo(Published.segments(publisher).subList(2, 6));
    }

    @Test
    void withAStateFileARestartSendsOnlyWhatIsNew() throws Exception {
        LivePlaylist live = new LivePlaylist(dir.resolve("index.m3u8"), "index", 5, 0, false);
        Path state = dir.resolve("news.state");
        for (int i = 0; i < 4; i++) {
            live.add("2");
        }
        live.writeInPlace();
        String[] args = {live.file().toString(), "--stream", "news", "--rendition", "720p", "--interval", "0.02",
            "--state-file", state.toString()};
        ToolRun once = ToolRun.run(publisher, tail(append(args, "--once")));
        assertThat(once.exitCode()).as(once.err()).isZero();
        assertThat(once.out()).contains("stopped after one read (--once)");
        assertThat(Files.readString(state)).contains("stream=news").contains("rendition.720p=3");

        RecordingPublisher second = new RecordingPublisher();
        Future<ToolRun> restarted = start(second, args);
        live.add("2").add("2").writeInPlace();
        Published.awaitSegments(second, 2);
        live.end().writeInPlace();
        ToolRun result = finish(restarted);

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(Published.segments(second)).extracting(Segment::getSequence).containsExactly(4L, 5L);
        List<Segment> all = new ArrayList<>(Published.segments(publisher));
        all.addAll(Published.segments(second));
        assertThat(all).containsExactlyElementsOf(Published.segments(live.made(), "720p"));

        ToolRun wrongStream = ToolRun.run(new RecordingPublisher(), "tail", live.file().toString(), "--stream", "other",
                "--rendition", "720p", "--state-file", state.toString());
        assertThat(wrongStream.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(wrongStream.err()).contains("belongs to stream news, not other");
    }

    @Test
    void gapsAndRefusedDurationsAreNotedNotPublishedAndTheirSequencesStayCounted() throws Exception {
        Path playlist = Files.writeString(dir.resolve("index.m3u8"), """
                #EXTM3U
                #EXT-X-TARGETDURATION:2
                #EXT-X-MEDIA-SEQUENCE:10
                #EXTINF:2,
                a.ts
                #EXT-X-GAP
                #EXTINF:2,
                b.ts
                #EXTINF:61,
                c.ts
                #EXTINF:2,
                d.ts
                """);
        Path state = dir.resolve("news.state");
        String[] args = {"tail", playlist.toString(), "--stream", "news", "--rendition", "720p", "--once",
            "--state-file", state.toString()};

        ToolRun first = ToolRun.run(publisher, args);

        assertThat(first.exitCode()).as(first.err()).isZero();
        // The sequence is the media sequence plus the position, so d.ts is #13 whatever was skipped before it.
        assertThat(Published.segments(publisher)).extracting(Segment::getSequence, Segment::getUri)
                .containsExactly(tuple(10L, "a.ts"), tuple(13L, "d.ts"));
        assertThat(first.err())
                .contains("line 8: segment #11 is marked #EXT-X-GAP; not published")
                .contains("line 10: segment #12 is not published: duration must be greater than 0 and at most "
                        + "60 s, was 61 s");
        assertThat(Files.readString(state)).contains("rendition.720p=13");

        // The transcoder's playlist is older than the state file: nothing is sent again, and the tool says why.
        Files.writeString(playlist, """
                #EXTM3U
                #EXT-X-TARGETDURATION:2
                #EXT-X-MEDIA-SEQUENCE:10
                #EXTINF:2,
                a.ts
                """);
        RecordingPublisher second = new RecordingPublisher();
        ToolRun behind = ToolRun.run(second, args);

        assertThat(behind.exitCode()).as(behind.err()).isZero();
        assertThat(second.sent).isEmpty();
        assertThat(behind.err()).contains("the state file says segment #13 of rendition 720p was published, but "
                + "the playlist ends at #10; waiting for newer segments");
    }

    @Test
    void tailingAFinishedPlaylistTwicePublishesTheSameEventsTwice() throws Exception {
        LivePlaylist live = new LivePlaylist(dir.resolve("index.m3u8"), "index", 100, 7, true);
        live.add("2").add("2", true).add("1.2").end().writeInPlace();
        RecordingPublisher again = new RecordingPublisher();

        ToolRun first = ToolRun.run(publisher, "tail", live.file().toString(), "--stream", "s", "--rendition", "r");
        ToolRun second = ToolRun.run(again, "tail", live.file().toString(), "--stream", "s", "--rendition", "r");

        assertThat(first.exitCode()).isZero();
        assertThat(second.exitCode()).isZero();
        assertThat(again.sent).isEqualTo(publisher.sent);
        assertThat(Published.segments(publisher)).extracting(Segment::getSequence).containsExactly(7L, 8L, 9L);
    }

    @Test
    void aMasterPlaylistPublishesRenditionInfoAndFollowsEveryVariant() throws Exception {
        write("live/master.m3u8", """
                #EXTM3U
                #EXT-X-VERSION:3
                #EXT-X-INDEPENDENT-SEGMENTS
                #EXT-X-STREAM-INF:BANDWIDTH=2800000,AVERAGE-BANDWIDTH=2500000,RESOLUTION=1280x720,\
                CODECS="avc1.4d401f,mp4a.40.2",FRAME-RATE=25.000
                720p/index.m3u8
                #EXT-X-STREAM-INF:BANDWIDTH=900000,RESOLUTION=640x360,CODECS="avc1.4d401e,mp4a.40.2"
                low/stream.m3u8
                """);
        LivePlaylist hd = new LivePlaylist(dir.resolve("live/720p/index.m3u8"), "seg", 4, 0, false);
        LivePlaylist sd = new LivePlaylist(dir.resolve("live/low/stream.m3u8"), "seg", 4, 0, false);
        CountingClock clock = new CountingClock();
        Future<ToolRun> run = start(publisher, clock, dir.resolve("live/master.m3u8").toString(), "--stream",
                "news", "--rendition-names", "low/stream.m3u8=360p", "--interval", "0.02");

        for (int i = 0; i < 6; i++) {
            hd.add("2").writeInPlace();
            sd.add("2").writeAtomically();
            Published.awaitSegments(publisher, 2 * (i + 1));
        }
        hd.end().writeInPlace();
        awaitMoreReads(clock, 5);
        assertThat(Published.ends(publisher)).as("the stream ends when every rendition has").isZero();
        sd.add("1").end().writeInPlace();
        ToolRun result = finish(run);

        assertThat(result.exitCode()).as(result.err()).isZero();
        List<Object> payloads = Published.payloads(publisher);
        assertThat(payloads.subList(0, 2)).containsExactly(
                RenditionInfo.newBuilder().setRendition("720p").setBandwidth(2_800_000L)
                        .setAverageBandwidth(2_500_000L).setResolution("1280x720")
                        .setCodecs("avc1.4d401f,mp4a.40.2").setFrameRate(25.0).build(),
                RenditionInfo.newBuilder().setRendition("360p").setBandwidth(900_000L).setAverageBandwidth(null)
                        .setResolution("640x360").setCodecs("avc1.4d401e,mp4a.40.2").setFrameRate(null).build());
        assertThat(Published.segments(publisher, "720p"))
                .containsExactlyElementsOf(withUriPrefix(Published.segments(hd.made(), "720p"), "720p/"));
        assertThat(Published.segments(publisher, "360p"))
                .containsExactlyElementsOf(withUriPrefix(Published.segments(sd.made(), "360p"), "low/"));
        assertThat(payloads.get(payloads.size() - 1)).isInstanceOf(EndOfStream.class);
        assertThat(Published.ends(publisher)).isOne();
    }

    @Test
    void overHttpRelativeUrisArePublishedAbsoluteSoPlayersCanFetchThem() throws Exception {
        write("www/live/master.m3u8", """
                #EXTM3U
                #EXT-X-STREAM-INF:BANDWIDTH=1000000
                hi/index.m3u8
                """);
        new LivePlaylist(dir.resolve("www/live/hi/index.m3u8"), "seg", 10, 0, false)
                .add("2").add("2").end().writeInPlace();
        try (StaticServer server = StaticServer.serve(dir.resolve("www"))) {
            ToolRun result = ToolRun.run(publisher, "tail", server.url("/live/master.m3u8"), "--stream", "news",
                    "--interval", "0.02");

            assertThat(result.exitCode()).as(result.err()).isZero();
            assertThat(Published.renditionInfos(publisher)).extracting(RenditionInfo::getRendition)
                    .containsExactly("hi");
            assertThat(Published.segments(publisher)).extracting(Segment::getUri)
                    .containsExactly(server.url("/live/hi/seg0.ts"), server.url("/live/hi/seg1.ts"));

            RecordingPublisher based = new RecordingPublisher();
            ToolRun withBase = ToolRun.run(based, "tail", server.url("/live/hi/index.m3u8"), "--stream", "news",
                    "--rendition", "hi", "--base-url", "https://cdn.example/news/720p");
            assertThat(withBase.exitCode()).as(withBase.err()).isZero();
            assertThat(Published.segments(based)).extracting(Segment::getUri)
                    .containsExactly("https://cdn.example/news/720p/seg0.ts", "https://cdn.example/news/720p/seg1.ts");

            ToolRun missing = ToolRun.run(new RecordingPublisher(), "tail", server.url("/live/nope.m3u8"),
                    "--stream", "news", "--rendition", "hi", "--wait", "0.2");
            assertThat(missing.exitCode()).isEqualTo(ExitCodes.INPUT);
            assertThat(missing.err()).contains("/live/nope.m3u8 was not found (HTTP 404) (waited 0.2 s, see --wait)");
        }
    }

    @Test
    void aBaseUrlMakesFileUrisAbsoluteAndAbsoluteUrisAreKept() throws Exception {
        Path playlist = write("index.m3u8", """
                #EXTM3U
                #EXT-X-TARGETDURATION:2
                #EXTINF:2.0,
                seg0.ts
                #EXTINF:2.0,
                ../other/seg1.ts
                #EXTINF:2.0,
                https://origin.example/seg2.ts
                #EXT-X-ENDLIST
                """);

        ToolRun result = ToolRun.run(publisher, "tail", playlist.toString(), "--stream", "news", "--rendition",
                "720p", "--base-url", "http://127.0.0.1:8080/media/live/");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(Published.segments(publisher)).extracting(Segment::getUri).containsExactly(
                "http://127.0.0.1:8080/media/live/seg0.ts", "http://127.0.0.1:8080/media/other/seg1.ts",
                "https://origin.example/seg2.ts");
    }

    @Test
    void aHalfWrittenLineIsNeverPublished() throws Exception {
        String complete = """
                #EXTM3U
                #EXT-X-TARGETDURATION:2
                #EXT-X-MEDIA-SEQUENCE:40
                #EXTINF:2.000000,
                seg40.ts
                #EXTINF:2.000000,
                seg41.ts
                """;
        Path playlist = write("index.m3u8", complete.substring(0, complete.length() - 4)); // "...seg41"
        String[] args = {"tail", playlist.toString(), "--stream", "news", "--rendition", "720p", "--once"};

        ToolRun partial = ToolRun.run(publisher, args);
        Files.writeString(playlist, complete.substring(0, complete.indexOf("seg41")));   // "#EXTINF" but no URI
        ToolRun extinfOnly = ToolRun.run(publisher, args);
        Files.writeString(playlist, complete);
        ToolRun whole = ToolRun.run(publisher, args);

        assertThat(List.of(partial.exitCode(), extinfOnly.exitCode(), whole.exitCode())).containsOnly(0);
        assertThat(Published.segments(publisher)).extracting(Segment::getUri)
                .containsExactly("seg40.ts", "seg40.ts", "seg40.ts", "seg41.ts");
        assertThat(Published.segments(publisher)).extracting(Segment::getSequence)
                .containsExactly(40L, 40L, 40L, 41L);
    }

    @Test
    void fmp4SegmentsArePublishedWithTheirInitialisationSection() throws Exception {
        LivePlaylist live = new LivePlaylist(dir.resolve("index.m3u8"), "seg", 3, 0, false).withMap("init.mp4");
        live.add("2").writeInPlace();
        Future<ToolRun> run = start(publisher, live.file().toString(), "--stream", "news", "--rendition", "720p",
                "--interval", "0.02");
        Published.awaitSegments(publisher, 1);
        live.add("2").add("2").writeInPlace();
        Published.awaitSegments(publisher, 3);
        live.end().writeInPlace();
        ToolRun result = finish(run);

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(Published.segments(publisher)).extracting(Segment::getUri)
                .containsExactly("seg0.m4s", "seg1.m4s", "seg2.m4s");
        // Published like the segment URIs: relative to the playlist's folder, as the playlist wrote it.
        assertThat(Published.segments(publisher)).extracting(segment -> segment.getMap().getUri())
                .containsOnly("init.mp4");
        assertThat(result.err()).doesNotContain("note");
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "not a playlist\\n| line 1: not an HLS playlist: the first line must be #EXTM3U",
        "#EXTM3U\\n#EXT-X-TARGETDURATION:2\\n#EXTINF:abc,\\nseg0.ts\\n| line 3: #EXTINF must be <duration>,[<title>]",
        "#EXTM3U\\n#EXT-X-TARGETDURATION:two\\n| line 2: #EXT-X-TARGETDURATION must be a decimal integer, was 'two'",
        "#EXTM3U\\n#EXT-X-TARGETDURATION:2\\nseg0.ts\\n| line 3: URI line 'seg0.ts' has no #EXTINF before it",
        "#EXTM3U\\n#EXTINF:2,\\nseg0.ts\\n| #EXT-X-TARGETDURATION is missing",
        "#EXTM3U\\n#EXT-X-TARGETDURATION:2\\n#EXTINF:2,\\n#EXT-X-BYTERANGE:100\\nall.ts\\n"
                + "| line 5: #EXT-X-BYTERANGE without an offset must follow a sub-range of the same resource",
        "#EXTM3U\\n#EXT-X-TARGETDURATION:2\\n#EXT-X-KEY:METHOD=AES-256,URI=\"k\"\\n"
                + "| line 3: key method must be AES-128, SAMPLE-AES or SAMPLE-AES-CTR, was 'AES-256'",
        "#EXTM3U\\n#EXT-X-TARGETDURATION:2\\n#EXT-X-PROGRAM-DATE-TIME:2026-11-21T20:00:00\\n#EXTINF:2,\\ns.ts\\n"
                + "| line 3: #EXT-X-PROGRAM-DATE-TIME must be an ISO 8601 date-time with a time zone",
        "#EXTM3U\\n#EXT-X-TARGETDURATION:2\\n#EXTINF:2,\\nseg 0.ts\\n"
                + "| line 4: segment URI 'seg 0.ts' cannot be published: URI contains a space",
        "#EXTM3U\\n#EXT-X-STREAM-INF:RESOLUTION=1280x720\\nhi.m3u8\\n"
                + "| line 2: #EXT-X-STREAM-INF: the BANDWIDTH attribute is required",
        "#EXTM3U\\n#EXT-X-STREAM-INF:BANDWIDTH=1,CODECS=avc1\\nhi.m3u8\\n"
                + "| line 2: #EXT-X-STREAM-INF: CODECS must be a quoted string",
        "#EXTM3U\\n#EXT-X-TARGETDURATION:2\\n#EXT-X-STREAM-INF:BANDWIDTH=1\\n"
                + "| line 3: #EXT-X-STREAM-INF is a master playlist tag, but #EXT-X-TARGETDURATION at line 2"
    })
    void aMalformedPlaylistIsAClearErrorNamingTheLineWithExitCode5(String text, String message) throws Exception {
        Path playlist = write("bad.m3u8", text.replace("\\n", "\n"));

        ToolRun result = ToolRun.run(publisher, "tail", playlist.toString(), "--stream", "news", "--rendition", "720p",
                "--interval", "0.02");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(result.err()).startsWith("producer-tools tail: " + playlist).contains(message)
                .doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(result.err().lines()).hasSize(1);
        assertThat(publisher.sent).isEmpty();
    }

    @Test
    void aPlaylistThatTurnsMalformedEndsTheRunAfterRepeatedReads() throws Exception {
        LivePlaylist live = new LivePlaylist(dir.resolve("index.m3u8"), "seg", 3, 0, false);
        live.add("2").add("2").writeInPlace();
        Future<ToolRun> run = start(publisher, live.file().toString(), "--stream", "news", "--rendition", "720p",
                "--interval", "0.05");
        Published.awaitSegments(publisher, 2);
        Files.writeString(live.file(), live.text().replace("#EXTINF:2.000000,", "#EXTINF:2.000000s,"));
        ToolRun result = finish(run);

        assertThat(result.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(result.err()).contains("index.m3u8 line 5: #EXTINF must be").doesNotContain("\tat ");
        assertThat(Published.segments(publisher)).hasSize(2);
        assertThat(Published.ends(publisher)).isZero();
    }

    @Test
    void aMissingPlaylistIsWaitedForThenAnErrorWithExitCode5() {
        long started = System.nanoTime();
        ToolRun result = ToolRun.run(publisher, "tail", dir.resolve("nowhere/index.m3u8").toString(), "--stream",
                "news", "--rendition", "720p", "--wait", "0.3");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(System.nanoTime() - started).isGreaterThanOrEqualTo(300_000_000L);
        assertThat(result.err()).isEqualTo("producer-tools tail: " + dir.resolve("nowhere/index.m3u8")
                + " does not exist (waited 0.3 s, see --wait)" + System.lineSeparator());
        assertThat(publisher.sent).isEmpty();
    }

    @Test
    void aPlaylistThatStartsOverIsRefusedInsteadOfPublishingConflicts() throws Exception {
        LivePlaylist live = new LivePlaylist(dir.resolve("index.m3u8"), "a", 10, 0, false);
        live.add("2").add("2").writeInPlace();
        Future<ToolRun> run = start(publisher, live.file().toString(), "--stream", "news", "--rendition", "720p",
                "--interval", "0.02");
        Published.awaitSegments(publisher, 2);
        new LivePlaylist(live.file(), "b", 10, 0, false).add("2").writeAtomically(); // the transcoder restarted
        ToolRun sameSequence = finish(run);

        assertThat(sameSequence.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(sameSequence.err()).contains("line 6: segment #0 is now b0.ts but was published as a0.ts: the "
                + "transcoder started the playlist over");

        LivePlaylist sliding = new LivePlaylist(dir.resolve("slide.m3u8"), "c", 2, 0, false);
        sliding.add("2").add("2").add("2").add("2").writeInPlace();
        RecordingPublisher other = new RecordingPublisher();
        Future<ToolRun> second = start(other, sliding.file().toString(), "--stream", "news", "--rendition", "720p",
                "--interval", "0.02");
        Published.awaitSegments(other, 2);
        new LivePlaylist(sliding.file(), "c", 2, 0, false).add("2").writeAtomically();
        ToolRun wentBack = finish(second);

        assertThat(wentBack.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(wentBack.err()).contains("#EXT-X-MEDIA-SEQUENCE went back from 2 to 0");
    }

    @Test
    void aKafkaFailureStopsTheRunWithItsExitCodeAndTheStateFileKeepsWhatWasAcknowledged() throws Exception {
        LivePlaylist live = new LivePlaylist(dir.resolve("index.m3u8"), "seg", 10, 0, false);
        live.add("2").add("2").add("2").add("2").end().writeInPlace();
        Path state = dir.resolve("state");
        RecordingPublisher failing = new RecordingPublisher().failingAfter(2, new PublishException(
                PublishException.Failure.UNAVAILABLE, "Kafka at 127.0.0.1:9092 did not take the record"));
        String[] args = {"tail", live.file().toString(), "--stream", "news", "--rendition", "720p", "--state-file",
            state.toString()};

        ToolRun broken = ToolRun.run(failing, args);
        ToolRun resumed = ToolRun.run(publisher, args);

        assertThat(broken.exitCode()).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(broken.err()).isEqualTo("producer-tools tail: Kafka at 127.0.0.1:9092 did not take the record"
                + System.lineSeparator());
        assertThat(resumed.exitCode()).isZero();
        assertThat(Published.segments(publisher)).extracting(Segment::getSequence).containsExactly(2L, 3L);
        assertThat(Published.ends(publisher)).isOne();
    }

    @Test
    void anIdleTimeoutEndsARunWhoseTranscoderStopped() throws Exception {
        LivePlaylist live = new LivePlaylist(dir.resolve("index.m3u8"), "seg", 3, 0, false);
        live.add("2").writeInPlace();

        ToolRun result = ToolRun.run(publisher, "tail", live.file().toString(), "--stream", "news", "--rendition",
                "720p", "--interval", "0.02", "--idle-timeout", "0.3");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(result.err()).contains("no new segment for 0.3 s (--idle-timeout)")
                .contains("producer-tools end --stream news");
        assertThat(Published.segments(publisher)).hasSize(1);
    }

    @Test
    void renditionOptionsMustFitThePlaylist() throws Exception {
        Path media = write("index.m3u8", "#EXTM3U\n#EXT-X-TARGETDURATION:2\n#EXTINF:2,\ns.ts\n#EXT-X-ENDLIST\n");
        Path master = write("master.m3u8", """
                #EXTM3U
                #EXT-X-STREAM-INF:BANDWIDTH=1000
                a/index.m3u8
                #EXT-X-STREAM-INF:BANDWIDTH=2000
                b/x/index.m3u8
                #EXT-X-STREAM-INF:BANDWIDTH=3000
                c/x/index.m3u8
                """);

        ToolRun noName = ToolRun.run(publisher, "tail", media.toString(), "--stream", "news");
        ToolRun nameOnMaster = ToolRun.run(publisher, "tail", master.toString(), "--stream", "news", "--rendition",
                "hi", "--wait", "0");
        ToolRun sameNames = ToolRun.run(publisher, "tail", master.toString(), "--stream", "news");
        ToolRun unknownVariant = ToolRun.run(publisher, "tail", master.toString(), "--stream", "news",
                "--rendition-names", "d/index.m3u8=hd");
        ToolRun badBase = ToolRun.run(publisher, "tail", media.toString(), "--stream", "news", "--rendition", "r",
                "--base-url", "ftp://x/");

        assertThat(List.of(noName, nameOnMaster, sameNames, unknownVariant, badBase))
                .extracting(ToolRun::exitCode).containsOnly(ExitCodes.USAGE);
        assertThat(noName.err()).contains("is a media playlist: name its rendition with --rendition");
        assertThat(nameOnMaster.err()).contains("is a master playlist");
        assertThat(sameNames.err()).contains("line 7: the variant c/x/index.m3u8 would be named x like an earlier "
                + "one; name the variants with --rendition-names");
        assertThat(unknownVariant.err()).contains("--rendition-names names d/index.m3u8, which")
                .contains("its variants are a/index.m3u8, b/x/index.m3u8, c/x/index.m3u8");
        assertThat(badBase.err()).contains("--base-url must be an absolute http(s) URL");
        assertThat(publisher.sent).isEmpty();
    }

    @Test
    void helpDescribesEveryOption() {
        ToolRun help = ToolRun.run(publisher, "tail", "--help");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("<playlist>", "--stream=<id>", "--rendition=<name>", "--rendition-names",
                "--base-url", "--interval", "--wait", "--idle-timeout", "--state-file", "--once", "--quiet",
                "--bootstrap-servers");
        assertThat(Arrays.asList(help.out().split("\n"))).noneMatch(line -> line.length() > 130);
    }

    private static String[] append(String[] args, String... more) {
        String[] all = Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return all;
    }
}
