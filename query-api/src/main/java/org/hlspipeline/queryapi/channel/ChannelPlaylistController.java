package org.hlspipeline.queryapi.channel;

import org.hlspipeline.processor.hls.PlaylistRenderer;
import org.hlspipeline.queryapi.http.PlaylistResponses;
import org.hlspipeline.queryapi.http.RenderedPlaylist;
import org.hlspipeline.queryapi.http.RenderedPlaylistCache;
import org.hlspipeline.queryapi.http.SignedUrls;
import org.hlspipeline.processor.playout.ChannelConfig;
import org.hlspipeline.processor.playout.ChannelPlaylists;
import org.hlspipeline.processor.playout.ChannelState;
import org.hlspipeline.queryapi.query.Served;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * A channel's playlists, as players fetch them. Both come from the channel's state in the store (read through
 * {@link ChannelReads}, wherever the channel lives), through {@link ChannelPlaylists}, so every rendition is cut
 * from the same window: the same media sequence, discontinuity sequence and boundaries.
 *
 * <p>404 for an unknown channel, one not configured yet, a rendition not in its ladder, and a media playlist
 * of a channel that has aired nothing yet (see {@link ChannelProblems#nothingAired}).
 */
@RestController
class ChannelPlaylistController {

    private final ChannelReads reads;
    private final RenderedPlaylistCache cache;
    private final SignedUrls signedUrls;

    ChannelPlaylistController(ChannelReads reads, RenderedPlaylistCache cache, SignedUrls signedUrls) {
        this.reads = reads;
        this.cache = cache;
        this.signedUrls = signedUrls;
    }

    @GetMapping("/channels/{channelId}/renditions/{rendition}/playlist.m3u8")
    Mono<ResponseEntity<byte[]>> mediaPlaylist(@PathVariable String channelId, @PathVariable String rendition,
                                               ServerWebExchange exchange) {
        return reads.channel(channelId).map(served -> {
            ChannelState state = configured(channelId, served);
            ChannelConfig config = state.config();
            if (!config.renditionNames().contains(rendition)) {
                throw ChannelProblems.unknownRendition(channelId, rendition);
            }
            if (state.window().isEmpty()) {
                throw ChannelProblems.nothingAired(channelId, config.targetDurationSeconds());
            }
            RenderedPlaylist playlist = cache.media(cacheKey(channelId, rendition), version(state),
                    progress(state), () -> ChannelPlaylists.media(state, rendition));
            return PlaylistResponses.ok(exchange, playlist, cacheControl(state), served);
        });
    }

    @GetMapping("/channels/{channelId}/master.m3u8")
    Mono<ResponseEntity<byte[]>> masterPlaylist(@PathVariable String channelId, ServerWebExchange exchange) {
        return reads.channel(channelId).map(served -> {
            ChannelState state = configured(channelId, served);
            RenderedPlaylist playlist = RenderedPlaylist.of(PlaylistRenderer.renderMaster(
                    signedUrls.master(exchange, ChannelPlaylists.master(state))));
            return PlaylistResponses.ok(exchange, playlist, cacheControl(state), served);
        });
    }

    private static ChannelState configured(String channelId, Served<ChannelState> served) {
        ChannelState state = served.value().orElseThrow(() -> ChannelProblems.unknownChannel(channelId));
        if (!state.configured()) {
            throw ChannelProblems.notConfigured(channelId);
        }
        return state;
    }

    private static CacheControl cacheControl(ChannelState state) {
        return state.ended() ? PlaylistResponses.ended()
                : PlaylistResponses.live(state.config().targetDurationSeconds());
    }

    static String cacheKey(String channelId, String rendition) {
        return "channel/" + channelId + "/" + rendition;
    }

    /**
     * What the rendered media playlist depends on, as one number: the window changes only when a segment airs
     * (which bumps the next media sequence), the end adds ENDLIST, and a re-configure may switch program
     * date-times and the ad-marker style without airing anything. The target duration never changes.
     * Exact (no two states that render differently share a version) below 2^58 aired segments.
     */
    /** How far the channel has aired: a re-configure changes the version without moving it on. */
    static long progress(ChannelState state) {
        return state.nextMediaSequence() * 2 + (state.ended() ? 1 : 0);
    }

    static long version(ChannelState state) {
        ChannelConfig config = state.config();
        return progress(state) * 16 + (config.programDateTime() ? 8 : 0) + config.adMarkers().ordinal();
    }
}
