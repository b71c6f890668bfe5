package org.hlspipeline.queryapi.viewer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.hlspipeline.tools.ProducerTools;

/**
 * A transcoder as the README sets one up: ffmpeg encoding a live signal into a folder that the application serves
 * under {@code /media/}, and {@code producer-tools tail} following ffmpeg's master playlist and publishing every
 * segment with URIs under that URL. The tool runs in this JVM, through its {@code main} minus {@code System.exit};
 * closing stops it (as Ctrl+C would) and then ffmpeg.
 */
final class LiveTranscoder implements AutoCloseable {

    private final Process ffmpeg;
    private final ExecutorService tailThread;
    private final Future<Integer> tail;
    private final Path folder;

    private LiveTranscoder(Process ffmpeg, ExecutorService tailThread, Future<Integer> tail, Path folder) {
        this.ffmpeg = ffmpeg;
        this.tailThread = tailThread;
        this.tail = tail;
        this.folder = folder;
    }

    /**
     * @param folder       where ffmpeg writes, inside the application's media folder
     * @param mediaUrl     that folder's URL on the application ({@code http://host:port/media/<stream>/})
     * @param topic        the stream-events topic the tool publishes to, at {@code bootstrapServers}
     */
    static LiveTranscoder start(Path folder, String mediaUrl, String stream, String bootstrapServers,
                                String topic) {
        Process ffmpeg = TestMedia.startLive(folder, Duration.ofMinutes(3));
        ExecutorService thread = Executors.newSingleThreadExecutor(r -> new Thread(r, "producer-tools-tail"));
        Future<Integer> tail = thread.submit(() -> ProducerTools.run("tail",
                "--bootstrap-servers", bootstrapServers, "--topic", topic,
                folder.resolve("master.m3u8").toString(), "--stream", stream, "--base-url", mediaUrl, "--quiet"));
        return new LiveTranscoder(ffmpeg, thread, tail, folder);
    }

    /** Both still at work: ffmpeg encoding, tail following. */
    boolean running() {
        return ffmpeg.isAlive() && !tail.isDone();
    }

    /** For a failure message. */
    String describe() {
        String tailState;
        if (!tail.isDone()) {
            tailState = "tail running";
        } else {
            try {
                tailState = "tail exited with " + tail.get();
            } catch (Exception e) {
                tailState = "tail failed: " + e;
            }
        }
        return (ffmpeg.isAlive() ? "ffmpeg running" : "ffmpeg exited with " + ffmpeg.exitValue()) + ", "
                + tailState + "; ffmpeg said: " + TestMedia.log(folder);
    }

    @Override
    public void close() throws InterruptedException {
        tailThread.shutdownNow();
        tailThread.awaitTermination(30, TimeUnit.SECONDS);
        ffmpeg.destroy();
        if (!ffmpeg.waitFor(10, TimeUnit.SECONDS)) {
            ffmpeg.destroyForcibly();
        }
    }
}
