package org.hlspipeline.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.hlspipeline.playout.ChannelState;
import org.hlspipeline.playout.Channels;
import org.hlspipeline.playout.Item;
import org.hlspipeline.playout.Playout;
import org.junit.jupiter.api.Test;

/**
 * The size of a channel at the scale target (a queue of 50 items, a full window), which is what one store
 * write costs and what 10,000 channels cost in a store. Printed for docs/benchmarks.md; the bound is generous
 * and only catches a state that grows with airing (it must not).
 */
class ChannelStateSizeTest {

    @Test
    void aChannelWithFiftyQueuedItemsStaysSmallAndDoesNotGrowAsItAirs() {
        List<Item> queue = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            queue.add(Channels.item("episode-" + i, 1800));
        }
        ChannelState state = Channels.channel(Channels.item("filler", 30), queue.toArray(Item[]::new));
        ChannelState early = Playout.advance(state, Channels.at(20)).state();
        ChannelState later = Playout.advance(early, Channels.at(3 * 3600 + 20)).state();

        int earlyBytes = ChannelStateCodec.CHANNEL.encode(early).length;
        int laterBytes = ChannelStateCodec.CHANNEL.encode(later).length;
        System.out.printf("channel state, 50 queued items, full window: %d bytes (after 3 h of airing: %d bytes);"
                + " 10,000 channels: %.1f MiB%n", earlyBytes, laterBytes, earlyBytes * 10_000 / 1048576.0);

        assertThat(early.base().items()).hasSize(50);
        assertThat(laterBytes).isLessThanOrEqualTo(earlyBytes);
        assertThat(earlyBytes).isLessThan(64 * 1024);
    }
}
