package org.hlspipeline.tools;

import static org.assertj.core.api.Assertions.assertThat;

import org.hlspipeline.tools.cli.ExitCodes;
import org.hlspipeline.tools.publish.PublishException;
import org.junit.jupiter.api.Test;

class ExitCodeTest {

    private static final String[] SEGMENT = {"segment", "--stream", "news", "--rendition", "720p",
        "--sequence", "1", "--duration", "2", "--path", "seg1.ts"};

    private static String[] with(String[] base, String... extra) {
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return args;
    }

    @Test
    void unavailableKafkaExitsWith3AndOneLineOnStderr() {
        RecordingPublisher publisher = new RecordingPublisher().failingToPublish(new PublishException(
                PublishException.Failure.UNAVAILABLE, "Kafka at 127.0.0.1:9092 did not take the record",
                new RuntimeException("cause")));

        ToolRun run = ToolRun.run(publisher, SEGMENT);

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("producer-tools segment: Kafka at 127.0.0.1:9092 did not take the record"
                + System.lineSeparator());
        assertThat(publisher.closed).isEqualTo(1);
    }

    @Test
    void refusalExitsWith4() {
        RecordingPublisher publisher = new RecordingPublisher().failingToPublish(new PublishException(
                PublishException.Failure.REFUSED, "not authorized to write to hls.stream-events"));

        ToolRun run = ToolRun.run(publisher, "end", "--stream", "news");

        assertThat(run.exitCode()).isEqualTo(4);
        assertThat(run.err()).startsWith("producer-tools end: not authorized");
    }

    @Test
    void invalidClientConfigurationExitsWith2() {
        RecordingPublisher publisher = new RecordingPublisher().failingToOpen(new PublishException(
                PublishException.Failure.INVALID_CONFIG, "invalid Kafka client configuration: bad protocol"));

        ToolRun run = ToolRun.run(publisher, SEGMENT);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("producer-tools segment: invalid Kafka client configuration: bad protocol"
                + System.lineSeparator());
        assertThat(publisher.sent).isEmpty();
    }

    @Test
    void verboseAddsTheStackTrace() {
        RecordingPublisher publisher = new RecordingPublisher().failingToPublish(new PublishException(
                PublishException.Failure.UNAVAILABLE, "no answer", new IllegalStateException("root cause")));

        ToolRun run = ToolRun.run(publisher, with(SEGMENT, "--verbose"));

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).startsWith("producer-tools segment: no answer")
                .contains("Caused by: java.lang.IllegalStateException: root cause")
                .contains("\tat ");
    }

    @Test
    void anUnexpectedExceptionIsAnInternalErrorWithExit1() {
        RecordingPublisher publisher = new RecordingPublisher().failingToPublish(new IllegalStateException("boom"));

        ToolRun quiet = ToolRun.run(publisher, SEGMENT);
        ToolRun verbose = ToolRun.run(publisher, with(SEGMENT, "--verbose"));

        assertThat(quiet.exitCode()).isEqualTo(ExitCodes.INTERNAL_ERROR);
        assertThat(quiet.err()).isEqualTo("producer-tools segment: internal error: java.lang.IllegalStateException: "
                + "boom (run again with --verbose for the stack trace)" + System.lineSeparator());
        assertThat(verbose.exitCode()).isEqualTo(ExitCodes.INTERNAL_ERROR);
        assertThat(verbose.err()).contains("\tat ");
        assertThat(publisher.closed).isEqualTo(2);
    }

    @Test
    void helpAndVersionExit0OnStdout() {
        RecordingPublisher publisher = new RecordingPublisher();

        ToolRun help = ToolRun.run(publisher, "--help");
        ToolRun segmentHelp = ToolRun.run(publisher, "segment", "--help");
        ToolRun version = ToolRun.run(publisher, "--version");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("Usage: producer-tools", "segment", "end", "Exit codes:",
                "KAFKA_BOOTSTRAP_SERVERS");
        assertThat(segmentHelp.exitCode()).isZero();
        assertThat(segmentHelp.out()).contains("--stream=<id>", "--duration=<seconds>", "--program-date-time",
                "--bootstrap-servers", "--schema-registry-url", "--topic", "--command-config", "--verbose");
        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).startsWith("producer-tools ").contains("Kafka client ");
        assertThat(publisher.opened).isEmpty();
    }

    @Test
    void noCommandOrAnUnknownOneIsAUsageError() {
        RecordingPublisher publisher = new RecordingPublisher();

        ToolRun none = ToolRun.run(publisher);
        ToolRun unknown = ToolRun.run(publisher, "segmnt");

        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).startsWith("producer-tools: missing command");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("'segmnt'").contains("producer-tools segment");
    }
}
