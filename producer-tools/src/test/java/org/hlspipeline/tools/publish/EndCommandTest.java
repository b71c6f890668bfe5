package org.hlspipeline.tools.publish;

import static org.assertj.core.api.Assertions.assertThat;

import org.hlspipeline.schemas.stream.EndOfStream;
import org.hlspipeline.schemas.stream.StreamEvent;
import org.hlspipeline.tools.RecordingPublisher;
import org.hlspipeline.tools.ToolRun;
import org.hlspipeline.tools.cli.ExitCodes;
import org.junit.jupiter.api.Test;

class EndCommandTest {

    private final RecordingPublisher publisher = new RecordingPublisher()
            .answering(new Delivery("hls.stream-events", 5, 99));

    @Test
    void publishesEndOfStreamWithItsReasonKeyedByStream() {
        ToolRun run = ToolRun.run(publisher, "end", "--stream", "news", "--reason", "broadcast over");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).isEqualTo("published end of stream news to hls.stream-events[5]@99"
                + System.lineSeparator());
        assertThat(publisher.sent).singleElement().satisfies(sent -> {
            assertThat(sent.topic()).isEqualTo("hls.stream-events");
            assertThat(sent.key()).isEqualTo("news");
            assertThat(sent.value()).isEqualTo(StreamEvent.newBuilder()
                    .setStreamId("news")
                    .setEventId(null)
                    .setPayload(EndOfStream.newBuilder().setReason("broadcast over").build())
                    .build());
        });
    }

    @Test
    void reasonIsOptional() {
        ToolRun run = ToolRun.run(publisher, "end", "--stream", "news");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        StreamEvent event = (StreamEvent) publisher.sent.get(0).value();
        assertThat(((EndOfStream) event.getPayload()).getReason()).isNull();
    }

    @Test
    void refusesAnInvalidStreamIdOrAMultiLineReason() {
        ToolRun badId = ToolRun.run(publisher, "end", "--stream", "news!");
        ToolRun badReason = ToolRun.run(publisher, "end", "--stream", "news", "--reason", "over\r\nand out");

        assertThat(badId.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(badId.err()).startsWith("producer-tools end: stream must match");
        assertThat(badReason.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(badReason.err()).startsWith("producer-tools end: reason must not contain control characters");
        assertThat(publisher.opened).isEmpty();
    }
}
