package org.hlspipeline.processor.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hlspipeline.processor.channel.AvroChannels.command;
import static org.hlspipeline.processor.channel.AvroChannels.configure;
import static org.hlspipeline.processor.channel.AvroChannels.list;
import static org.hlspipeline.processor.channel.AvroChannels.vod;
import static org.hlspipeline.processor.channel.RuleFixtures.configured;

import org.hlspipeline.processor.playout.ChannelState;
import org.hlspipeline.processor.playout.Channels;
import org.hlspipeline.processor.playout.Playout;
import org.hlspipeline.processor.playout.PlayoutCommand;
import org.hlspipeline.schemas.channel.ChannelCommand;
import org.hlspipeline.schemas.channel.EndChannel;
import org.hlspipeline.schemas.channel.Enqueue;
import org.hlspipeline.schemas.channel.Interrupt;
import org.hlspipeline.schemas.channel.Position;
import org.hlspipeline.schemas.channel.RemoveItem;
import org.hlspipeline.schemas.channel.Replace;
import org.hlspipeline.schemas.channel.ResumePolicy;
import org.hlspipeline.schemas.channel.Skip;
import org.hlspipeline.schemas.channel.When;
import org.junit.jupiter.api.Test;

class NotConfiguredRulesTest {

    private final Object[] payloads = {new Enqueue(list(vod("ep1", 3)), Position.END),
            new Replace(list(vod("ep1", 3)), When.NOW), new Interrupt(list(vod("ep1", 3)), 10, ResumePolicy.RESUME),
            new Skip(), new RemoveItem("ep1"), new EndChannel(When.NOW)};

    @Test
    void everyCommandButConfigureNeedsAConfiguredChannel() {
        for (Object payload : payloads) {
            String expected = "channel tv1 is not configured: send a configure command first";
            assertThat(ChannelCommandCheck.problem("tv1", command("tv1", payload), null))
                    .as("no state, " + payload.getClass().getSimpleName()).hasValue(expected);
            assertThat(ChannelCommandCheck.problem("tv1", command("tv1", payload), ChannelState.create("tv1")))
                    .as("no config, " + payload.getClass().getSimpleName()).hasValue(expected);
        }
    }

    @Test
    void aConfigureIsAcceptedOnANewChannel() {
        assertThat(ChannelCommandCheck.problem("tv1", command("tv1", configure("720p")), null)).isEmpty();
    }

    @Test
    void aScheduledConfigureCountsBeforeItIsApplied() {
        ChannelState pending = Playout.schedule(ChannelState.create("tv1"),
                new PlayoutCommand.Configure(Channels.config(null)), Channels.T0 + 5_000_000);
        ChannelCommand fits = command("tv1", new Enqueue(list(vod("ep1", 3)), Position.END));
        ChannelCommand lacks = command("tv1", new Enqueue(list(vod("ep1", 3, "720p")), Position.END));

        assertThat(ChannelCommandCheck.problem("tv1", fits, pending)).isEmpty();
        assertThat(ChannelCommandCheck.problem("tv1", lacks, pending))
                .hasValue("items[0] \"ep1\": rendition 480p of the ladder is missing");
    }

    @Test
    void itemsMustProvideTheRenditionsOfAScheduledReconfigureToo() {
        ChannelState reconfiguring = Playout.schedule(configured(), new PlayoutCommand.Configure(
                ChannelCommandMapper.config(configure("720p", "480p", "1080p"))), Channels.T0 + 60_000_000);

        assertThat(ChannelCommandCheck.problem("tv1", command("tv1",
                new Enqueue(list(vod("ep1", 3)), Position.END)), reconfiguring))
                .hasValue("items[0] \"ep1\": rendition 1080p of the ladder is missing");
    }
}
