package org.hlspipeline.queryapi.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The media of the end-to-end tests, made by ffmpeg as the README's walk-through makes it: lavfi's {@code testsrc2}
 * picture and a {@code sine} tone, H.264 Main in yuv420p with a keyframe every 2 s exactly (GOP of 50 frames at
 * 25 fps, {@code -keyint_min 50}, and {@code -sc_threshold 0} so that no scene cut adds one), AAC, cut by ffmpeg's
 * HLS muxer into MPEG-TS segments of 2 s ({@code -hls_time 2}). A length that is not a multiple of 2 s ends with a
 * shorter segment, so that not every EXTINF is the same.
 */
final class TestMedia {

    static final int FRAME_RATE = 25;
    static final int SEGMENT_SECONDS = 2;
    /** The one rendition of the live recipes, named after its height as a ladder would. */
    static final String LIVE_RENDITION = "360p";
    /** The audio group of {@link #liveAlternates}, as ffmpeg writes {@code agroup:aud} into its master playlist. */
    static final String AUDIO_GROUP_WRITTEN = "group_aud";
    /** Its subtitles group. */
    static final String SUBTITLES_GROUP = "subs";

    private TestMedia() {
    }

    /**
     * A live stream, written in real time ({@code -re}) for {@code seconds}, twice from one encode (the
     * {@code tee} muxer feeding two HLS muxers the same packets, so both cut the same segments):
     * <ul>
     *   <li>{@code live/index.m3u8}: what a transcoder serves, a window of {@code listSize} segments whose
     *       files are deleted once they slide out ({@code -hls_flags delete_segments});</li>
     *   <li>{@code all/index.m3u8}: the record of every segment ffmpeg wrote ({@code -hls_list_size 0}), which
     *       the test compares with what was published.</li>
     * </ul>
     * Segments are numbered from {@code startNumber}, so that a sequence counted from 0 shows.
     */
    static Ffmpeg.Running liveWithRecord(Path folder, int seconds, int listSize, long startNumber)
            throws IOException {
        Path live = Files.createDirectories(folder.resolve("live")).resolve("index.m3u8");
        Path all = Files.createDirectories(folder.resolve("all")).resolve("index.m3u8");
        String hls = "f=hls:hls_time=" + SEGMENT_SECONDS + ":start_number=" + startNumber;
        List<String> arguments = new ArrayList<>(sources(seconds, true, 440));
        arguments.addAll(List.of("-map", "0:v", "-map", "1:a"));
        arguments.addAll(encoding(seconds));
        arguments.addAll(List.of("-f", "tee",
                "[" + hls + ":hls_list_size=" + listSize + ":hls_flags=delete_segments]" + teePath(live)
                        + "|[" + hls + ":hls_list_size=0]" + teePath(all)));
        return Ffmpeg.start(folder.resolve("ffmpeg.log"), arguments);
    }

    /**
     * A live stream, written in real time for {@code seconds}, as a master playlist {@code master.m3u8} with one
     * variant, {@value #LIVE_RENDITION}/index.m3u8, keeping a window of 6 segments and every segment file.
     */
    static Ffmpeg.Running liveMaster(Path folder, int seconds) {
        List<String> arguments = new ArrayList<>(sources(seconds, true, 440));
        arguments.addAll(List.of("-map", "0:v", "-map", "1:a"));
        arguments.addAll(encoding(seconds));
        arguments.addAll(hls(folder, "6"));
        arguments.addAll(List.of("-var_stream_map", "v:0,a:0,name:" + LIVE_RENDITION));
        arguments.add(folder.resolve("%v").resolve("index.m3u8").toString());
        return Ffmpeg.start(folder.resolve("ffmpeg.log"), arguments);
    }

    /**
     * A live stream in fMP4 (CMAF) segments, written in real time for {@code seconds}: the media playlist
     * {@code index.m3u8} with {@code #EXT-X-MAP:URI="init.mp4"}, segments {@code seg<n>.m4s}, a window of 6.
     */
    static Ffmpeg.Running liveFmp4(Path folder, int seconds) {
        List<String> arguments = new ArrayList<>(sources(seconds, true, 440));
        arguments.addAll(List.of("-map", "0:v", "-map", "1:a"));
        arguments.addAll(encoding(seconds));
        arguments.addAll(List.of("-f", "hls", "-hls_time", String.valueOf(SEGMENT_SECONDS), "-hls_list_size", "6",
                "-hls_segment_type", "fmp4", "-hls_fmp4_init_filename", "init.mp4",
                "-hls_segment_filename", folder.resolve("seg%d.m4s").toString(),
                folder.resolve("index.m3u8").toString()));
        return Ffmpeg.start(folder.resolve("ffmpeg.log"), arguments);
    }

    /**
     * A live stream in fMP4 segments with its audio and subtitles apart from its picture, written in real time
     * for {@code seconds} as a master playlist {@code master.m3u8} (ffmpeg's {@code -var_stream_map} with
     * {@code agroup} and {@code sgroup}):
     * <ul>
     *   <li>the variant {@code out_}{@value #LIVE_RENDITION}{@code /index.m3u8}, picture only, naming the audio
     *       group {@value #AUDIO_GROUP_WRITTEN} and the subtitles group {@value #SUBTITLES_GROUP};</li>
     *   <li>two AUDIO renditions of that group, {@code out_audio_en/} (a 440 Hz tone, LANGUAGE "en", DEFAULT=YES)
     *       and {@code out_audio_de/} (660 Hz, LANGUAGE "de");</li>
     *   <li>one SUBTITLES rendition (LANGUAGE "en"), WebVTT segments {@code index<n>.vtt} of {@code subtitles.srt}
     *       (a cue "Cue n" in every segment), in ffmpeg's default place beside the picture,
     *       {@code out_360p/index_vtt.m3u8}.</li>
     * </ul>
     * A window of 6 segments each; no file is deleted.
     */
    static Ffmpeg.Running liveAlternates(Path folder, int seconds) throws IOException {
        Path subtitles = folder.resolve("subtitles.srt");
        Files.writeString(subtitles, srt(seconds));
        List<String> arguments = new ArrayList<>(sources(seconds, true, 440));
        arguments.addAll(List.of("-re", "-f", "lavfi", "-i", "sine=frequency=660:sample_rate=48000",
                "-i", subtitles.toString(),
                "-map", "0:v", "-map", "1:a", "-map", "2:a", "-map", "3:s"));
        arguments.addAll(encoding(seconds));
        arguments.addAll(List.of("-c:s", "webvtt",
                "-f", "hls", "-hls_time", String.valueOf(SEGMENT_SECONDS), "-hls_list_size", "6",
                "-hls_segment_type", "fmp4", "-hls_fmp4_init_filename", "init.mp4",
                "-master_pl_name", "master.m3u8",
                "-hls_segment_filename", folder.resolve("out_%v").resolve("seg%d.m4s").toString(),
                // ffmpeg's group "aud" is written GROUP-ID="group_aud"; "subs" stays "subs".
                // The variant's language is its subtitles' LANGUAGE.
                "-var_stream_map", "v:0,s:0,agroup:aud,sgroup:" + SUBTITLES_GROUP + ",language:en,name:"
                        + LIVE_RENDITION
                        + " a:0,agroup:aud,language:en,default:yes,name:audio_en"
                        + " a:1,agroup:aud,language:de,name:audio_de",
                folder.resolve("out_%v").resolve("index.m3u8").toString()));
        return Ffmpeg.start(folder.resolve("ffmpeg.log"), arguments);
    }

    /** SubRip cues "Cue n", one in each segment of {@code seconds}, from 0.5 s to 1.5 s into it. */
    private static String srt(int seconds) {
        StringBuilder srt = new StringBuilder();
        for (int i = 0; i * SEGMENT_SECONDS < seconds; i++) {
            int start = i * SEGMENT_SECONDS;
            srt.append(i + 1).append('\n').append(String.format("00:%02d:%02d,500 --> 00:%02d:%02d,500\n",
                    start / 60, start % 60, (start + 1) / 60, (start + 1) % 60)).append("Cue ").append(i + 1)
                    .append("\n\n");
        }
        return srt.toString();
    }

    /**
     * A live stream of AES-128 encrypted MPEG-TS segments ({@code -hls_key_info_file}), written in real time for
     * {@code seconds}: {@code index.m3u8} with {@code #EXT-X-KEY:METHOD=AES-128,URI="enc.key",IV=…}, the 16-byte
     * key in {@code enc.key} beside it, as a key server would serve it.
     */
    static Ffmpeg.Running liveEncrypted(Path folder, int seconds) throws java.io.IOException {
        byte[] key = new byte[16];
        new java.security.SecureRandom().nextBytes(key);
        java.nio.file.Files.write(folder.resolve("enc.key"), key);
        java.nio.file.Files.writeString(folder.resolve("enc.keyinfo"), "enc.key\n" + folder.resolve("enc.key")
                + "\n00112233445566778899aabbccddeeff\n");
        List<String> arguments = new ArrayList<>(sources(seconds, true, 440));
        arguments.addAll(List.of("-map", "0:v", "-map", "1:a"));
        arguments.addAll(encoding(seconds));
        arguments.addAll(List.of("-f", "hls", "-hls_time", String.valueOf(SEGMENT_SECONDS), "-hls_list_size", "6",
                "-hls_key_info_file", folder.resolve("enc.keyinfo").toString(),
                "-hls_segment_filename", folder.resolve("seg%d.ts").toString(),
                folder.resolve("index.m3u8").toString()));
        return Ffmpeg.start(folder.resolve("ffmpeg.log"), arguments);
    }

    /**
     * A live stream whose segments are byte ranges of one growing file ({@code -hls_flags single_file}), written in
     * real time for {@code seconds}: {@code index.m3u8} with an {@code #EXT-X-BYTERANGE:<length>@<offset>} per
     * segment, all of {@code media.ts} ({@code segmentType} {@code mpegts}), or of {@code media.mp4}
     * ({@code fmp4}, its initialisation section a byte range of the same file in
     * {@code #EXT-X-MAP:URI="media.mp4",BYTERANGE="<length>@0"}). The playlist keeps every segment
     * ({@code -hls_list_size 0}), so a test can compare each range the pipeline publishes with ffmpeg's.
     */
    static Ffmpeg.Running liveSingleFile(Path folder, int seconds, String segmentType) {
        List<String> arguments = new ArrayList<>(sources(seconds, true, 440));
        arguments.addAll(List.of("-map", "0:v", "-map", "1:a"));
        arguments.addAll(encoding(seconds));
        String file = segmentType.equals("fmp4") ? "media.mp4" : "media.ts";
        arguments.addAll(List.of("-f", "hls", "-hls_time", String.valueOf(SEGMENT_SECONDS), "-hls_list_size", "0",
                "-hls_flags", "single_file", "-hls_segment_type", segmentType,
                "-hls_segment_filename", folder.resolve(file).toString(),
                folder.resolve("index.m3u8").toString()));
        return Ffmpeg.start(folder.resolve("ffmpeg.log"), arguments);
    }

    /**
     * A VOD asset of {@code seconds} ({@code -hls_playlist_type vod}, as fast as ffmpeg goes): a master playlist
     * {@code master.m3u8} with one variant per height, {@code <height>p/index.m3u8} and its segments
     * {@code <height>p/seg<n>.ts} numbered from {@code startNumber}, every variant cut at the same keyframes.
     * {@code toneHz} tells assets apart.
     *
     * <p>The tone stops 0.1 s before the picture does, as a programme's sound ends with or before its picture.
     * Left to run out with the picture, AAC's whole frames of 1024 samples behind a priming frame make the sound
     * end about 20 ms later than the picture; when a channel then plays another asset after it (a
     * discontinuity, timestamps start over), ffmpeg's reader realigns the second asset on its picture, its first
     * sound then starts before the first asset's last sound has ended, and the reader logs "non monotonically
     * increasing dts" once per item change. It does exactly that for the same two assets in a hand-written
     * playlist too: a property of such assets, not of the playlists under test.
     */
    static void vod(Path folder, int seconds, int toneHz, long startNumber, int... heights)
            throws InterruptedException {
        List<String> arguments = new ArrayList<>(sources(seconds, false, toneHz));
        StringBuilder filter = new StringBuilder("[0:v]split=" + heights.length);
        for (int i = 0; i < heights.length; i++) {
            filter.append("[in").append(i).append(']');
        }
        StringBuilder streamMap = new StringBuilder();
        for (int i = 0; i < heights.length; i++) {
            filter.append(";[in").append(i).append("]scale=-2:").append(heights[i]).append("[out").append(i)
                    .append(']');
            streamMap.append(i == 0 ? "" : " ").append("v:").append(i).append(",a:").append(i).append(",name:")
                    .append(heights[i]).append('p');
        }
        arguments.addAll(List.of("-filter_complex", filter.toString()));
        for (int i = 0; i < heights.length; i++) {
            arguments.addAll(List.of("-map", "[out" + i + "]"));
        }
        for (int i = 0; i < heights.length; i++) {
            arguments.addAll(List.of("-map", "1:a"));
        }
        arguments.addAll(List.of("-af", "atrim=end=" + (seconds - 0.1)));
        arguments.addAll(encoding(seconds));
        arguments.addAll(hls(folder, "0"));
        arguments.addAll(List.of("-hls_playlist_type", "vod", "-start_number", String.valueOf(startNumber),
                "-var_stream_map", streamMap.toString()));
        arguments.add(folder.resolve("%v").resolve("index.m3u8").toString());
        Ffmpeg.Run run = Ffmpeg.run(folder.resolve("ffmpeg.log"), Duration.ofSeconds(60), arguments);
        assertThat(run.exitCode()).as("ffmpeg making %s: %s", folder, run.stderr()).isZero();
    }

    /**
     * A VOD asset of {@code seconds} in fMP4 (CMAF) segments, as fast as ffmpeg goes: {@code master.m3u8} with one
     * variant, {@value #LIVE_RENDITION}/index.m3u8 with {@code #EXT-X-MAP:URI="init.mp4"} and segments
     * {@code seg<n>.m4s} from 0. The tone stops 0.1 s early, as {@link #vod} explains.
     */
    static void vodFmp4(Path folder, int seconds, int toneHz) throws InterruptedException {
        List<String> arguments = new ArrayList<>(sources(seconds, false, toneHz));
        arguments.addAll(List.of("-map", "0:v", "-map", "1:a", "-af", "atrim=end=" + (seconds - 0.1)));
        arguments.addAll(encoding(seconds));
        arguments.addAll(List.of("-f", "hls", "-hls_time", String.valueOf(SEGMENT_SECONDS), "-hls_list_size", "0",
                "-hls_playlist_type", "vod", "-master_pl_name", "master.m3u8", "-hls_segment_type", "fmp4",
                "-hls_fmp4_init_filename", "init.mp4",
                "-hls_segment_filename", folder.resolve("%v").resolve("seg%d.m4s").toString(),
                "-var_stream_map", "v:0,a:0,name:" + LIVE_RENDITION,
                folder.resolve("%v").resolve("index.m3u8").toString()));
        Ffmpeg.Run run = Ffmpeg.run(folder.resolve("ffmpeg.log"), Duration.ofSeconds(60), arguments);
        assertThat(run.exitCode()).as("ffmpeg making %s: %s", folder, run.stderr()).isZero();
    }

    /**
     * The VOD asset of {@link #vod} in {@code clear} ({@value #LIVE_RENDITION} only, segments numbered from
     * {@code startNumber}), AES-128 encrypted into {@code folder} as a packager does it: each segment in CBC with
     * PKCS#7 padding under the 16-byte key {@code enc.key} (beside the segments), its IV the segment's media sequence number (RFC 8216
     * §5.2: big-endian, padded on the left with zeros), so the playlist's {@code #EXT-X-KEY} has no IV.
     */
    static void encrypt(Path clear, Path folder, long startNumber, byte[] key) throws Exception {
        Path variant = Files.createDirectories(folder.resolve(LIVE_RENDITION));
        Files.write(variant.resolve("enc.key"), key);
        List<String> lines = Files.readAllLines(clear.resolve(LIVE_RENDITION).resolve("index.m3u8"));
        StringBuilder playlist = new StringBuilder();
        long sequence = startNumber;
        for (String line : lines) {
            if (line.startsWith("#EXTINF")) {
                playlist.append(line).append('\n');
            } else if (!line.isEmpty() && !line.startsWith("#")) {
                javax.crypto.Cipher cipher = javax.crypto.Cipher.getInstance("AES/CBC/PKCS5Padding");
                cipher.init(javax.crypto.Cipher.ENCRYPT_MODE, new javax.crypto.spec.SecretKeySpec(key, "AES"),
                        new javax.crypto.spec.IvParameterSpec(java.nio.ByteBuffer.allocate(16).putLong(8, sequence)
                                .array()));
                Files.write(variant.resolve(line), cipher.doFinal(Files.readAllBytes(clear.resolve(LIVE_RENDITION)
                        .resolve(line))));
                playlist.append(line).append('\n');
                sequence++;
            } else if (line.startsWith("#EXT-X-MEDIA-SEQUENCE")) {
                playlist.append("#EXT-X-MEDIA-SEQUENCE:").append(startNumber).append('\n')
                        .append("#EXT-X-KEY:METHOD=AES-128,URI=\"enc.key\"\n");
            } else {
                playlist.append(line).append('\n');
            }
        }
        Files.writeString(variant.resolve("index.m3u8"), playlist);
        Files.copy(clear.resolve("master.m3u8"), folder.resolve("master.m3u8"));
    }

    /** Picture and tone; {@code -re} reads them at their own pace, as a live encoder receives its input. */
    private static List<String> sources(int seconds, boolean realTime, int toneHz) {
        List<String> sources = new ArrayList<>();
        if (realTime) {
            sources.add("-re");
        }
        sources.addAll(List.of("-f", "lavfi", "-i", "testsrc2=size=640x360:rate=" + FRAME_RATE));
        if (realTime) {
            sources.add("-re");
        }
        sources.addAll(List.of("-f", "lavfi", "-i", "sine=frequency=" + toneHz + ":sample_rate=48000"));
        return sources;
    }

    private static List<String> encoding(int seconds) {
        String gop = String.valueOf(FRAME_RATE * SEGMENT_SECONDS);
        return List.of("-c:v", "libx264", "-profile:v", "main", "-pix_fmt", "yuv420p", "-preset", "veryfast",
                "-g", gop, "-keyint_min", gop, "-sc_threshold", "0",
                "-c:a", "aac", "-b:a", "64k", "-ac", "2",
                "-t", String.valueOf(seconds));
    }

    /** The HLS muxer for a master playlist {@code folder/master.m3u8} and {@code folder/<variant>/seg<n>.ts}. */
    private static List<String> hls(Path folder, String listSize) {
        return List.of("-f", "hls", "-hls_time", String.valueOf(SEGMENT_SECONDS), "-hls_list_size", listSize,
                "-master_pl_name", "master.m3u8",
                "-hls_segment_filename", folder.resolve("%v").resolve("seg%d.ts").toString());
    }

    /** A path inside the tee muxer's output list, where ':', '|', '[' and ']' would need escaping. */
    private static String teePath(Path path) {
        String text = path.toAbsolutePath().toString();
        assertThat(text).as("a path the tee muxer takes as written").doesNotContain(":", "|", "[", "]", "\\");
        return text;
    }
}
