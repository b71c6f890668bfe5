package org.hlspipeline.queryapi.viewer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Real media made by Debian's ffmpeg, as a transcoder would write it: H.264 Main, yuv420p, 25 fps with a keyframe
 * every 2 s (so every segment starts with one), AAC, cut by the HLS muxer into 2 s MPEG-TS segments. Small
 * (640x360, fast preset) to spare the build machine's two cores; every test source is a lavfi generator, so
 * nothing is downloaded.
 *
 * <p>Layout, per asset or stream folder: {@code master.m3u8} naming one variant {@value #RENDITION}, whose media
 * playlist and segments are in {@code 360p/} ({@code index.m3u8}, {@code seg<n>.ts}): the layout the README's
 * walk-through uses, and the one {@code producer-tools} names renditions after.
 */
final class TestMedia {

    static final String RENDITION = "360p";
    /** What ffmpeg's master playlist says of the variant, and what a channel's ladder must say too. */
    static final String CODECS = "avc1.4d401e,mp4a.40.2";
    static final String RESOLUTION = "640x360";

    private static final Path FFMPEG = Path.of("/usr/bin/ffmpeg");

    private TestMedia() {
    }

    /** Fails, never skips, when ffmpeg is missing: the end-to-end tests are the only proof with real media. */
    static void requireFfmpeg() {
        if (!Files.isExecutable(FFMPEG)) {
            throw new AssertionError(FFMPEG + " is missing: the end-to-end tests need Debian's ffmpeg "
                    + "(apt-get install ffmpeg; .ci/run installs it)");
        }
    }

    /**
     * Starts a live stream written in real time ({@code -re}) into {@code folder}, for at most {@code limit}
     * (ffmpeg then ends it with #EXT-X-ENDLIST). Segments are kept on disk, so a player behind the live edge
     * never meets a deleted one. Stop it with {@link Process#destroy()}.
     */
    static Process startLive(Path folder, Duration limit) {
        requireFfmpeg();
        List<String> command = new ArrayList<>(List.of(FFMPEG.toString(), "-hide_banner", "-loglevel", "warning",
                "-nostdin", "-re", "-f", "lavfi", "-i", "testsrc2=size=" + RESOLUTION + ":rate=25",
                "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000",
                "-t", String.valueOf(limit.toSeconds())));
        command.addAll(encoding());
        command.addAll(List.of("-hls_list_size", "6"));
        command.addAll(layout(folder));
        try {
            Files.createDirectories(folder.resolve(RENDITION));
            return new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(folder.resolve("ffmpeg.log").toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
    }

    /**
     * Writes a VOD asset of {@code seconds} (a multiple of 2: whole segments) into {@code folder}, from the lavfi
     * video source {@code videoSource} and a tone, and waits for ffmpeg to finish. Returns the media playlist.
     */
    static Path vod(Path folder, String videoSource, int seconds, int toneHz) {
        return vod(folder, videoSource, seconds, toneHz, layout(folder));
    }

    /**
     * As {@link #vod}, in fMP4 (CMAF) segments: {@code seg<n>.m4s} and the initialisation section
     * {@code init.mp4} beside them, named by {@code #EXT-X-MAP} in the media playlist.
     */
    static Path vodFmp4(Path folder, String videoSource, int seconds, int toneHz) {
        List<String> layout = new ArrayList<>(List.of("-hls_segment_type", "fmp4", "-hls_fmp4_init_filename",
                "init.mp4"));
        layout.addAll(layout(folder));
        layout.set(layout.indexOf(folder.resolve("%v").resolve("seg%d.ts").toString()),
                folder.resolve("%v").resolve("seg%d.m4s").toString());
        return vod(folder, videoSource, seconds, toneHz, layout);
    }

    /** The audio rendition of {@link #vodDemuxed}, named as a channel's ladder names it. */
    static final String AUDIO_RENDITION = "audio";

    /**
     * As {@link #vod}, demuxed: the picture alone in {@value #RENDITION}{@code /} and the sound alone in
     * {@value #AUDIO_RENDITION}{@code /}, each its own media playlist {@code index.m3u8} cut at the same 2 s, in
     * MPEG-TS segments {@code seg<n>.ts} or, with {@code fmp4}, fMP4 segments {@code seg<n>.m4s} after an
     * initialisation section of their own (ffmpeg numbers it per stream, {@code init_<n>.mp4}). Returns the folder.
     *
     * <p>The sound stops 0.1 s before the picture: whole AAC frames would otherwise run it past the last picture
     * into a fourth, tiny segment of its own, and a channel item's renditions must have the same segments.
     */
    static Path vodDemuxed(Path folder, String videoSource, int seconds, int toneHz, boolean fmp4) {
        String extension = fmp4 ? "m4s" : "ts";
        List<String> layout = new ArrayList<>(List.of("-f", "hls", "-hls_time", "2", "-hls_segment_filename",
                folder.resolve("%v").resolve("seg%d." + extension).toString(), "-master_pl_name", "master.m3u8",
                "-var_stream_map", "v:0,agroup:aac,name:" + RENDITION + " a:0,agroup:aac,name:" + AUDIO_RENDITION,
                "-af", "atrim=end=" + (seconds - 0.1)));
        if (fmp4) {
            layout.addAll(List.of("-hls_segment_type", "fmp4", "-hls_fmp4_init_filename", "init.mp4"));
        }
        layout.add(folder.resolve("%v").resolve("index.m3u8").toString());
        vod(folder, videoSource, seconds, toneHz, layout);
        return folder;
    }

    private static Path vod(Path folder, String videoSource, int seconds, int toneHz, List<String> layout) {
        requireFfmpeg();
        List<String> command = new ArrayList<>(List.of(FFMPEG.toString(), "-hide_banner", "-loglevel", "warning",
                "-nostdin", "-y", "-f", "lavfi", "-i", videoSource, "-f", "lavfi",
                "-i", "sine=frequency=" + toneHz + ":sample_rate=48000", "-t", String.valueOf(seconds),
                "-s", RESOLUTION, "-r", "25"));
        command.addAll(encoding());
        command.addAll(List.of("-hls_playlist_type", "vod"));
        command.addAll(layout);
        Path log = folder.resolve("ffmpeg.log");
        try {
            Files.createDirectories(folder.resolve(RENDITION));
            Process ffmpeg = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                    .start();
            if (!ffmpeg.waitFor(2, TimeUnit.MINUTES)) {
                ffmpeg.destroyForcibly();
                throw new AssertionError("ffmpeg took more than 2 minutes for " + folder);
            }
            if (ffmpeg.exitValue() != 0) {
                throw new AssertionError("ffmpeg failed (" + ffmpeg.exitValue() + ") for " + folder + ":\n"
                        + Files.readString(log, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return folder.resolve(RENDITION).resolve("index.m3u8");
    }

    /** What ffmpeg said, for a failure message. */
    static String log(Path folder) {
        try {
            return Files.readString(folder.resolve("ffmpeg.log"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no ffmpeg log: " + e.getMessage() + ")";
        }
    }

    /** H.264 Main (level 3.0 at 640x360), yuv420p, a closed 2 s GOP without scene cuts; AAC-LC. */
    private static List<String> encoding() {
        return List.of("-c:v", "libx264", "-profile:v", "main", "-level:v", "3.0", "-pix_fmt", "yuv420p",
                "-preset", "veryfast", "-b:v", "800k", "-maxrate", "800k", "-bufsize", "1600k",
                "-g", "50", "-keyint_min", "50", "-sc_threshold", "0",
                "-c:a", "aac", "-b:a", "96k", "-ar", "48000");
    }

    /** The HLS muxer: 2 s segments, a master playlist, the variant in its own folder. */
    private static List<String> layout(Path folder) {
        return List.of("-f", "hls", "-hls_time", "2", "-hls_segment_filename",
                folder.resolve("%v").resolve("seg%d.ts").toString(), "-master_pl_name", "master.m3u8",
                "-var_stream_map", "v:0,a:0,name:" + RENDITION, folder.resolve("%v").resolve("index.m3u8").toString());
    }
}
