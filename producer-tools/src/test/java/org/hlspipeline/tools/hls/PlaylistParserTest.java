package org.hlspipeline.tools.hls;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;

import org.hlspipeline.processor.hls.MediaPlaylist;
import org.hlspipeline.processor.hls.MediaSegment;
import org.hlspipeline.processor.hls.Variant;
import org.hlspipeline.processor.hls.VariantDescription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlaylistParserTest {

    private static Playlist complete(String text) throws PlaylistException {
        return PlaylistParser.parse(text.getBytes(UTF_8), "p.m3u8", PlaylistParser.Mode.COMPLETE);
    }

    private static Playlist growing(String text) throws PlaylistException {
        return PlaylistParser.parse(text.getBytes(UTF_8), "p.m3u8", PlaylistParser.Mode.GROWING);
    }

    @Test
    void readsAnFfmpegLivePlaylist() throws Exception {
        ParsedMediaPlaylist parsed = (ParsedMediaPlaylist) complete("""
                #EXTM3U\r
                #EXT-X-VERSION:3\r
                #EXT-X-TARGETDURATION:2\r
                #EXT-X-MEDIA-SEQUENCE:41\r
                #EXT-X-DISCONTINUITY-SEQUENCE:2\r
                # a comment
                #EXT-X-PROGRAM-DATE-TIME:2026-11-21T21:00:00.250+0100\r
                #EXTINF:2.002000,first\r
                seg41.ts\r

                #EXT-X-DISCONTINUITY
                #EXT-X-UNKNOWN-TAG:whatever
                #EXTINF:1.5,
                seg42.ts
                #EXTINF:2
                seg43.ts
                """);

        MediaPlaylist playlist = parsed.playlist();
        assertThat(parsed.version()).isEqualTo(3);
        assertThat(playlist.targetDurationSeconds()).isEqualTo(2);
        assertThat(playlist.mediaSequence()).isEqualTo(41);
        assertThat(playlist.discontinuitySequence()).isEqualTo(2);
        assertThat(parsed.endList()).isFalse();
        assertThat(playlist.segments()).containsExactly(
                new MediaSegment("seg41.ts", 2_002_000, false, false, Instant.parse("2026-11-21T20:00:00.250Z")),
                new MediaSegment("seg42.ts", 1_500_000, true, false, null),
                new MediaSegment("seg43.ts", 2_000_000, false, false, null));
        assertThat(parsed.segments()).extracting(ParsedSegment::line, ParsedSegment::title, ParsedSegment::mapUri)
                .containsExactly(tuple(9, "first", null), tuple(14, null, null), tuple(16, null, null));
        assertThat(parsed.sequenceOf(2)).isEqualTo(43);
    }

    @ParameterizedTest
    @CsvSource({
        "2026-11-21T20:00:00Z, 2026-11-21T20:00:00Z",
        "2026-11-21T20:00:00.123456Z, 2026-11-21T20:00:00.123Z",
        "2026-11-21T21:00:00.5+01:00, 2026-11-21T20:00:00.500Z",
        "2026-11-21T15:00:00.000-0500, 2026-11-21T20:00:00Z",
        "2026-11-21T22:00:00+02, 2026-11-21T20:00:00Z"
    })
    void readsProgramDateTimesWithEveryZoneForm(String written, String instant) throws Exception {
        MediaPlaylist playlist = ((ParsedMediaPlaylist) complete("#EXTM3U\n#EXT-X-TARGETDURATION:2\n"
                + "#EXT-X-PROGRAM-DATE-TIME:" + written + "\n#EXTINF:2,\ns.ts\n")).playlist();

        assertThat(playlist.segments().get(0).programDateTime()).isEqualTo(Instant.parse(instant));
    }

    @Test
    void aGrowingPlaylistReadsCompleteLinesOnlyAndWaitsForWhatIsHalfWritten() throws Exception {
        String header = "#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:2\n#EXT-X-MEDIA-SEQUENCE:7\n";

        assertThat(growing("")).isNull();
        assertThat(growing("#EXTM")).isNull();
        assertThat(growing("#EXTM3U\n#EXT-X-VERS")).isNull();
        assertThat(((ParsedMediaPlaylist) growing(header + "#EXTINF:2.0,\nseg7.ts\n#EXTINF:2.0,\nseg8"))
                .playlist().segments()).extracting(MediaSegment::uri).containsExactly("seg7.ts");
        assertThat(((ParsedMediaPlaylist) growing(header + "#EXT-X-DISCONTINUITY\n#EXTINF:2.0,\n")).segments()).isEmpty();
        assertThat(((ParsedMediaPlaylist) growing(header + "#EXTINF:2.0,\nseg7.ts\n#EXT-X-ENDLIST")).endList()).isTrue();
        assertThat(growing("#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=1\n")).isNull();
        assertThatThrownBy(() -> complete(header + "#EXTINF:2.0,\nseg7.ts\n#EXTINF:2.0,\n"))
                .hasMessage("p.m3u8 line 7: #EXTINF has no segment URI after it");
    }

    @Test
    void aHalfWrittenMultibyteCharacterIsNotAnError() throws Exception {
        byte[] whole = "#EXTM3U\n#EXT-X-TARGETDURATION:2\n#EXTINF:2,épisode\nsé.ts\n".getBytes(UTF_8);
        byte[] cut = java.util.Arrays.copyOf(whole, whole.length - 5); // inside "é" of the last line

        ParsedMediaPlaylist playlist = (ParsedMediaPlaylist) PlaylistParser.parse(cut, "p", PlaylistParser.Mode.GROWING);

        assertThat(playlist.segments()).isEmpty();
        assertThat(((ParsedMediaPlaylist) complete(new String(whole, UTF_8))).segments().get(0).title()).isEqualTo("épisode");
    }

    @Test
    void readsAMasterPlaylist() throws Exception {
        ParsedMasterPlaylist master = (ParsedMasterPlaylist) complete("""
                #EXTM3U
                #EXT-X-VERSION:4
                #EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="aud",NAME="English",DEFAULT=YES,URI="audio/en.m3u8"
                #EXT-X-STREAM-INF:BANDWIDTH=2800000,AVERAGE-BANDWIDTH=2500000,CODECS="avc1.4d401f,mp4a.40.2",\
                RESOLUTION=1280x720,FRAME-RATE=29.970,AUDIO="aud",CLOSED-CAPTIONS=NONE
                720p/index.m3u8
                #EXT-X-I-FRAME-STREAM-INF:BANDWIDTH=100000,URI="iframes.m3u8"
                #EXT-X-STREAM-INF:BANDWIDTH=800000
                http://cdn.example/360p.m3u8
                """);

        assertThat(master.version()).isEqualTo(4);
        assertThat(master.variants()).extracting(ParsedVariant::line, ParsedVariant::variant).containsExactly(
                tuple(5, new Variant("720p/index.m3u8", new VariantDescription(2_800_000, 2_500_000L, "1280x720",
                        "avc1.4d401f,mp4a.40.2", 29.97, "aud", null, false))),
                tuple(8, new Variant("http://cdn.example/360p.m3u8", VariantDescription.of(800_000, null, null, null,
                        null))));
        assertThat(master.alternates()).containsExactly(new AlternateRendition(3, "AUDIO", "aud", "English",
                "audio/en.m3u8", null, true, false, false, null, null));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "\uFEFF#EXTM3U\\n| p.m3u8 line 1: the playlist starts with a byte order mark",
        "| p.m3u8: the playlist is empty",
        "#EXTM3U\\n| p.m3u8: the playlist has neither segments (#EXTINF) nor variants (#EXT-X-STREAM-INF)",
        "#EXTM3U\\n#EXTM3U\\n| p.m3u8 line 2: #EXTM3U may only be the first line",
        "#EXTM3U\\n#EXT-X-TARGETDURATION:2\\n#EXT-X-TARGETDURATION:3\\n| line 3: #EXT-X-TARGETDURATION appears more",
        "#EXTM3U\\n#EXT-X-TARGETDURATION:2\\n#EXTINF:2,\\na.ts\\n#EXT-X-MEDIA-SEQUENCE:3\\n"
                + "| line 5: #EXT-X-MEDIA-SEQUENCE must come before the first segment",
        "#EXTM3U\\n#EXT-X-TARGETDURATION:-2\\n| line 2: #EXT-X-TARGETDURATION must be a decimal integer, was '-2'",
        "#EXTM3U\\n#EXT-X-TARGETDURATION:2\\n#EXTINF:-1,\\na.ts\\n| line 3: #EXTINF must be <duration>,[<title>]",
        "#EXTM3U\\n#EXT-X-TARGETDURATION:2\\n#EXTINF:2,\\n#EXTINF:2,\\na.ts\\n"
                + "| line 4: a second #EXTINF before the URI of the segment that #EXTINF at line 3 describes",
        "#EXTM3U\\n#EXT-X-TARGETDURATION:2\\n#EXT-X-ENDLIST:YES\\n| line 3: #EXT-X-ENDLIST takes no value",
        "#EXTM3U\\n#EXT-X-TARGETDURATION:2\\n#EXT-X-PLAYLIST-TYPE:LIVE\\n| line 3: #EXT-X-PLAYLIST-TYPE must be EVENT",
        "#EXTM3U\\n#EXT-X-TARGETDURATION:2\\n#EXT-X-MAP:URI=init.mp4\\n| line 3: #EXT-X-MAP: URI must be a quoted",
        "#EXTM3U\\n#EXT-X-TARGETDURATION:2\\n#EXT-X-I-FRAMES-ONLY\\n| line 3: I-frame-only playlists",
        "#EXTM3U\\n#EXT-X-DEFINE:NAME=\"a\",VALUE=\"b\"\\n| line 2: variable substitution",
        "#EXTM3U\\n#EXT-X-STREAM-INF:BANDWIDTH=1\\n#EXT-X-STREAM-INF:BANDWIDTH=2\\na.m3u8\\n"
                + "| line 3: #EXT-X-STREAM-INF at line 2 has no URI line after it",
        "#EXTM3U\\n#EXT-X-STREAM-INF:BANDWIDTH=1\\n| line 2: #EXT-X-STREAM-INF has no URI line after it",
        "#EXTM3U\\n#EXT-X-STREAM-INF:BANDWIDTH=1,BANDWIDTH=2\\na.m3u8\\n| line 2: #EXT-X-STREAM-INF: attribute "
                + "BANDWIDTH appears twice",
        "#EXTM3U\\n#EXT-X-STREAM-INF:BANDWIDTH=1,CODECS=\"avc1\\n| line 2: #EXT-X-STREAM-INF: the quoted value of "
                + "CODECS is not closed",
        "#EXTM3U\\n#EXT-X-STREAM-INF:bandwidth=1\\na.m3u8\\n| line 2: #EXT-X-STREAM-INF: attribute name 'bandwidth'",
        "#EXTM3U\\n#EXT-X-STREAM-INF:BANDWIDTH=1,RESOLUTION=wide\\na.m3u8\\n"
                + "| line 2: #EXT-X-STREAM-INF: RESOLUTION must be WIDTHxHEIGHT",
        "#EXTM3U\\n#EXT-X-STREAM-INF:BANDWIDTH=1,\\na.m3u8\\n| line 2: #EXT-X-STREAM-INF: trailing ','",
        "#EXTM3U\\n#EXT-X-STREAM-INF:BANDWIDTH=1\\na.m3u8\\n#EXTINF:2,\\n"
                + "| line 4: #EXTINF is a media playlist tag, but #EXT-X-STREAM-INF at line 2 made this a master"
    })
    void refusesWhatBreaksRfc8216NamingTheLine(String text, String message) {
        String playlist = text == null ? "" : text.replace("\\n", "\n");

        assertThatThrownBy(() -> complete(playlist)).isInstanceOf(PlaylistException.class)
                .hasMessageContaining(message);
    }

    @Test
    void aSegmentTheAppsModelRefusesEndsAGrowingPlaylistAndRefusesAFinishedOne() throws Exception {
        String text = "#EXTM3U\n#EXT-X-TARGETDURATION:2\n#EXTINF:2,\na.ts\n#EXTINF:2,\nb c.ts\n#EXTINF:2,\nd.ts\n";

        ParsedMediaPlaylist growing = (ParsedMediaPlaylist) growing(text);

        assertThat(growing.playlist().segments()).extracting(MediaSegment::uri).containsExactly("a.ts");
        assertThat(growing.refusal()).hasMessage("p.m3u8 line 6: segment URI 'b c.ts' cannot be published: URI "
                + "contains a space at index 1; percent-encode it as %20");
        assertThatThrownBy(() -> complete(text)).hasMessage(growing.refusal().getMessage());
    }

    @Test
    void notUtf8IsRefusedWithItsLine() {
        byte[] bytes = {'#', 'E', 'X', 'T', 'M', '3', 'U', '\n', 'a', (byte) 0xFF, '\n'};

        assertThatThrownBy(() -> PlaylistParser.parse(bytes, "p", PlaylistParser.Mode.COMPLETE))
                .hasMessage("p line 2: not UTF-8 text (invalid byte at offset 9); is this a playlist?");
    }
}
