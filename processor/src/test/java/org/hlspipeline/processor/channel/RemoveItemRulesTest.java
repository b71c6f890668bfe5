package org.hlspipeline.processor.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hlspipeline.processor.channel.AvroChannels.command;
import static org.hlspipeline.processor.channel.RuleFixtures.airing;
import static org.hlspipeline.processor.channel.RuleFixtures.configured;

import org.hlspipeline.processor.playout.ChannelState;
import org.hlspipeline.processor.playout.Channels;
import org.hlspipeline.processor.playout.Playout;
import org.hlspipeline.processor.playout.PlayoutCommand;
import org.hlspipeline.schemas.channel.Enqueue;
import org.hlspipeline.schemas.channel.RemoveItem;
import org.junit.jupiter.api.Test;

class RemoveItemRulesTest {

    @Test
    void aQueuedItemMayBeRemoved() {
        assertThat(ChannelCommandCheck.problem("tv1", command("tv1", new RemoveItem("ep2")), airing())).isEmpty();
    }

    @Test
    void anItemNotInTheQueueIsUnknown() {
        assertThat(ChannelCommandCheck.problem("tv1", command("tv1", new RemoveItem("ep9")), airing()))
                .hasValue("unknown item \"ep9\": it is not in channel tv1's queue");
        assertThat(ChannelCommandCheck.problem("tv1", command("tv1", new RemoveItem("ep1")), airing()))
                .as("ep1 airs: it left the queue").hasValue("unknown item \"ep1\": it is not in channel tv1's queue");
    }

    @Test
    void anItemOfAScheduledEnqueueMayBeRemoved() {
        ChannelState state = Playout.schedule(configured(), new PlayoutCommand.Enqueue(
                java.util.List.of(Channels.item("ep7", 3)), false), Channels.T0 + 1_000_000);
        assertThat(ChannelCommandCheck.problem("tv1", command("tv1", new RemoveItem("ep7")), state)).isEmpty();
    }

    @Test
    void theItemIdIsAnId() {
        assertThat(ChannelCommandCheck.problem("tv1", command("tv1", new RemoveItem("")), airing()))
                .hasValue("itemId is required");
    }
}
