package org.hlspipeline.tools.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.TopicPartition;
import org.hlspipeline.tools.cli.ExitCodes;
import org.junit.jupiter.api.Test;

class StreamsResetTest {

    private static RebuildPlan plan(List<RebuildPlan.OffsetReset> resets, List<String> internal,
                                    Map<String, String> others) {
        return new RebuildPlan("hls-pipeline", "k:9092", ConsumerGroup.absent("hls-pipeline"),
                List.of("hls.stream-events"), List.of(), resets, internal, others, List.of());
    }

    private static final List<RebuildPlan.OffsetReset> ONE_RESET =
            List.of(new RebuildPlan.OffsetReset(new TopicPartition("hls.stream-events", 0), 40L, 0, 50));

    @Test
    void tellsStreamsResetterExactlyThePlan() {
        RebuildPlan plan = plan(ONE_RESET, List.of("hls-pipeline-a-changelog", "hls-pipeline-b-repartition"),
                Map.of());

        assertThat(StreamsReset.arguments(plan, Path.of("admin.properties"))).containsExactly(
                "--application-id", "hls-pipeline", "--bootstrap-server", "k:9092",
                "--input-topics", "hls.stream-events", "--to-earliest",
                "--internal-topics", "hls-pipeline-a-changelog,hls-pipeline-b-repartition",
                "--command-config", "admin.properties");
        assertThat(StreamsReset.canCarryOut(plan)).isTrue();
    }

    @Test
    void aGroupWithoutOffsetsGetsNoneAndAnotherApplicationsTopicsAreNeverLeftToItsGuess() {
        assertThat(StreamsReset.arguments(plan(List.of(), List.of("hls-pipeline-a-changelog"), Map.of()), null))
                .containsExactly("--application-id", "hls-pipeline", "--bootstrap-server", "k:9092",
                        "--internal-topics", "hls-pipeline-a-changelog");
        assertThat(StreamsReset.canCarryOut(plan(ONE_RESET, List.of(),
                Map.of("hls-pipeline-2-a-changelog", "hls-pipeline-2")))).isFalse();
    }

    @Test
    void itsErrorLineBecomesTheMessageAndDecidesTheExitCode() {
        RebuildPlan plan = plan(ONE_RESET, List.of(), Map.of());

        AdminFailure timeout = StreamsReset.failure(plan, "Reset-offsets for input topics [x]\nERROR: "
                + "org.apache.kafka.common.errors.TimeoutException: Timeout expired\n\tat somewhere\n");
        AdminFailure active = StreamsReset.failure(plan, "ERROR: java.lang.IllegalStateException: Consumer group "
                + "'hls-pipeline' is still active and has following members: [m]\n");
        AdminFailure denied = StreamsReset.failure(plan, "ERROR: org.apache.kafka.common.errors."
                + "GroupAuthorizationException: Not authorized to access group: hls-pipeline\n");

        assertThat(timeout.exitCode()).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(timeout.getMessage()).contains("TimeoutException: Timeout expired").doesNotContain("\n");
        assertThat(timeout.getCause().getMessage()).contains("Reset-offsets for input topics [x]");
        assertThat(active.exitCode()).isEqualTo(RebuildCommand.GROUP_ACTIVE);
        assertThat(denied.exitCode()).isEqualTo(ExitCodes.REFUSED);
        assertThat(denied.getMessage()).contains("not authorized");
    }
}
