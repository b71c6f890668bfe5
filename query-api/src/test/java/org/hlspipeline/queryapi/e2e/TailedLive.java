package org.hlspipeline.queryapi.e2e;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.hlspipeline.processor.hls.HlsPlaylistParser;
import org.hlspipeline.queryapi.testing.HttpPlaylists;
import org.hlspipeline.queryapi.testing.PipelineInstance;
import org.hlspipeline.queryapi.testing.TestKafka;
import org.springframework.http.HttpStatus;

/**
 * One live rendition as an operator runs it beside the pipeline: ffmpeg writes {@code index.m3u8} and its
 * segments into a folder in real time, {@link MediaServer} serves that folder as the origin, and
 * {@code producer-tools tail} (a process of its own) follows the playlist and publishes every segment, with URIs
 * on the origin, as rendition {@value TestMedia#LIVE_RENDITION} of {@code stream}. What the players of
 * {@link FfmpegPlaysItIT} and {@link LiveMediaBrowserIT} are given. Closing stops tail, ffmpeg and the origin.
 */
final class TailedLive implements AutoCloseable {

    /** How long ffmpeg writes: longer than any test plays. */
    private static final int SECONDS = 40;

    /** An ffmpeg live recipe of {@link TestMedia} writing {@code folder/index.m3u8}. */
    @FunctionalInterface
    interface Source {
        Ffmpeg.Running start(Path folder, int seconds) throws IOException;
    }

    private final PipelineInstance app;
    private final String stream;
    private final MediaServer origin;
    private final Ffmpeg.Running transcoder;
    private final ToolProcess tail;

    private TailedLive(PipelineInstance app, String stream, MediaServer origin, Ffmpeg.Running transcoder,
                       ToolProcess tail) {
        this.app = app;
        this.stream = stream;
        this.origin = origin;
        this.transcoder = transcoder;
        this.tail = tail;
    }

    /** Starts the three, {@code tail} publishing to {@code topic} of the tests' broker. */
    static TailedLive start(Path folder, PipelineInstance app, String topic, String stream, Source source)
            throws Exception {
        MediaServer origin = MediaServer.serve(folder);
        Ffmpeg.Running transcoder = null;
        try {
            transcoder = source.start(folder, SECONDS);
            ToolProcess tail = ToolProcess.start(folder, "tail-" + stream, List.of("tail",
                    folder.resolve("index.m3u8").toString(), "--stream", stream,
                    "--rendition", TestMedia.LIVE_RENDITION, "--base-url", origin.url(""),
                    "--bootstrap-servers", TestKafka.bootstrapServers(), "--topic", topic));
            return new TailedLive(app, stream, origin, transcoder, tail);
        } catch (Exception | Error e) {
            if (transcoder != null) {
                transcoder.close();
            }
            origin.close();
            throw e;
        }
    }

    /** The app's media playlist of the stream, once it has {@code segments} segments. */
    String awaitPlaylist(int segments) {
        await(segments + " segments in the app's playlist").atMost(Duration.ofSeconds(40))
                .pollInterval(Duration.ofMillis(250)).until(() -> segmentsIn(app, mediaPath()) >= segments);
        return HttpPlaylists.playlist(app.http(), stream, TestMedia.LIVE_RENDITION);
    }

    /** The path of the app's media playlist of the stream. */
    String mediaPath() {
        return HttpPlaylists.mediaPath(stream, TestMedia.LIVE_RENDITION);
    }

    MediaServer origin() {
        return origin;
    }

    /** ffmpeg is still writing: the stream was live while it was played. */
    boolean live() {
        return transcoder.isAlive();
    }

    /** Segments in the app's media playlist at {@code path}; 0 while it is not served. */
    static int segmentsIn(PipelineInstance app, String path) {
        var result = app.http().get().uri(path).exchange().expectBody(byte[].class).returnResult();
        if (result.getStatus() != HttpStatus.OK || result.getResponseBody() == null) {
            return 0;
        }
        return HlsPlaylistParser.parseMedia(new String(result.getResponseBody(), StandardCharsets.UTF_8))
                .segments().size();
    }

    @Override
    public void close() throws InterruptedException {
        try (origin; transcoder) {
            tail.close();
        }
    }
}
