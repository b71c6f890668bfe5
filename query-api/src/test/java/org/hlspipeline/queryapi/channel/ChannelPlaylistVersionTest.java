package org.hlspipeline.queryapi.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hlspipeline.processor.playout.Channels.at;
import static org.hlspipeline.processor.playout.Channels.channel;
import static org.hlspipeline.processor.playout.Channels.item;

import java.util.HashSet;
import java.util.Set;

import org.hlspipeline.processor.hls.PlaylistRenderer;
import org.hlspipeline.processor.playout.AdMarkers;
import org.hlspipeline.processor.playout.ChannelConfig;
import org.hlspipeline.processor.playout.ChannelPlaylists;
import org.hlspipeline.processor.playout.ChannelState;
import org.hlspipeline.processor.playout.Channels;
import org.hlspipeline.processor.playout.Playout;
import org.hlspipeline.processor.playout.PlayoutCommand;
import org.junit.jupiter.api.Test;

/** The cache version of a channel's media playlist changes exactly when its rendered bytes may change. */
class ChannelPlaylistVersionTest {

    @Test
    void everyAiredSegmentTheEndAndAReconfigureGiveANewVersionAndNothingElseDoes() {
        ChannelState state = channel(item("filler", 3), item("ep1", 5));
        Set<Long> versions = new HashSet<>();
        Set<String> playlists = new HashSet<>();
        for (int t = 0; t <= 20; t++) {
            state = Playout.advance(state, at(t)).state();
            String playlist = PlaylistRenderer.renderMedia(ChannelPlaylists.media(state, "720p"));
            // Same version ⇔ same bytes, within one channel's life.
            assertThat(versions.add(ChannelPlaylistController.version(state))).isEqualTo(playlists.add(playlist));
        }

        ChannelState aired = state;
        ChannelState later = Playout.advance(Playout.schedule(aired, new PlayoutCommand.Enqueue(
                java.util.List.of(item("ep2", 1)), false), at(20.5)), at(20.9)).state();
        assertThat(later.window()).isEqualTo(aired.window());
        assertThat(ChannelPlaylistController.version(later)).isEqualTo(ChannelPlaylistController.version(aired));

        ChannelConfig noDates = new ChannelConfig(Channels.LADDER, 6, 2, null, false, AdMarkers.CUE);
        ChannelState reconfigured = Playout.advance(Playout.schedule(aired, new PlayoutCommand.Configure(noDates),
                at(20.5)), at(20.9)).state();
        assertThat(reconfigured.window()).isEqualTo(aired.window());
        assertThat(ChannelPlaylistController.version(reconfigured))
                .isNotEqualTo(ChannelPlaylistController.version(aired));

        ChannelState ended = Playout.advance(Playout.schedule(aired, new PlayoutCommand.End(false), at(20.5)),
                at(20.9)).state();
        assertThat(ended.ended()).isTrue();
        assertThat(ChannelPlaylistController.version(ended)).isNotEqualTo(ChannelPlaylistController.version(aired));
    }

    @Test
    void theCacheKeyNamesChannelAndRendition() {
        assertThat(ChannelPlaylistController.cacheKey("tv1", "720p")).isEqualTo("channel/tv1/720p");
    }
}
