package org.hlspipeline.queryapi.testing;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The calls a transcoder and a player make, in the API's own terms. */
public final class HttpPlaylists {

    private HttpPlaylists() {
    }

    public static String mediaPath(String stream, String rendition) {
        return "/streams/" + stream + "/renditions/" + rendition + "/playlist.m3u8";
    }

    public static WebTestClient.ResponseSpec register(WebTestClient http, String stream, String rendition,
                                                      long sequence, double seconds, String path) {
        return http.post().uri("/streams/{s}/renditions/{r}/segments", stream, rendition)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("sequence", sequence, "duration", seconds, "path", path))
                .exchange();
    }

    public static WebTestClient.ResponseSpec register(WebTestClient http, String stream, String rendition,
                                                      long sequence) {
        return register(http, stream, rendition, sequence, 2.0, "/segments/" + sequence + ".ts");
    }

    public static void registered(WebTestClient http, String stream, String rendition, long sequence) {
        // Each answer's body is read: one left unread holds its Netty buffers (docs/operations.md, HTTP limits).
        register(http, stream, rendition, sequence).expectStatus().isCreated().expectBody().returnResult();
    }

    public static String playlist(WebTestClient http, String stream, String rendition) {
        byte[] body = http.get().uri(mediaPath(stream, rendition)).exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseBody();
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The playlists at these paths, each of which must answer 200, in the order given. */
    public static Map<String, String> snapshot(WebTestClient http, List<String> paths) {
        Map<String, String> playlists = new LinkedHashMap<>();
        for (String path : paths) {
            byte[] body = http.get().uri(path).exchange().expectStatus().isOk().expectBody().returnResult()
                    .getResponseBody();
            playlists.put(path, new String(body, StandardCharsets.UTF_8));
        }
        return playlists;
    }

    public static void end(WebTestClient http, String stream) {
        http.post().uri("/streams/{s}/end", stream).exchange().expectStatus().isOk().expectBody().returnResult();
    }
}
