package org.hlspipeline.processor.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The record-key rule, over plain values, in each input's words. */
class RecordKeyRulesTest {

    @Test
    void aStreamEventsKeyIsItsStreamId() {
        assertThat(StreamEventRules.keyProblem("s1", "s1")).isEmpty();
        assertThat(StreamEventRules.keyProblem("s2", "s1")).hasValue("record key 's2' differs from streamId 's1';"
                + " the key must be the stream id so a stream's events stay in order on one partition");
        assertThat(StreamEventRules.keyProblem(null, "s1")).get().asString().startsWith("record key 'null'");
        assertThat(StreamEventRules.keyProblem("s1", "")).hasValue("streamId is required");
    }

    @Test
    void aChannelCommandsKeyIsItsChannelIdAndItsCommandIdIsAnId() {
        assertThat(ChannelCommandRules.idsProblem("tv1", "tv1", "c1")).isEmpty();
        assertThat(ChannelCommandRules.idsProblem("tv\n2", "tv1", "c1")).hasValue("record key 'tv?2' differs from"
                + " channelId 'tv1'; the key must be the channel id so a channel's commands stay in order on one"
                + " partition");
        assertThat(ChannelCommandRules.idsProblem(null, "tv1", "c1")).get().asString().startsWith("record key ''");
        assertThat(ChannelCommandRules.idsProblem("tv1", "tv1", "c 1"))
                .hasValue("commandId must match [A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    }

    @Test
    void aBroadcastsKeyIsItsAlertId() {
        assertThat(BroadcastRules.keyProblem("a1", "a1")).isEmpty();
        assertThat(BroadcastRules.keyProblem("a2", "a1")).hasValue("record key 'a2' differs from alertId 'a1'; the"
                + " key must be the alert id so an alert and its cancellation stay in order on one partition");
        assertThat(BroadcastRules.keyProblem("a1", null)).hasValue("alertId is required");
    }
}
