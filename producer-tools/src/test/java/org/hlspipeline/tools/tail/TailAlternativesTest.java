package org.hlspipeline.tools.tail;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

import org.hlspipeline.schemas.stream.RenditionInfo;
import org.hlspipeline.schemas.stream.RenditionType;
import org.hlspipeline.schemas.stream.Segment;
import org.hlspipeline.tools.RecordingPublisher;
import org.hlspipeline.tools.ToolRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tail} of a master playlist with audio and subtitle groups (EXT-X-MEDIA): each AUDIO or SUBTITLES
 * alternative with a URI is followed as a rendition of its own and described as the master describes it.
 */
class TailAlternativesTest {

    @TempDir
    Path dir;

    private final RecordingPublisher publisher = new RecordingPublisher();

    private void media(String name, String segment) throws IOException {
        Files.createDirectories(dir.resolve(name).getParent());
        Files.writeString(dir.resolve(name), String.join("\n", "#EXTM3U", "#EXT-X-VERSION:3",
                "#EXT-X-TARGETDURATION:2", "#EXT-X-MEDIA-SEQUENCE:0", "#EXTINF:2,", segment, "#EXT-X-ENDLIST", ""),
                UTF_8);
    }

    private Path master(String... mediaLines) throws IOException {
        StringBuilder text = new StringBuilder("#EXTM3U\n#EXT-X-VERSION:4\n");
        for (String line : mediaLines) {
            text.append(line).append('\n');
        }
        text.append("#EXT-X-STREAM-INF:BANDWIDTH=2500000,CODECS=\"avc1.4d401f,mp4a.40.2\",AUDIO=\"aud\"\n")
                .append("video/index.m3u8\n");
        return Files.writeString(dir.resolve("master.m3u8"), text.toString(), UTF_8);
    }

    private Map<String, RenditionInfo> described() {
        return Published.renditionInfos(publisher).stream()
                .collect(Collectors.toMap(RenditionInfo::getRendition, i -> i));
    }

    @Test
    void audioAndSubtitleRenditionsAreFollowedAndDescribedAsTheMasterSays() throws Exception {
        media("video/index.m3u8", "v0.ts");
        media("audio_en/index.m3u8", "a0.aac");
        media("audio_de/index.m3u8", "b0.aac");
        media("subs_en/index.m3u8", "s0.vtt");
        Path master = master(
                "#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID=\"aud\",NAME=\"English\",LANGUAGE=\"en\",DEFAULT=YES,"
                        + "AUTOSELECT=YES,CHANNELS=\"2\",URI=\"audio_en/index.m3u8\"",
                "#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID=\"aud\",NAME=\"Deutsch\",LANGUAGE=\"de\",URI=\"audio_de/index.m3u8\"",
                "#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID=\"subs\",NAME=\"English\",LANGUAGE=\"en\",FORCED=NO,"
                        + "URI=\"subs_en/index.m3u8\"",
                "#EXT-X-MEDIA:TYPE=CLOSED-CAPTIONS,GROUP-ID=\"cc\",NAME=\"CC1\",INSTREAM-ID=\"CC1\"");

        ToolRun result = ToolRun.run(publisher, "tail", master.toString(), "--stream", "news", "--once");

        assertThat(result.exitCode()).as(result.err()).isZero();
        Map<String, RenditionInfo> described = described();
        assertThat(described).containsOnlyKeys("video", "audio_en", "audio_de", "subs_en");
        assertThat(described.get("video").getAudio()).isEqualTo("aud");
        RenditionInfo english = described.get("audio_en");
        assertThat(english.getType()).isEqualTo(RenditionType.AUDIO);
        assertThat(english.getGroupId()).isEqualTo("aud");
        assertThat(english.getName()).isEqualTo("English");
        assertThat(english.getDefault$()).isTrue();
        assertThat(english.getAutoselect()).isTrue();
        assertThat(english.getChannels()).isEqualTo("2");
        assertThat(english.getBandwidth()).isNull();
        assertThat(described.get("audio_de").getDefault$()).isFalse();
        assertThat(described.get("subs_en").getType()).isEqualTo(RenditionType.SUBTITLES);
        assertThat(Published.segments(publisher)).extracting(Segment::getUri)
                .containsExactlyInAnyOrder("video/v0.ts", "audio_en/a0.aac", "audio_de/b0.aac", "subs_en/s0.vtt");
    }

    @Test
    void anAlternativeTheRulesRefuseStopsTheTailWithTheRule() throws Exception {
        media("video/index.m3u8", "v0.ts");
        media("audio_en/index.m3u8", "a0.aac");
        Path master = master("#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID=\"aud\",NAME=\"English\",LANGUAGE=\"en_US\","
                + "URI=\"audio_en/index.m3u8\"");

        ToolRun result = ToolRun.run(publisher, "tail", master.toString(), "--stream", "news", "--once");

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.err()).contains("line 3: language must be an RFC 5646 tag");
    }
}
