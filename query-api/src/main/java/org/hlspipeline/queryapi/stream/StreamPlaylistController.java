package org.hlspipeline.queryapi.stream;

import org.hlspipeline.processor.window.RenditionWindow;
import org.hlspipeline.processor.window.StreamState;
import org.hlspipeline.processor.ingest.WindowKeys;

import org.hlspipeline.processor.hls.MasterPlaylist;
import org.hlspipeline.processor.hls.PlaylistRenderer;
import org.hlspipeline.queryapi.http.PlaylistResponses;
import org.hlspipeline.queryapi.http.Problems;
import org.hlspipeline.queryapi.http.RenderedPlaylist;
import org.hlspipeline.queryapi.http.RenderedPlaylistCache;
import org.hlspipeline.queryapi.http.SignedUrls;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/** Live playlists of streams, as players fetch them. */
@RestController
class StreamPlaylistController {

    private final StreamReads reads;
    private final RenderedPlaylistCache cache;
    private final SignedUrls signedUrls;

    StreamPlaylistController(StreamReads reads, RenderedPlaylistCache cache, SignedUrls signedUrls) {
        this.reads = reads;
        this.cache = cache;
        this.signedUrls = signedUrls;
    }

    @GetMapping("/streams/{streamId}/renditions/{rendition}/playlist.m3u8")
    Mono<ResponseEntity<byte[]>> mediaPlaylist(@PathVariable String streamId, @PathVariable String rendition,
                                               ServerWebExchange exchange) {
        return reads.window(streamId, rendition).map(served -> {
            RenditionWindow window = served.value().orElseThrow(() -> Problems.notFound(
                    "No rendition '" + rendition + "' of stream '" + streamId + "'"));
            RenderedPlaylist playlist = cache.media(WindowKeys.of(streamId, rendition), window.version(),
                    window.version(), window::toPlaylist);
            CacheControl cacheControl = window.ended() ? PlaylistResponses.ended()
                    : PlaylistResponses.live(window.targetDurationSeconds());
            return PlaylistResponses.ok(exchange, playlist, cacheControl, served);
        });
    }

    @GetMapping("/streams/{streamId}/master.m3u8")
    Mono<ResponseEntity<byte[]>> masterPlaylist(@PathVariable String streamId, ServerWebExchange exchange) {
        return reads.stream(streamId).map(served -> {
            StreamState stream = served.value().orElseThrow(() -> Problems.notFound(
                    "No stream '" + streamId + "'"));
            MasterPlaylist master = stream.toMasterPlaylist().orElseThrow(() -> Problems.notFound("Stream '"
                    + streamId + "' has no VIDEO rendition that is both described and has segments yet (with "
                    + "members in the groups it names): PUT /streams/" + streamId + "/renditions/{rendition} with "
                    + "its bandwidth, and register its segments"));
            // Rendered per request: a signed read's variant URIs carry that request's expiry.
            RenderedPlaylist playlist = RenderedPlaylist.of(PlaylistRenderer.renderMaster(
                    signedUrls.master(exchange, master)));
            CacheControl cacheControl = stream.ended() ? PlaylistResponses.ended() : PlaylistResponses.live(2);
            return PlaylistResponses.ok(exchange, playlist, cacheControl, served);
        });
    }
}
