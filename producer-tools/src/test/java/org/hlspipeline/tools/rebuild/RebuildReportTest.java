package org.hlspipeline.tools.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class RebuildReportTest {

    @Test
    void theDryRunShowsTheGroupEveryPartitionTheTopicsAndTheStepsOnTheInstances() throws AdminFailure {
        RebuildPlan plan = RebuildPlanner.plan(RebuildPlannerTest.ranOnce(), "hls-pipeline",
                RebuildPlannerTest.DEFAULT_INPUTS, true, "b:9092");

        String report = RebuildReport.plan(plan, true);

        assertThat(report).startsWith("Rebuild plan for application 'hls-pipeline' on b:9092 (dry run: nothing is "
                + "changed)\n\nConsumer group 'hls-pipeline' (classic, Empty): no active members.\n\n"
                + "1. Reset the committed offsets of hls.stream-events, hls.channel-commands to the earliest "
                + "retained offsets (198 offsets to replay):\n");
        assertThat(report).contains("""
                   TOPIC                 PARTITION     CURRENT         NEW     LOG-END
                   hls.channel-commands          0           3           0           3
                   hls.channel-commands          1        none           0           0
                   hls.stream-events             0         120           0         120
                   hls.stream-events             1          77           5          80
                """);
        assertThat(report).contains("""
                2. Delete the application's internal topics (2):
                   hls-pipeline-stream-windows-changelog
                   hls-pipeline-streams-changelog
                """);
        assertThat(report).contains("   hls-pipeline-2-streams-changelog: belongs to the application 'hls-pipeline-2'\n")
                .contains("   audit: the group has offsets for it, but it is not an input topic (add --input-topic "
                        + "audit to reset it)\n")
                .contains("3. On every instance, delete its local state directory HLS_DATA_DIR/streams/hls-pipeline "
                        + "(./data/streams/hls-pipeline by default).")
                .contains("keep HLS_DATA_DIR/kafka")
                .contains("4. Start the instances. Kafka Streams creates the changelogs again")
                .contains("   the live-windows topic (hls.live-windows by default)")
                .endsWith("Run again with --yes (all instances stopped) to carry out steps 1 and 2.\n");
    }

    @Test
    void activeMembersAreListedWithWhatToDo() {
        ConsumerGroup group = new ConsumerGroup("hls-pipeline", true, "classic", "Stable",
                List.of("hls-pipeline-a-StreamThread-1-consumer on /127.0.0.1 (member m1)"));

        assertThat(RebuildReport.activeMembers(group)).startsWith("the consumer group 'hls-pipeline' has 1 active "
                + "member (Stable): instances of the application are running.\n"
                + "  hls-pipeline-a-StreamThread-1-consumer on /127.0.0.1 (member m1)\n"
                + "Stop every instance first.")
                .contains("HLS_KAFKA_STREAMS_ENABLED=false").endsWith("Nothing was changed.");
    }

    @Test
    void anEmptyPlanSuspectsTheApplicationId() throws AdminFailure {
        RebuildPlan plan = RebuildPlanner.plan(new FakeCluster(), "hls-pipline", List.of("hls.stream-events"), true,
                "b:9092");

        assertThat(RebuildReport.plan(plan, true))
                .contains("Consumer group 'hls-pipline': not found")
                .contains("1. Offsets: nothing to reset; there is no group")
                .contains("(input topic hls.stream-events does not exist: skipped)")
                .contains("Nothing to reset or delete: no committed offsets and no internal topics for "
                        + "'hls-pipline'. Check --application-id and --bootstrap-servers.");
    }
}
