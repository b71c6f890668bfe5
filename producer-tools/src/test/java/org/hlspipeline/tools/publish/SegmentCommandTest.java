package org.hlspipeline.tools.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.hlspipeline.schemas.stream.Segment;
import org.hlspipeline.schemas.stream.StreamEvent;
import org.hlspipeline.tools.RecordingPublisher;
import org.hlspipeline.tools.ToolRun;
import org.hlspipeline.tools.cli.ExitCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class SegmentCommandTest {

    private final RecordingPublisher publisher = new RecordingPublisher();

    /** A valid segment command line; {@code overrides} replace an option's value or add options and flags. */
    private static String[] segment(String... overrides) {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("--stream", "news");
        options.put("--rendition", "720p");
        options.put("--sequence", "42");
        options.put("--duration", "2.002");
        options.put("--path", "https://cdn.example/news/720p/seg42.ts");
        List<String> flags = new ArrayList<>();
        for (int i = 0; i < overrides.length; i++) {
            boolean flag = i + 1 == overrides.length || overrides[i + 1].startsWith("--");
            if (flag) {
                flags.add(overrides[i]);
            } else {
                options.put(overrides[i], overrides[++i]);
            }
        }
        List<String> args = new ArrayList<>(List.of("segment"));
        options.forEach((name, value) -> args.addAll(List.of(name, value)));
        args.addAll(flags);
        return args.toArray(String[]::new);
    }

    @Test
    void publishesOneSegmentEventKeyedByStreamAndPrintsWhereItLanded() {
        ToolRun run = ToolRun.run(publisher, segment());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).isEqualTo("published segment news/720p #42 to hls.stream-events[3]@17"
                + System.lineSeparator());
        // No app to ask (SegmentAppCheckTest): published, with the note that the stream's state was not checked.
        assertThat(run.err()).startsWith("producer-tools segment: could not check whether stream news has ended");
        assertThat(publisher.sent).hasSize(1);
        RecordingPublisher.Sent sent = publisher.sent.get(0);
        assertThat(sent.topic()).isEqualTo("hls.stream-events");
        assertThat(sent.key()).isEqualTo("news");
        StreamEvent expected = StreamEvent.newBuilder()
                .setStreamId("news")
                .setEventId(null)
                .setPayload(Segment.newBuilder()
                        .setRendition("720p")
                        .setSequence(42)
                        .setDurationMicros(2_002_000)
                        .setUri("https://cdn.example/news/720p/seg42.ts")
                        .setProgramDateTime(null)
                        .setDiscontinuity(false)
                        .build())
                .build();
        assertThat(sent.value()).isEqualTo(expected);
        assertThat(publisher.closed).isEqualTo(1);
    }

    @Test
    void carriesProgramDateTimeToTheMillisecondDiscontinuityAndEventId() {
        ToolRun run = ToolRun.run(publisher, segment("--program-date-time", "2026-11-21T21:00:00.123456+01:00",
                "--discontinuity", "--event-id", "enc-7.42"));

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        StreamEvent event = (StreamEvent) publisher.sent.get(0).value();
        Segment segment = (Segment) event.getPayload();
        assertThat(segment.getProgramDateTime()).isEqualTo(Instant.parse("2026-11-21T20:00:00.123Z"));
        assertThat(segment.getDiscontinuity()).isTrue();
        assertThat(event.getEventId()).isEqualTo("enc-7.42");
    }

    @ParameterizedTest(name = "{0} s = {1} µs")
    @CsvSource({
        "2, 2000000",
        "2.002, 2002000",
        "6.0060059, 6006006",
        "0.0000005, 1",
        "60, 60000000",
        "60.0000004, 60000000"
    })
    void convertsDecimalSecondsToMicrosecondsRoundingHalfUp(String seconds, long micros) {
        ToolRun run = ToolRun.run(publisher, segment("--duration", seconds));

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        Segment segment = (Segment) ((StreamEvent) publisher.sent.get(0).value()).getPayload();
        assertThat(segment.getDurationMicros()).isEqualTo(micros);
    }

    @Test
    void acceptsTheLargestSequenceAndARelativePath() {
        ToolRun run = ToolRun.run(publisher, segment("--sequence", "9007199254740992", "--path", "720p/seg-1.ts"));

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        Segment segment = (Segment) ((StreamEvent) publisher.sent.get(0).value()).getPayload();
        assertThat(segment.getSequence()).isEqualTo(1L << 53);
        assertThat(segment.getUri()).isEqualTo("720p/seg-1.ts");
    }

    static Stream<Arguments> invalidSegments() {
        return Stream.of(
                Arguments.of(new String[] {"--stream", "news feed"}, "stream must match"),
                Arguments.of(new String[] {"--stream", "-news"}, "stream must match"),
                Arguments.of(new String[] {"--rendition", "720p/hi"}, "rendition must match"),
                Arguments.of(new String[] {"--sequence", "-1"}, "sequence must be 0 to 2^53"),
                Arguments.of(new String[] {"--sequence", "9007199254740993"}, "sequence must be 0 to 2^53"),
                Arguments.of(new String[] {"--sequence", "forty-two"}, "Invalid value for option '--sequence'"),
                Arguments.of(new String[] {"--duration", "0"}, "duration must be greater than 0 and at most 60"),
                Arguments.of(new String[] {"--duration", "0.0000004"}, "duration must be greater than 0"),
                Arguments.of(new String[] {"--duration", "60.000001"}, "at most 60 s, was 60.000001 s"),
                Arguments.of(new String[] {"--duration", "-2"}, "duration must be greater than 0"),
                Arguments.of(new String[] {"--duration", "2s"}, "'2s' is not a number of seconds"),
                Arguments.of(new String[] {"--path", "seg42.ts\n#EXT-X-ENDLIST"}, "contains control character U+000A"),
                Arguments.of(new String[] {"--path", "seg\u2028.ts"}, "contains line separator U+2028"),
                Arguments.of(new String[] {"--path", "seg 42.ts"}, "contains a space"),
                Arguments.of(new String[] {"--path", "#EXT-X-ENDLIST"}, "starts with '#'"),
                Arguments.of(new String[] {"--path", "ftp://cdn.example/seg.ts"}, "only http and https"),
                Arguments.of(new String[] {"--path", "https:///seg.ts"}, "has no host after https://"),
                Arguments.of(new String[] {"--path", "//cdn.example/seg.ts"}, "absolute http(s) URI"),
                Arguments.of(new String[] {"--path", "x".repeat(2049)}, "2049 characters long, more than 2048"),
                Arguments.of(new String[] {"--program-date-time", "yesterday"}, "not an ISO-8601 instant"),
                Arguments.of(new String[] {"--event-id", "a/b"}, "event id must match"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("invalidSegments")
    void refusesInvalidInputWithExitCode2BeforeConnecting(String[] override, String message) {
        ToolRun run = ToolRun.run(publisher, segment(override));

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).startsWith("producer-tools segment: ").contains(message)
                .contains("Try 'producer-tools segment --help' for more information.")
                .doesNotContain("\tat ");
        assertThat(run.out()).isEmpty();
        assertThat(publisher.opened).isEmpty();
        assertThat(publisher.sent).isEmpty();
    }

    @Test
    void namesEveryMissingRequiredOption() {
        ToolRun run = ToolRun.run(publisher, "segment", "--stream", "news");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("Missing required options")
                .contains("--rendition").contains("--sequence").contains("--duration").contains("--path");
        assertThat(publisher.opened).isEmpty();
    }

    @Test
    void rejectedInputNeverEchoesAControlCharacterToTheTerminal() {
        ToolRun run = ToolRun.run(publisher, segment("--stream", "news\u001b[2J"));

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("stream must match").contains("\\u001B").doesNotContain("\u001b");
    }
}
