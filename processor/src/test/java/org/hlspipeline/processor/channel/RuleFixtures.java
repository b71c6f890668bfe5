package org.hlspipeline.processor.channel;

import static org.hlspipeline.processor.channel.AvroChannels.command;
import static org.hlspipeline.processor.channel.AvroChannels.list;

import java.util.Optional;

import org.hlspipeline.processor.playout.ChannelState;
import org.hlspipeline.processor.playout.Channels;
import org.hlspipeline.processor.playout.Playout;
import org.hlspipeline.processor.playout.PlayoutCommand;
import org.hlspipeline.schemas.channel.Enqueue;
import org.hlspipeline.schemas.channel.Item;
import org.hlspipeline.schemas.channel.Position;

/** Channel states and checks shared by the rule tests. */
final class RuleFixtures {

    static final String ID_RULE = "must match [A-Za-z0-9][A-Za-z0-9._-]{0,127}";

    private RuleFixtures() {
    }

    /** tv1 configured at T0 with the ladder 720p, 480p and a target duration of 2 s; nothing queued. */
    static ChannelState configured() {
        ChannelState state = Playout.schedule(ChannelState.create("tv1"),
                new PlayoutCommand.Configure(Channels.config(null)), Channels.T0);
        return Playout.advance(state, Channels.T0).state();
    }

    /** tv1 with ep1 airing and ep2, ep3 queued. */
    static ChannelState airing() {
        return Playout.advance(Channels.channel(null, Channels.item("ep1", 10), Channels.item("ep2", 10),
                Channels.item("ep3", 10)), Channels.T0).state();
    }

    /** The payload as a command to the configured tv1. */
    static Optional<String> check(Object payload) {
        return ChannelCommandCheck.problem("tv1", command("tv1", payload), configured());
    }

    static Optional<String> enqueue(Item... items) {
        return check(new Enqueue(list(items), Position.END));
    }
}
