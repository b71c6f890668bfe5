package org.hlspipeline.queryapi.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.hlspipeline.queryapi.e2e.PublishedEvents.PublishedSegment;
import org.hlspipeline.processor.hls.HlsPlaylistParser;
import org.hlspipeline.processor.hls.ParsedMediaPlaylist;
import org.hlspipeline.processor.hls.ParsedSegment;
import org.hlspipeline.schemas.stream.StreamEvent;
import org.hlspipeline.queryapi.testing.HttpPlaylists;
import org.hlspipeline.queryapi.testing.PipelineInstance;
import org.hlspipeline.queryapi.testing.TestKafka;
import org.hlspipeline.queryapi.testing.TestPipeline;
import org.hlspipeline.queryapi.testing.ToolProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code producer-tools tail} against ffmpeg writing a live stream: what it publishes is exactly what ffmpeg wrote.
 *
 * <p>ffmpeg writes 21 s in real time ({@link TestMedia#liveWithRecord}): a live playlist of 4 segments that slides
 * and deletes what slid out, as a transcoder serves it, and from the same encode a record of every segment. The
 * tool follows the live playlist only; the record, read with the tests' own HLS reader ({@link HlsPlaylistParser},
 * not the tool's), is what it must have published: every segment once, with ffmpeg's sequence number
 * (MEDIA-SEQUENCE plus position, counted from 40 here), URI and EXTINF, then one EndOfStream. The tool runs as
 * its own process ({@code java -jar producer-tools.jar}), so it can be killed like a crashed one. The app's
 * window is widened for these streams, so that its final playlist shows every segment too.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TailExactIT {

    private static final int SECONDS = 21;
    private static final int LIVE_LIST_SIZE = 4;
    private static final long START_NUMBER = 40;
    private static final String WHOLE = "tail-whole";
    private static final String RESTARTED = "tail-restarted";

    private TestPipeline pipeline;
    private PipelineInstance app;
    private PublishedEvents published;

    @BeforeAll
    void start(@TempDir Path dataDir) {
        pipeline = TestPipeline.unique("tail-exact");
        app = PipelineInstance.start(pipeline, dataDir, Map.of(
                "hls.stream.window-sizes." + WHOLE, "64",
                "hls.stream.window-sizes." + RESTARTED, "64"));
        published = new PublishedEvents(pipeline.streamEvents());
    }

    @AfterAll
    void stop() {
        if (published != null) {
            published.close();
        }
        if (app != null) {
            app.close();
        }
    }

    @Test
    void everySegmentFfmpegWroteIsPublishedOnceWithItsSequenceUriAndDuration(@TempDir Path folder)
            throws Exception {
        try (Ffmpeg.Running ffmpeg = TestMedia.liveWithRecord(folder, SECONDS, LIVE_LIST_SIZE, START_NUMBER);
             ToolProcess tail = ToolProcess.start(folder, "tail", tailArguments(folder, WHOLE))) {
            assertThat(tail.awaitExit(Duration.ofSeconds(SECONDS + 30))).as("tail's exit code; stderr:%n%s",
                    tail.err()).isZero();
            assertThat(ffmpeg.awaitExit(Duration.ofSeconds(15)).exitCode()).isZero();
        }
        List<PublishedSegment> written = written(folder, WHOLE);
        assertThat(written).as("ffmpeg's segments").hasSize((SECONDS + 1) / 2);
        assertThat(written.get(written.size() - 1).durationMicros()).as("the last one is shorter")
                .isEqualTo(1_000_000L);

        List<StreamEvent> events = published.allOf(WHOLE);
        assertThat(PublishedEvents.segments(events)).containsExactlyElementsOf(written);
        assertThat(events).filteredOn(PublishedEvents::isEnd).hasSize(1);
        assertThat(PublishedEvents.isEnd(events.get(events.size() - 1))).as("EndOfStream comes last").isTrue();
        assertThat(playlistOf(WHOLE)).containsExactlyElementsOf(written);
    }

    @Test
    void aTailKilledHalfWayAndStartedAgainWithItsStateFilePublishesTheSameSegments(@TempDir Path folder)
            throws Exception {
        int firstRun;
        try (Ffmpeg.Running ffmpeg = TestMedia.liveWithRecord(folder, SECONDS, LIVE_LIST_SIZE, START_NUMBER)) {
            try (ToolProcess first = ToolProcess.start(folder, "tail-1", tailArguments(folder, RESTARTED))) {
                published.awaitThat(RESTARTED, "4 segments published by the first tail", Duration.ofSeconds(40),
                        events -> PublishedEvents.segments(events).size() >= 4);
                first.kill();
            }
            firstRun = PublishedEvents.segments(published.allOf(RESTARTED)).size();
            // ffmpeg finishes another segment while no tail runs: the restarted one has to catch up with it.
            int writtenAtKill = segmentsInRecord(folder);
            await("ffmpeg writes a segment while tail is down").atMost(Duration.ofSeconds(10))
                    .pollInterval(Duration.ofMillis(100)).until(() -> segmentsInRecord(folder) > writtenAtKill);
            try (ToolProcess second = ToolProcess.start(folder, "tail-2", tailArguments(folder, RESTARTED))) {
                assertThat(second.awaitExit(Duration.ofSeconds(SECONDS + 30)))
                        .as("the second tail's exit code; stderr:%n%s", second.err()).isZero();
            }
            assertThat(ffmpeg.awaitExit(Duration.ofSeconds(15)).exitCode()).isZero();
        }
        List<PublishedSegment> written = written(folder, RESTARTED);
        assertThat(firstRun).as("killed half way").isBetween(4, written.size() - 2);

        List<StreamEvent> events = published.allOf(RESTARTED);
        List<PublishedSegment> segments = PublishedEvents.segments(events);
        List<PublishedSegment> beforeKill = segments.subList(0, firstRun);
        List<PublishedSegment> afterRestart = segments.subList(firstRun, segments.size());
        assertThat(beforeKill).containsExactlyElementsOf(written.subList(0, firstRun));
        // The restart goes on from what the state file says was acknowledged: right after the first run's last
        // segment, or with that one again if the kill came between Kafka's acknowledgement and the state file's
        // rename (a duplicate the pipeline ignores). Never the window again, never a gap.
        assertThat(afterRestart).isIn(written.subList(firstRun, written.size()),
                written.subList(firstRun - 1, written.size()));
        assertThat(events).filteredOn(PublishedEvents::isEnd).hasSize(1);
        assertThat(PublishedEvents.isEnd(events.get(events.size() - 1))).as("EndOfStream comes last").isTrue();
        assertThat(playlistOf(RESTARTED)).containsExactlyElementsOf(written);
    }

    private List<String> tailArguments(Path folder, String stream) {
        return List.of("tail", folder.resolve("live").resolve("index.m3u8").toString(),
                "--stream", stream, "--rendition", TestMedia.LIVE_RENDITION,
                "--base-url", baseUrl(stream),
                "--state-file", folder.resolve("tail.state").toString(),
                "--bootstrap-servers", TestKafka.bootstrapServers(), "--topic", pipeline.streamEvents());
    }

    /** Where players would fetch the stream's segments; never fetched here. */
    private static String baseUrl(String stream) {
        return "http://media.test/" + stream + "/";
    }

    /** Every segment in ffmpeg's record, as tail must publish it: its URI resolved against the base URL. */
    private static List<PublishedSegment> written(Path folder, String stream) throws IOException {
        ParsedMediaPlaylist record = HlsPlaylistParser.parseMedia(
                Files.readString(folder.resolve("all").resolve("index.m3u8"), StandardCharsets.UTF_8));
        assertThat(record.ended()).as("ffmpeg finished its record").isTrue();
        assertThat(record.mediaSequence()).isEqualTo(START_NUMBER);
        return asPublished(record, URI.create(baseUrl(stream)));
    }

    /** The app's final media playlist, in the same terms. */
    private List<PublishedSegment> playlistOf(String stream) {
        String text = await(stream + "'s playlist ends").atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> HttpPlaylists.playlist(app.http(), stream, TestMedia.LIVE_RENDITION),
                        playlist -> playlist.contains("#EXT-X-ENDLIST"));
        return asPublished(HlsPlaylistParser.parseMedia(text), null);
    }

    private static List<PublishedSegment> asPublished(ParsedMediaPlaylist playlist, URI base) {
        List<PublishedSegment> segments = new ArrayList<>();
        for (ParsedSegment segment : playlist.segments()) {
            String uri = base == null ? segment.uri() : base.resolve(segment.uri()).toString();
            segments.add(new PublishedSegment(TestMedia.LIVE_RENDITION, segment.mediaSequence(), uri,
                    segment.duration().movePointRight(6).longValueExact()));
        }
        return segments;
    }

    /** How many segments ffmpeg's record lists so far (counting complete URI lines of a file being rewritten). */
    private static int segmentsInRecord(Path folder) throws IOException {
        try {
            String text = Files.readString(folder.resolve("all").resolve("index.m3u8"), StandardCharsets.UTF_8);
            int complete = text.lastIndexOf('\n') + 1;
            return (int) text.substring(0, complete).lines().filter(line -> line.endsWith(".ts")).count();
        } catch (NoSuchFileException e) {
            return 0;
        }
    }
}
