package org.hlspipeline.tools.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

class InternalTopicsTest {

    @Test
    void changelogsRepartitionsAndJoinTopicsOfTheApplicationAreInternal() {
        assertThat(InternalTopics.namedAsInternal("hls-pipeline", "hls-pipeline-stream-windows-changelog")).isTrue();
        assertThat(InternalTopics.namedAsInternal("hls-pipeline", "hls-pipeline-KSTREAM-AGGREGATE-0000000003-repartition"))
                .isTrue();
        assertThat(InternalTopics.namedAsInternal("hls-pipeline",
                "hls-pipeline-KTABLE-FK-JOIN-SUBSCRIPTION-REGISTRATION-0000000012-topic")).isTrue();
        assertThat(InternalTopics.namedAsInternal("hls-pipeline", "hls-pipeline-x-subscription-response-topic"))
                .isTrue();
    }

    @Test
    void inputOutputAndOtherTopicsAreNot() {
        assertThat(InternalTopics.namedAsInternal("hls-pipeline", "hls.stream-events")).isFalse();
        assertThat(InternalTopics.namedAsInternal("hls-pipeline", "hls-pipeline-stream-windows")).isFalse();
        assertThat(InternalTopics.namedAsInternal("hls-pipeline", "hls-pipelinex-changelog")).isFalse();
        assertThat(InternalTopics.namedAsInternal("hls-pipeline", "other-stream-windows-changelog")).isFalse();
        assertThat(InternalTopics.namedAsInternal("hls-pipeline", "hls-pipeline-changelog")).isFalse();
    }

    @Test
    void anotherApplicationWhoseIdExtendsThisOneKeepsItsTopics() {
        Set<String> groups = Set.of("hls-pipeline", "hls-pipeline-2", "hls-pipeline-2-canary", "unrelated");

        assertThat(InternalTopics.otherOwner("hls-pipeline", "hls-pipeline-2-streams-changelog", groups))
                .hasValue("hls-pipeline-2");
        assertThat(InternalTopics.otherOwner("hls-pipeline", "hls-pipeline-2-canary-streams-changelog", groups))
                .hasValue("hls-pipeline-2-canary");
        assertThat(InternalTopics.otherOwner("hls-pipeline", "hls-pipeline-streams-changelog", groups)).isEmpty();
    }

    @Test
    void theOwnersToAskAboutAreTheLongerPrefixesThatWouldOwnTheTopic() {
        assertThat(InternalTopics.possibleOtherOwners("hls-pipeline", "hls-pipeline-2-canary-streams-changelog"))
                .containsExactly("hls-pipeline-2", "hls-pipeline-2-canary");
        assertThat(InternalTopics.possibleOtherOwners("hls-pipeline", "hls-pipeline-streams-changelog")).isEmpty();
        assertThat(InternalTopics.possibleOtherOwners("hls-pipeline", "hls.stream-events")).isEmpty();
    }
}
