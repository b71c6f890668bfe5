package org.hlspipeline.tools.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.apache.kafka.common.TopicPartition;
import org.hlspipeline.tools.rebuild.FakeCluster.Partition;
import org.junit.jupiter.api.Test;

class RebuildPlannerTest {

    static final List<String> DEFAULT_INPUTS = List.of("hls.stream-events", "hls.channel-commands");

    /** The app after a run: offsets on both inputs, its changelogs, another app sharing the prefix. */
    static FakeCluster ranOnce() {
        return new FakeCluster()
                .topic("hls.stream-events", new Partition(0, 120), new Partition(5, 80))
                .topic("hls.channel-commands", new Partition(0, 3), new Partition(0, 0))
                .topic("hls.broadcasts", new Partition(0, 1))
                .topic("hls.as-run", new Partition(0, 50))
                .topic("hls-pipeline-stream-windows-changelog", new Partition(0, 40))
                .topic("hls-pipeline-streams-changelog", new Partition(0, 4))
                .topic("hls-pipeline-2-streams-changelog", new Partition(0, 4))
                .topic("audit", new Partition(0, 9))
                .group("hls-pipeline", "Empty")
                .group("hls-pipeline-2", "Stable", "c1 on /10.0.0.2 (member m1)")
                .committed("hls-pipeline", "hls.stream-events", 0, 120)
                .committed("hls-pipeline", "hls.stream-events", 1, 77)
                .committed("hls-pipeline", "hls.channel-commands", 0, 3)
                .committed("hls-pipeline", "audit", 0, 9);
    }

    @Test
    void theInputPartitionsGoToTheirEarliestOffsetsAndTheChangelogsAreDeleted() throws AdminFailure {
        FakeCluster cluster = ranOnce();

        RebuildPlan plan = RebuildPlanner.plan(cluster, "hls-pipeline", DEFAULT_INPUTS, true, "b:9092");

        assertThat(plan.inputTopics()).containsExactly("hls.stream-events", "hls.channel-commands");
        assertThat(plan.resets()).containsExactly(
                reset("hls.channel-commands", 0, 3L, 0, 3),
                reset("hls.channel-commands", 1, null, 0, 0),
                reset("hls.stream-events", 0, 120L, 0, 120),
                reset("hls.stream-events", 1, 77L, 5, 80));
        assertThat(plan.offsetsToReplay()).isEqualTo(3 + 120 + 75);
        assertThat(plan.internalTopics())
                .containsExactly("hls-pipeline-stream-windows-changelog", "hls-pipeline-streams-changelog");
        assertThat(plan.otherApplications()).containsExactly(Map.entry("hls-pipeline-2-streams-changelog",
                "hls-pipeline-2"));
        assertThat(plan.otherCommittedTopics()).containsExactly("audit");
        assertThat(cluster.changes()).isEmpty();
    }

    @Test
    void withoutGivenInputsEveryOtherTopicTheGroupReadsIsAnInputToo() throws AdminFailure {
        RebuildPlan plan = RebuildPlanner.plan(ranOnce(), "hls-pipeline", DEFAULT_INPUTS, false, "b:9092");

        assertThat(plan.inputTopics()).containsExactly("hls.stream-events", "hls.channel-commands", "audit");
        assertThat(plan.otherCommittedTopics()).isEmpty();
        assertThat(plan.resets()).contains(reset("audit", 0, 9L, 0, 9));
    }

    @Test
    void aGroupWithoutOffsetsGetsNoneAndAMissingInputIsReported() throws AdminFailure {
        FakeCluster cluster = new FakeCluster()
                .topic("hls.stream-events", new Partition(0, 10))
                .topic("hls-pipeline-streams-changelog", new Partition(0, 1));

        RebuildPlan plan = RebuildPlanner.plan(cluster, "hls-pipeline", DEFAULT_INPUTS, false, "b:9092");

        assertThat(plan.group().exists()).isFalse();
        assertThat(plan.resets()).isEmpty();
        assertThat(plan.missingInputTopics()).containsExactly("hls.channel-commands");
        assertThat(plan.internalTopics()).containsExactly("hls-pipeline-streams-changelog");
    }

    /**
     * Just after a broker restart the group listing can come back empty while the coordinator still holds the
     * group's offsets: the offsets decide, so the replay still starts from the earliest offsets.
     */
    @Test
    void offsetsAreResetWhenTheGroupIsNotListed() throws AdminFailure {
        FakeCluster cluster = new FakeCluster()
                .topic("hls.stream-events", new Partition(2, 10))
                .committed("hls-pipeline", "hls.stream-events", 0, 10);

        RebuildPlan plan = RebuildPlanner.plan(cluster, "hls-pipeline", DEFAULT_INPUTS, true, "b:9092");

        assertThat(plan.group().exists()).isFalse();
        assertThat(plan.resets()).containsExactly(reset("hls.stream-events", 0, 10L, 2, 10));
    }

    @Test
    void carryingOutCommitsTheEarliestOffsetsThenDeletesTheInternalTopics() throws AdminFailure {
        FakeCluster cluster = ranOnce();
        RebuildPlan plan = RebuildPlanner.plan(cluster, "hls-pipeline", DEFAULT_INPUTS, true, "b:9092");

        RebuildPlanner.carryOut(cluster, plan);

        assertThat(cluster.changes()).containsExactly("commitOffsets",
                "deleteTopics [hls-pipeline-stream-windows-changelog, hls-pipeline-streams-changelog]");
        assertThat(cluster.committed.get("hls-pipeline")).containsEntry(new TopicPartition("hls.stream-events", 0), 0L)
                .containsEntry(new TopicPartition("hls.stream-events", 1), 5L)
                .containsEntry(new TopicPartition("hls.channel-commands", 1), 0L)
                .containsEntry(new TopicPartition("audit", 0), 9L);
        assertThat(cluster.topics).containsKeys("hls.stream-events", "hls-pipeline-2-streams-changelog")
                .doesNotContainKeys("hls-pipeline-stream-windows-changelog", "hls-pipeline-streams-changelog");
    }

    static RebuildPlan.OffsetReset reset(String topic, int partition, Long current, long earliest, long end) {
        return new RebuildPlan.OffsetReset(new TopicPartition(topic, partition), current, earliest, end);
    }
}
