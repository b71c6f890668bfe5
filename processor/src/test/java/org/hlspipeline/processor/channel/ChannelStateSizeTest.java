package org.hlspipeline.processor.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.hlspipeline.processor.playout.ChannelState;
import org.hlspipeline.processor.playout.Channels;
import org.hlspipeline.processor.playout.Item;
import org.hlspipeline.processor.playout.Playout;
import org.junit.jupiter.api.Test;

/**
 * The size of a channel at the scale target (a queue of 50 items, a full window): the timeline is what every
 * boundary writes, the programme what an item change or a command writes. Printed for docs/benchmarks.md; the
 * bounds are generous and catch a timeline that grows with the queue or with airing (it must not).
 */
class ChannelStateSizeTest {

    @Test
    void aChannelWithFiftyQueuedItemsStaysSmallAndDoesNotGrowAsItAirs() {
        List<Item> queue = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            queue.add(Channels.item("episode-" + i, 1800));
        }
        ChannelState state = Channels.channel(Channels.item("filler", 30), queue.toArray(Item[]::new));
        ChannelState earlyState = Playout.advance(state, Channels.at(20)).state();
        ChannelState laterState = Playout.advance(earlyState, Channels.at(3 * 3600 + 20)).state();

        StoredChannel early = StoredChannel.of(earlyState);
        StoredChannel later = StoredChannel.of(laterState);
        System.out.printf("channel with 50 queued items and a full window: timeline %d bytes (after 3 h of airing:"
                + " %d), programme %d bytes; 10,000 channels: %.1f MiB%n", early.timeline().length,
                later.timeline().length, early.programme().length,
                (early.timeline().length + early.programme().length) * 10_000 / 1048576.0);

        assertThat(earlyState.base().items()).hasSize(50);
        // Three hours on, only longer numbers (sequence numbers, segment URIs) add a few bytes.
        assertThat(later.timeline().length).isLessThan(early.timeline().length + 64);
        assertThat(later.programme().length).isLessThan(early.programme().length);
        // What every boundary writes does not depend on the queue's length.
        assertThat(early.timeline().length).isLessThan(8 * 1024);
        assertThat(early.programme().length).isLessThan(64 * 1024);
    }
}
