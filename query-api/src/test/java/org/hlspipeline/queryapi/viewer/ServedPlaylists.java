package org.hlspipeline.queryapi.viewer;

import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.hlspipeline.processor.hls.HlsPlaylistParser;
import org.hlspipeline.queryapi.testing.PipelineInstance;

/** What the application serves a player, read over HTTP. */
final class ServedPlaylists {

    private ServedPlaylists() {
    }

    /** Segments in the media playlist at {@code path}; 0 while it is not served (404 until something airs). */
    static int segmentCount(PipelineInstance app, String path) {
        var result = app.http().get().uri(path).exchange().expectBody(String.class).returnResult();
        if (!result.getStatus().is2xxSuccessful() || result.getResponseBody() == null) {
            return 0;
        }
        return HlsPlaylistParser.parseMedia(result.getResponseBody()).uris().size();
    }

    /** Waits until {@code channel}'s {@code rendition} playlist lists {@code segments} segments (30 s at most). */
    static void awaitAired(PipelineInstance app, String channel, String rendition, int segments) {
        String playlist = "/channels/" + channel + "/renditions/" + rendition + "/playlist.m3u8";
        await("the channel has aired " + segments + " segments").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500)).until(() -> segmentCount(app, playlist) >= segments);
    }
}
