package org.hlspipeline.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.hlspipeline.playout.ChannelState;
import org.hlspipeline.playout.Channels;
import org.hlspipeline.playout.Item;
import org.hlspipeline.playout.ItemKind;
import org.hlspipeline.playout.LiveFeed;
import org.hlspipeline.playout.LiveStream;
import org.hlspipeline.playout.Playout;
import org.hlspipeline.playout.PlayoutCommand;
import org.hlspipeline.playout.ResumePolicy;
import org.junit.jupiter.api.Test;

/** The channels store keeps every part of a channel: a reload must never change what airs next. */
class ChannelStateCodecTest {

    @Test
    void aChannelMidRelayMidInterruptWithAnAdBreakAndWaitingCommandsRoundTrips() {
        Item filler = new Item("filler", ItemKind.FILLER, null, Channels.asset("filler", 2), 0, 2, false, false);
        Item news = new Item("news", ItemKind.PROGRAM, "News", new LiveStream("news", 60_000_000), 0, 0, false, false);
        Item ad = Item.of("ad", ItemKind.AD, "Ad", Channels.asset("ad", 3));
        ChannelState state = Channels.channel(filler, ad, news, Channels.item("ep", 4));
        state = Playout.schedule(state, new PlayoutCommand.Interrupt("flash", List.of(Channels.item("flash", 1)),
                20, ResumePolicy.RESUME), Channels.at(40));
        state = Playout.schedule(state, new PlayoutCommand.StartAlert("storm", List.of(Channels.item("storm", 1)),
                100, ResumePolicy.JOIN_IN_PROGRESS, Channels.at(90)), Channels.at(80));
        // The ad airs 0..6 s; the relay joins nothing (no stream visible) and stalls into the filler.
        state = Playout.advance(state, Channels.at(15), LiveFeed.NONE).state();

        assertThat(state.top().current().stalled()).isTrue();
        assertThat(state.window()).anyMatch(s -> s.adBreak() != null);
        assertThat(ChannelStateCodec.CHANNEL.decode(ChannelStateCodec.CHANNEL.encode(state))).isEqualTo(state);
    }
}
