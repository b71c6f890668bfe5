package org.hlspipeline.processor.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.hlspipeline.processor.kafka.EarlierStateSchemas;
import org.hlspipeline.processor.playout.ChannelState;
import org.hlspipeline.processor.playout.Channels;
import org.hlspipeline.processor.playout.DeferredList;
import org.hlspipeline.processor.playout.Item;
import org.hlspipeline.processor.playout.ItemKind;
import org.hlspipeline.processor.playout.LiveFeed;
import org.hlspipeline.processor.playout.LiveStream;
import org.hlspipeline.processor.playout.Playout;
import org.hlspipeline.processor.playout.PlayoutCommand;
import org.hlspipeline.processor.playout.ResumePolicy;
import org.hlspipeline.schemas.state.ChannelProgrammeRecord;
import org.hlspipeline.schemas.state.ChannelTimelineRecord;
import org.junit.jupiter.api.Test;

/**
 * The two channel stores keep every part of a channel: a reload must never change what airs next, and a
 * boundary that only airs a segment must neither decode nor rewrite the programme.
 */
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
        assertThat(state.scheduled()).hasSize(2);
        assertThat(StoredChannel.of(state).decode()).isEqualTo(state);
        assertThat(StoredChannel.fromBytes(StoredChannel.of(state).toBytes()).decode()).isEqualTo(state);
    }

    /** A channel stored by the release before renditions had groups and media restores unchanged. */
    @Test
    void aChannelStoredByTheFirstReleaseStillDecodes() {
        ChannelState state = Playout.advance(Channels.channel(Channels.item("filler", 2), Channels.item("ep1", 10),
                Channels.item("ep2", 10)), Channels.at(3)).state();
        StoredChannel current = StoredChannel.of(state);

        byte[] timeline = EarlierStateSchemas.asWrittenBy("ChannelTimelineRecord-v1.avsc", ChannelTimelineRecord.class,
                ChannelTimelineRecord.getClassSchema(), current.timeline());
        byte[] programme = EarlierStateSchemas.asWrittenBy("ChannelProgrammeRecord-v1.avsc",
                ChannelProgrammeRecord.class, ChannelProgrammeRecord.getClassSchema(), current.programme());

        assertThat(timeline).isNotEqualTo(current.timeline());
        assertThat(new StoredChannel(timeline, programme).decode()).isEqualTo(state);
    }

    @Test
    void aBoundaryInsideAnItemNeitherDecodesNorChangesTheProgramme() {
        ChannelState state = Playout.advance(Channels.channel(Channels.item("filler", 2),
                Channels.item("ep1", 10), Channels.item("ep2", 10), Channels.item("ep3", 10)), Channels.at(3)).state();
        ChannelState stored = StoredChannel.of(state).decode();
        assertThat(stored.base().items()).isInstanceOf(DeferredList.class);

        Playout.Advance boundary = Playout.advance(stored, stored.nextAirMicros());

        assertThat(boundary.aired()).hasSize(1);
        assertThat(ChannelStateCodec.programmeChanged(stored, boundary.state())).isFalse();
        assertThat(((DeferredList<?>) stored.base().items()).produced()).isFalse();
        assertThat(boundary.state().base().items()).isSameAs(stored.base().items());
    }

    @Test
    void anItemChangeACommandAndANewChannelEachRewriteTheProgramme() {
        ChannelState state = Playout.advance(Channels.channel(Channels.item("filler", 2),
                Channels.item("ep1", 2), Channels.item("ep2", 2)), Channels.at(1)).state();
        ChannelState stored = StoredChannel.of(state).decode();
        assertThat(ChannelStateCodec.programmeChanged(null, stored)).isTrue();

        // ep1's second segment airs at 2 s; at 4 s ep2 starts and leaves the queue.
        ChannelState itemChange = Playout.advance(stored, Channels.at(4)).state();
        assertThat(itemChange.base().current().item().itemId()).isEqualTo("ep2");
        assertThat(ChannelStateCodec.programmeChanged(stored, itemChange)).isTrue();

        ChannelState commanded = Playout.schedule(stored, new PlayoutCommand.Skip(), Channels.at(5));
        assertThat(ChannelStateCodec.programmeChanged(stored, commanded)).isTrue();
    }

    /**
     * Airing through the stores, boundary by boundary, with the programme written only when the store says it
     * changed, airs exactly what the engine airs in memory: through item changes, an interrupt that resumes, an
     * alert, the filler and a loop.
     */
    @Test
    void airingThroughTheStoresAirsWhatTheEngineAirsInMemory() {
        ChannelState start = Channels.channel(Channels.item("filler", 3), Channels.item("ep1", 5),
                Channels.item("ep2", 4), new Item("loop", ItemKind.PROGRAM, "Loop", Channels.asset("loop", 3), 0, 3,
                        true, false));
        start = Playout.schedule(start, new PlayoutCommand.Interrupt("flash", List.of(Channels.item("flash", 2)),
                20, ResumePolicy.RESUME), Channels.at(5));
        start = Playout.schedule(start, new PlayoutCommand.StartAlert("storm",
                List.of(Channels.item("storm", 1)), 100, ResumePolicy.RESUME, Channels.at(31)), Channels.at(25));
        start = Playout.schedule(start, new PlayoutCommand.Enqueue(List.of(Channels.item("ep3", 2)), true),
                Channels.at(40));

        ChannelState inMemory = start;
        StoredChannel stored = StoredChannel.of(start);
        List<Integer> programmeWrites = new ArrayList<>();
        for (int boundary = 0; boundary < 40; boundary++) {
            long until = Channels.at(boundary * 2 + 1);
            Playout.Advance expected = Playout.advance(inMemory, until);
            ChannelState loaded = stored.decode();
            Playout.Advance actual = Playout.advance(loaded, until);

            assertThat(actual.aired()).as("boundary %d", boundary).isEqualTo(expected.aired());
            assertThat(actual.state()).as("boundary %d", boundary).isEqualTo(expected.state());
            byte[] programme = stored.programme();
            if (ChannelStateCodec.programmeChanged(loaded, actual.state())) {
                programme = ChannelStateCodec.encodeProgramme(actual.state());
                programmeWrites.add(boundary);
            }
            stored = new StoredChannel(ChannelStateCodec.encodeTimeline(actual.state()), programme);
            inMemory = expected.state();
        }
        assertThat(stored.decode()).isEqualTo(inMemory);
        assertThat(Channels.labels(inMemory.window())).isNotEmpty();
        // Item changes, the interrupt, the alert and the enqueue rewrite the programme; most boundaries do not.
        assertThat(programmeWrites).hasSizeBetween(4, 20);
    }
}
