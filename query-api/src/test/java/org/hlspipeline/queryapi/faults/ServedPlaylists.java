package org.hlspipeline.queryapi.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.stream.LongStream;

import org.hlspipeline.processor.hls.HlsPlaylistParser;
import org.hlspipeline.processor.hls.ParsedMediaPlaylist;
import org.hlspipeline.queryapi.testing.AppProcess;
import org.hlspipeline.queryapi.testing.HttpPlaylists;

/**
 * The media playlists of {@link SegmentLoad}'s streams as an instance serves them, and the check every fault test
 * ends with: each acknowledged segment is in its stream's playlist, once, in order, with nothing declared lost.
 */
final class ServedPlaylists {

    static final int WINDOW = 6;

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private ServedPlaylists() {
    }

    /** The body of {@code stream}'s media playlist, or null when the instance does not answer 200. */
    static String body(AppProcess instance, String stream) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(instance.baseUrl()
                            + HttpPlaylists.mediaPath(stream, SegmentLoad.RENDITION))).timeout(Duration.ofSeconds(5))
                    .build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? response.body() : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    static ParsedMediaPlaylist playlist(AppProcess instance, String stream) {
        String body = body(instance, stream);
        return body == null ? null : HlsPlaylistParser.parseMedia(body);
    }

    /**
     * Waits until every stream's playlist on {@code instance} ends with its last acknowledged segment, then holds
     * it to the window of the {@value #WINDOW} segments before it: in order, none missing, none twice, no gap.
     */
    static void awaitEveryAcknowledgedSegment(AppProcess instance, Map<String, Long> acknowledged) {
        acknowledged.forEach((stream, last) -> {
            ParsedMediaPlaylist playlist = await(stream + " caught up on " + instance.name())
                    .atMost(Duration.ofSeconds(90)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(200))
                    .until(() -> playlist(instance, stream), p -> p != null && p.uris().contains("seg" + last + ".ts"));
            assertThat(playlist.mediaSequence()).as(stream).isEqualTo(Math.max(0, last - WINDOW + 1));
            assertThat(playlist.uris()).as(stream).isEqualTo(LongStream.rangeClosed(Math.max(0, last - WINDOW + 1),
                    last).mapToObj(n -> "seg" + n + ".ts").toList());
            assertThat(playlist.lines()).as(stream).noneMatch(line -> line.startsWith("#EXT-X-GAP"));
        });
    }

    /**
     * Once a fault is over: stops the load, waits until {@code instance} serves every segment Kafka acknowledged,
     * and returns how long that took from {@code overAtNanos} ({@link System#nanoTime()}), in milliseconds.
     */
    static long millisUntilCaughtUp(AppProcess instance, SegmentLoad load, long overAtNanos)
            throws InterruptedException {
        load.stop();
        awaitEveryAcknowledgedSegment(instance, load.lastAcknowledged());
        return (System.nanoTime() - overAtNanos) / 1_000_000;
    }
}
