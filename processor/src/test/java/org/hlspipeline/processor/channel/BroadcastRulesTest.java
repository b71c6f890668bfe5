package org.hlspipeline.processor.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hlspipeline.processor.channel.AvroChannels.alert;
import static org.hlspipeline.processor.channel.AvroChannels.broadcast;
import static org.hlspipeline.processor.channel.AvroChannels.command;
import static org.hlspipeline.processor.channel.AvroChannels.configure;
import static org.hlspipeline.processor.channel.AvroChannels.list;
import static org.hlspipeline.processor.channel.AvroChannels.vod;
import static org.hlspipeline.processor.channel.RuleFixtures.ID_RULE;
import static org.hlspipeline.processor.channel.RuleFixtures.configured;

import org.hlspipeline.processor.playout.ChannelState;
import org.hlspipeline.schemas.channel.Alert;
import org.hlspipeline.schemas.channel.CancelAlert;
import org.junit.jupiter.api.Test;

class BroadcastRulesTest {

    @Test
    void aValidAlertAndACancellationAreAccepted() {
        assertThat(BroadcastCheck.problem("storm-1", broadcast("storm-1", alert(vod("storm", 5))))).isEmpty();
        assertThat(BroadcastCheck.problem("storm-1", broadcast("storm-1", new CancelAlert()))).isEmpty();
    }

    @Test
    void theAlertIdIsTheRecordKey() {
        assertThat(BroadcastCheck.problem("storm-1", broadcast("storm 1", new CancelAlert())))
                .hasValue("alertId " + ID_RULE);
        assertThat(BroadcastCheck.problem("storm-2", broadcast("storm-1", new CancelAlert())))
                .hasValue("record key 'storm-2' differs from alertId 'storm-1'; the key must be the alert id so an"
                        + " alert and its cancellation stay in order on one partition");
    }

    @Test
    void anAlertNamesItsChannels() {
        Alert alert = alert(vod("storm", 5));
        alert.setChannels(list());
        assertThat(BroadcastCheck.problem("storm-1", broadcast("storm-1", alert)))
                .hasValue("channels must list channel ids, or \"*\" for all channels");

        alert.setChannels(list("tv1", "tv 2"));
        assertThat(BroadcastCheck.problem("storm-1", broadcast("storm-1", alert)))
                .hasValue("channels[1] must be \"*\" or match [A-Za-z0-9][A-Za-z0-9._-]{0,127}");

        alert.setChannels(list("tv1", "tv2"));
        assertThat(BroadcastCheck.problem("storm-1", broadcast("storm-1", alert))).isEmpty();
    }

    @Test
    void anAlertLastsAndHasAPriority() {
        Alert alert = alert(vod("storm", 5));
        alert.setDurationMicros(0L);
        assertThat(BroadcastCheck.problem("storm-1", broadcast("storm-1", alert)))
                .hasValue("duration must be greater than 0");

        alert = alert(vod("storm", 5));
        alert.setPriority(0);
        assertThat(BroadcastCheck.problem("storm-1", broadcast("storm-1", alert)))
                .hasValue("priority must be at least 1 (got 0)");
    }

    @Test
    void anAlertsItemsAreValidOnTheirOwn() {
        assertThat(BroadcastCheck.problem("storm-1", broadcast("storm-1", alert())))
                .hasValue("items must list at least one item");
        assertThat(BroadcastCheck.problem("storm-1", broadcast("storm-1", alert(vod("storm", 0)))))
                .hasValue("items[0] \"storm\": vod.segmentCount must be at least 1 (got 0)");
        assertThat(BroadcastCheck.problem("storm-1", broadcast("storm-1", alert(vod("storm", 3, "1080p")))))
                .as("ladders are checked per channel").isEmpty();
    }

    @Test
    void anAlertIsCheckedAgainstEachChannelsLadderWhenApplied() {
        Alert lacking = alert(vod("storm", 3, "720p"));
        assertThat(BroadcastCheck.alertProblemOn(configured(), lacking))
                .hasValue("on channel tv1: items[0] \"storm\": rendition 480p of the ladder is missing");
        assertThat(BroadcastCheck.coversLadder(lacking, configured())).isFalse();
        assertThat(BroadcastCheck.coversLadder(alert(vod("storm", 3)), configured())).isTrue();
        assertThat(BroadcastCheck.alertProblemOn(ChannelState.create("tv2"), alert(vod("storm", 3))))
                .hasValue("channel tv2 is not configured: send a configure command first");
    }
}
