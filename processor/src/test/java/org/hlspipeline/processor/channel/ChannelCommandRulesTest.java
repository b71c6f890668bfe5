package org.hlspipeline.processor.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hlspipeline.processor.channel.AvroChannels.command;
import static org.hlspipeline.processor.channel.AvroChannels.vod;
import static org.hlspipeline.processor.channel.RuleFixtures.ID_RULE;
import static org.hlspipeline.processor.channel.RuleFixtures.configured;
import static org.hlspipeline.processor.channel.RuleFixtures.enqueue;

import org.hlspipeline.schemas.channel.ChannelCommand;
import org.hlspipeline.schemas.channel.Skip;
import org.junit.jupiter.api.Test;

class ChannelCommandRulesTest {

    @Test
    void aValidCommandIsAccepted() {
        assertThat(enqueue(vod("ep1", 10), vod("ep2", 5))).isEmpty();
    }

    @Test
    void theChannelIdMustBeAnId() {
        assertThat(ChannelCommandCheck.problem("tv 1", command("tv 1", new Skip()), configured()))
                .hasValue("channelId " + ID_RULE);
    }

    @Test
    void theRecordKeyMustBeTheChannelId() {
        assertThat(ChannelCommandCheck.problem("tv2", command("tv1", new Skip()), configured()))
                .hasValue("record key 'tv2' differs from channelId 'tv1'; the key must be the channel id so a"
                        + " channel's commands stay in order on one partition");
    }

    @Test
    void theCommandIdMustBeAnId() {
        ChannelCommand command = new ChannelCommand("tv1", "-x", null, new Skip());
        assertThat(ChannelCommandCheck.problem("tv1", command, configured())).hasValue("commandId " + ID_RULE);
    }
}
