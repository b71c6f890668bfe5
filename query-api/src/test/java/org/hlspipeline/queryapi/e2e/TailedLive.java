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
import org.hlspipeline.queryapi.testing.ToolProcess;
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
        return start(folder, app, topic, stream, source, SECONDS, "index.m3u8", "--rendition",
                TestMedia.LIVE_RENDITION);
    }

    /**
     * The same for a recipe that writes {@code folder/master.m3u8}, ffmpeg writing for {@code seconds}: {@code tail}
     * follows the master playlist, every rendition it lists named as {@code tail} names them.
     */
    static TailedLive startMaster(Path folder, PipelineInstance app, String topic, String stream, Source source,
                                  int seconds) throws Exception {
        return start(folder, app, topic, stream, source, seconds, "master.m3u8");
    }

    private static TailedLive start(Path folder, PipelineInstance app, String topic, String stream, Source source,
                                    int seconds, String playlist, String... naming) throws Exception {
        MediaServer origin = MediaServer.serve(folder);
        Ffmpeg.Running transcoder = null;
        try {
            transcoder = source.start(folder, seconds);
            List<String> arguments = new java.util.ArrayList<>(List.of("tail", folder.resolve(playlist).toString(),
                    "--stream", stream));
            arguments.addAll(List.of(naming));
            arguments.addAll(List.of("--base-url", origin.url(""),
                    "--bootstrap-servers", TestKafka.bootstrapServers(), "--topic", topic));
            ToolProcess tail = ToolProcess.start(folder, "tail-" + stream, arguments);
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

    /**
     * The app's master playlist of the stream, once {@code ready} holds for it (it answers 404 while no variant
     * can be listed), within {@code limit}.
     */
    String awaitMaster(String what, java.util.function.Predicate<String> ready, Duration limit) {
        String path = "/streams/" + stream + "/master.m3u8";
        String[] last = new String[1];
        try {
            await(what + " in the app's master playlist").atMost(limit).pollInterval(Duration.ofMillis(250))
                    .until(() -> {
                        var result = app.http().get().uri(path).exchange().expectBody(byte[].class).returnResult();
                        last[0] = result.getStatus() == HttpStatus.OK && result.getResponseBody() != null
                                ? new String(result.getResponseBody(), StandardCharsets.UTF_8) : null;
                        return last[0] != null && ready.test(last[0]);
                    });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError(e.getMessage() + "\nthe last master playlist:\n" + last[0] + "\n"
                    + tailOutput(), e);
        }
        return last[0];
    }

    /** What {@code tail} printed, for failure messages. */
    String tailOutput() {
        return "tail's stdout:\n" + tail.out() + "\ntail's stderr:\n" + tail.err();
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
