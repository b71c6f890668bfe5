package org.hlspipeline.queryapi.viewer;

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
}
