package org.hlspipeline.processor.playout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hlspipeline.processor.playout.Channels.at;
import static org.hlspipeline.processor.playout.Channels.channel;
import static org.hlspipeline.processor.playout.Channels.item;
import static org.hlspipeline.processor.playout.Channels.labels;

import java.util.List;

import org.hlspipeline.processor.hls.HlsRules;
import org.hlspipeline.processor.hls.PlaylistRenderer;
import org.junit.jupiter.api.Test;

/** Interrupts and alerts, against timelines worked out by hand (2 s segments; boundaries at even seconds). */
class InterruptTest {

    private static ChannelState interrupt(ChannelState state, String id, int priority, ResumePolicy policy,
                                          double atSeconds, Item... items) {
        return Playout.schedule(state, new PlayoutCommand.Interrupt(id, List.of(items), priority, policy),
                at(atSeconds));
    }

    /** What aired by then; each segment airs as the one before it ends, so the playlist never runs dry. */
    private static List<String> airedUntil(ChannelState state, double seconds) {
        List<ChannelSegment> aired = Playout.advance(state, at(seconds)).aired();
        for (int i = 1; i < aired.size(); i++) {
            assertThat(aired.get(i).airTimeMicros()).isEqualTo(aired.get(i - 1).endMicros());
        }
        return labels(aired);
    }

    @Test
    void resumeCutsAtTheFirstBoundaryAtOrAfterEffectiveAtAndContinuesTheCutItemAtItsNextSegment() {
        ChannelState state = interrupt(channel(null, item("ep1", 5), item("ep2", 1)), "breaking", 10,
                ResumePolicy.RESUME, 3, item("news", 2));

        // effectiveAt 3 s: the first boundary at or after it is 4 s.
        assertThat(airedUntil(state, 17)).containsExactly("ep1#0", "ep1#1", "|news#0", "news#1", "|ep1#2", "ep1#3",
                "ep1#4", "|ep2#0", "|ep2#0");
    }

    @Test
    void anInterruptEffectiveExactlyOnABoundaryCutsThere() {
        ChannelState state = interrupt(channel(null, item("ep1", 5)), "breaking", 10, ResumePolicy.RESUME, 2,
                item("news", 1));

        assertThat(airedUntil(state, 5)).containsExactly("ep1#0", "|news#0", "|ep1#1");
    }

    @Test
    void skipDropsTheCutItemAndPlaysTheNextQueuedOne() {
        ChannelState state = interrupt(channel(null, item("ep1", 5), item("ep2", 2)), "breaking", 10,
                ResumePolicy.SKIP, 3, item("news", 2));

        assertThat(airedUntil(state, 11)).containsExactly("ep1#0", "ep1#1", "|news#0", "news#1", "|ep2#0", "ep2#1");
    }

    @Test
    void replaceMakesTheInterruptsItemsTheProgrammingAndDropsTheQueue() {
        ChannelState state = interrupt(channel(null, item("ep1", 5), item("ep2", 2)), "breaking", 10,
                ResumePolicy.REPLACE, 3, item("news", 2));

        // After news the queue is gone; with no filler, the last item (news) loops.
        assertThat(airedUntil(state, 11)).containsExactly("ep1#0", "ep1#1", "|news#0", "news#1", "|news#0",
                "news#1");
    }

    @Test
    void aHigherPriorityPreemptsALowerOne() {
        ChannelState state = interrupt(channel(null, item("ep1", 5)), "weather", 10, ResumePolicy.RESUME, 3,
                item("weather", 3));
        state = interrupt(state, "flash", 20, ResumePolicy.RESUME, 5, item("flash", 1));

        assertThat(airedUntil(state, 15)).containsExactly("ep1#0", "ep1#1", "|weather#0", "|flash#0",
                "|weather#1", "weather#2", "|ep1#2", "ep1#3");
    }

    @Test
    void anEqualOrLowerPriorityWaitsItsTurn() {
        ChannelState state = interrupt(channel(null, item("ep1", 5)), "weather", 10, ResumePolicy.RESUME, 3,
                item("weather", 2));
        state = interrupt(state, "traffic", 10, ResumePolicy.RESUME, 5, item("traffic", 1));
        state = interrupt(state, "promo", 5, ResumePolicy.RESUME, 5, item("promo", 1));

        assertThat(airedUntil(state, 15)).containsExactly("ep1#0", "ep1#1", "|weather#0", "weather#1",
                "|traffic#0", "|promo#0", "|ep1#2", "ep1#3");
    }

    @Test
    void anAlertAirsFromItsStartForItsDurationThenResumesWhereItCut() {
        ChannelState state = Playout.schedule(channel(null, item("ep1", 10)), new PlayoutCommand.StartAlert(
                "storm", List.of(item("storm", 1)), 100, ResumePolicy.RESUME, at(10)), at(3));

        // From the 4 s boundary to the first boundary at or after 10 s, the alert's one segment loops.
        assertThat(airedUntil(state, 13)).containsExactly("ep1#0", "ep1#1", "|storm#0", "|storm#0", "|storm#0",
                "|ep1#2", "ep1#3");
    }

    @Test
    void joinInProgressReturnsWhereProgrammingWouldBeHadTheAlertNotAired() {
        ChannelState state = Playout.schedule(channel(null, item("ep1", 10)), new PlayoutCommand.StartAlert(
                "storm", List.of(item("storm", 1)), 100, ResumePolicy.JOIN_IN_PROGRESS, at(10)), at(3));

        // The alert aired 4..10 s: ep1's segments 2, 3 and 4 would have aired then, so ep1 joins at segment 5.
        assertThat(airedUntil(state, 13)).containsExactly("ep1#0", "ep1#1", "|storm#0", "|storm#0", "|storm#0",
                "|ep1#5", "ep1#6");
    }

    @Test
    void aCancelledAlertEndsAtTheNextBoundary() {
        ChannelState state = Playout.schedule(channel(null, item("ep1", 10)), new PlayoutCommand.StartAlert(
                "storm", List.of(item("storm", 1)), 100, ResumePolicy.RESUME, at(60)), at(3));
        state = Playout.schedule(state, new PlayoutCommand.CancelAlert("storm"), at(5));

        assertThat(airedUntil(state, 9)).containsExactly("ep1#0", "ep1#1", "|storm#0", "|ep1#2", "ep1#3");
    }

    @Test
    void everyPollOfEveryRenditionIsAValidLivePlaylistAndRenditionsStayInStep() {
        ChannelState state = interrupt(channel(null, item("ep1", 7), item("ep2", 4)), "breaking", 10,
                ResumePolicy.RESUME, 5, item("news", 3));
        String[] previous = new String[2];
        for (int t = 0; t <= 60; t++) {
            state = Playout.advance(state, at(t)).state();
            if (state.window().isEmpty()) {
                continue;
            }
            String hd = PlaylistRenderer.renderMedia(ChannelPlaylists.media(state, "720p"));
            String sd = PlaylistRenderer.renderMedia(ChannelPlaylists.media(state, "480p"));
            HlsRules.assertValidMediaPlaylist(hd);
            assertThat(sd).isEqualTo(hd.replace("/720p/", "/480p/"));
            if (previous[0] != null) {
                HlsRules.assertValidSuccessor(previous[0], hd);
            }
            previous[0] = hd;
        }
        HlsRules.assertValidMasterPlaylist(PlaylistRenderer.renderMaster(ChannelPlaylists.master(state)));
    }
}
