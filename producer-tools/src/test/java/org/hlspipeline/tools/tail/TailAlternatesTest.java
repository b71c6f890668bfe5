package org.hlspipeline.tools.tail;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.hlspipeline.schemas.stream.RenditionInfo;
import org.hlspipeline.schemas.stream.RenditionType;
import org.hlspipeline.schemas.stream.Segment;
import org.hlspipeline.tools.RecordingPublisher;
import org.hlspipeline.tools.ToolRun;
import org.hlspipeline.tools.cli.ExitCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tail} on a master playlist with audio and subtitles renditions, laid out as ffmpeg 5.1 writes them with
 * {@code -var_stream_map "v:0,s:0,agroup:aud,sgroup:subs,name:360p a:0,agroup:aud,... a:1,..."}: one folder per
 * variant stream ({@code out_%v}), and the subtitles' playlist beside the picture's, {@code out_360p/index_vtt.m3u8}
 * (ffmpeg's default name for it).
 */
class TailAlternatesTest {

    @TempDir
    Path dir;

    private final RecordingPublisher publisher = new RecordingPublisher();

    @Test
    void ffmpegsAudioAndSubtitlesRenditionsAreFollowedEachUnderANameOfItsOwn() throws IOException {
        write("master.m3u8", """
                #EXTM3U
                #EXT-X-VERSION:7
                #EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="group_aud",NAME="audio_1",DEFAULT=YES,LANGUAGE="en",\
                URI="out_audio_en/index.m3u8"
                #EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="group_aud",NAME="audio_2",DEFAULT=NO,LANGUAGE="de",\
                URI="out_audio_de/index.m3u8"
                #EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID="subs",NAME="subtitle_0",DEFAULT=NO,URI="out_360p/index_vtt.m3u8"
                #EXT-X-STREAM-INF:BANDWIDTH=70400,RESOLUTION=640x360,CODECS="avc1.4d401e,mp4a.40.2",\
                AUDIO="group_aud",SUBTITLES="subs"
                out_360p/index.m3u8
                """);
        String fmp4 = """
                #EXTM3U
                #EXT-X-VERSION:7
                #EXT-X-TARGETDURATION:2
                #EXT-X-MEDIA-SEQUENCE:0
                #EXT-X-MAP:URI="init_%d.mp4"
                #EXTINF:2.000000,
                seg0.m4s
                #EXT-X-ENDLIST
                """;
        write("out_360p/index.m3u8", fmp4.formatted(0));
        write("out_audio_en/index.m3u8", fmp4.formatted(1).replace("2.000000", "2.005333"));
        write("out_audio_de/index.m3u8", fmp4.formatted(2).replace("2.000000", "2.005333"));
        write("out_360p/index_vtt.m3u8", """
                #EXTM3U
                #EXT-X-VERSION:7
                #EXT-X-TARGETDURATION:2
                #EXT-X-MEDIA-SEQUENCE:0
                #EXTINF:2.000000,
                index0.vtt
                #EXT-X-ENDLIST
                """);

        ToolRun run = ToolRun.run(publisher, "tail", dir.resolve("master.m3u8").toString(), "--stream", "news",
                "--wait", "1");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(Published.renditionInfos(publisher)).extracting(RenditionInfo::getRendition,
                        RenditionInfo::getType, RenditionInfo::getGroupId, RenditionInfo::getName,
                        RenditionInfo::getLanguage, RenditionInfo::getDefault$)
                .containsExactly(
                        tuple("out_360p", RenditionType.VIDEO, null, null, null, false),
                        tuple("out_audio_en", RenditionType.AUDIO, "group_aud", "audio_1", "en", true),
                        tuple("out_audio_de", RenditionType.AUDIO, "group_aud", "audio_2", "de", false),
                        tuple("out_360p_index_vtt", RenditionType.SUBTITLES, "subs", "subtitle_0", null, false));
        assertThat(Published.segments(publisher)).extracting(Segment::getRendition, Segment::getUri)
                .containsExactlyInAnyOrder(tuple("out_360p", "out_360p/seg0.m4s"),
                        tuple("out_audio_en", "out_audio_en/seg0.m4s"), tuple("out_audio_de", "out_audio_de/seg0.m4s"),
                        tuple("out_360p_index_vtt", "out_360p/index0.vtt"));
    }

    @Test
    void twoFoldersOfOneNameStillNeedNamesGiven() throws IOException {
        write("master.m3u8", """
                #EXTM3U
                #EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="a",NAME="en",URI="b/x/audio.m3u8"
                #EXT-X-STREAM-INF:BANDWIDTH=1000,AUDIO="a"
                a/x/index.m3u8
                """);

        ToolRun run = ToolRun.run(publisher, "tail", dir.resolve("master.m3u8").toString(), "--stream", "news",
                "--wait", "1");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("b/x/audio.m3u8 would be named x like an earlier one");
    }

    private void write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, UTF_8);
    }
}
