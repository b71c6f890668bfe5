package org.hlspipeline.tools.publish;

import static org.assertj.core.api.Assertions.assertThat;

import org.hlspipeline.schemas.stream.RenditionInfo;
import org.hlspipeline.schemas.stream.StreamEvent;
import org.hlspipeline.tools.RecordingPublisher;
import org.hlspipeline.tools.ToolRun;
import org.hlspipeline.tools.cli.ExitCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RenditionInfoCommandTest {

    private final RecordingPublisher publisher = new RecordingPublisher();

    @Test
    void publishesRenditionInfoKeyedByStream() {
        ToolRun run = ToolRun.run(publisher, "rendition-info", "--stream", "news", "--rendition", "720p",
                "--bandwidth", "2800000", "--average-bandwidth", "2500000", "--resolution", "1280x720",
                "--codecs", "avc1.4d401f,mp4a.40.2", "--frame-rate", "29.97", "--event-id", "enc-1");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("published rendition info news/720p to hls.stream-events[3]@17"
                + System.lineSeparator());
        assertThat(publisher.sent).singleElement().satisfies(sent -> {
            assertThat(sent.key()).isEqualTo("news");
            assertThat(sent.value()).isEqualTo(StreamEvent.newBuilder()
                    .setStreamId("news")
                    .setEventId("enc-1")
                    .setPayload(RenditionInfo.newBuilder()
                            .setRendition("720p")
                            .setBandwidth(2_800_000L)
                            .setAverageBandwidth(2_500_000L)
                            .setResolution("1280x720")
                            .setCodecs("avc1.4d401f,mp4a.40.2")
                            .setFrameRate(29.97)
                            .build())
                    .build());
        });
    }

    @Test
    void optionalAttributesMayBeLeftOut() {
        ToolRun run = ToolRun.run(publisher, "rendition-info", "--stream", "news", "--rendition", "audio",
                "--bandwidth", "128000");

        assertThat(run.exitCode()).as(run.err()).isZero();
        RenditionInfo info = (RenditionInfo) ((StreamEvent) publisher.sent.get(0).value()).getPayload();
        assertThat(info.getAverageBandwidth()).isNull();
        assertThat(info.getResolution()).isNull();
        assertThat(info.getCodecs()).isNull();
        assertThat(info.getFrameRate()).isNull();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "--bandwidth, 0, bandwidth must be greater than 0",
        "--average-bandwidth, -5, averageBandwidth must be greater than 0",
        "--resolution, 1280*720, resolution must be WIDTHxHEIGHT",
        "--codecs, 'avc1\"', codecs must be an RFC 6381 list",
        "--frame-rate, 0, frameRate must be greater than 0 and at most 1000",
        "--rendition, 720p/hi, rendition must match"
    })
    void refusesInvalidAttributesWithExitCode2BeforeConnecting(String option, String value, String message) {
        java.util.Map<String, String> options = new java.util.LinkedHashMap<>();
        options.put("--stream", "news");
        options.put("--rendition", "720p");
        options.put("--bandwidth", "1000");
        options.put(option, value);
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("rendition-info"));
        options.forEach((name, given) -> args.addAll(java.util.List.of(name, given)));

        ToolRun run = ToolRun.run(publisher, args.toArray(String[]::new));

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).startsWith("producer-tools rendition-info: ").contains(message);
        assertThat(publisher.opened).isEmpty();
    }
}
