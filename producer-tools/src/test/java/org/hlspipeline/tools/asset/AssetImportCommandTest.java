package org.hlspipeline.tools.asset;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.hlspipeline.processor.hls.MediaPlaylist;
import org.hlspipeline.processor.hls.MediaSegment;
import org.hlspipeline.tools.RecordingPublisher;
import org.hlspipeline.tools.StaticServer;
import org.hlspipeline.tools.ToolRun;
import org.hlspipeline.tools.cli.ExitCodes;
import org.hlspipeline.tools.hls.ParsedMediaPlaylist;
import org.hlspipeline.tools.hls.PlaylistParser;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class AssetImportCommandTest {

    @TempDir
    Path dir;

    private final RecordingPublisher publisher = new RecordingPublisher();

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, UTF_8);
        return file;
    }

    /** A VOD media playlist as ffmpeg writes it with -hls_playlist_type vod. */
    private static String vod(List<String> uris, List<String> durations) {
        StringBuilder out = new StringBuilder("#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:3\n"
                + "#EXT-X-MEDIA-SEQUENCE:0\n#EXT-X-PLAYLIST-TYPE:VOD\n");
        for (int i = 0; i < uris.size(); i++) {
            out.append("#EXTINF:").append(durations.get(i)).append(",\n").append(uris.get(i)).append('\n');
        }
        return out.append("#EXT-X-ENDLIST\n").toString();
    }

    private static List<String> numbered(String prefix, int from, int count, String suffix) {
        List<String> uris = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            uris.add(prefix + (from + i) + suffix);
        }
        return uris;
    }

    private static List<String> repeat(String value, int count) {
        return new ArrayList<>(java.util.Collections.nCopies(count, value));
    }

    private Path master() throws IOException {
        return write("ep1/master.m3u8", """
                #EXTM3U
                #EXT-X-VERSION:3
                #EXT-X-STREAM-INF:BANDWIDTH=2800000,RESOLUTION=1280x720,CODECS="avc1.4d401f,mp4a.40.2"
                720p/index.m3u8
                #EXT-X-STREAM-INF:BANDWIDTH=900000,RESOLUTION=640x360,CODECS="avc1.4d401e,mp4a.40.2"
                360p/index.m3u8
                """);
    }

    @Test
    void aMasterPlaylistWithNumberedSegmentsOfOneDurationBecomesTemplatesAndASegmentDuration() throws Exception {
        Path master = master();
        write("ep1/720p/index.m3u8", vod(numbered("seg", 0, 5, ".ts"), repeat("2.000000", 5)));
        write("ep1/360p/index.m3u8", vod(numbered("seg", 0, 5, ".ts"), repeat("2.000400", 5)));

        ToolRun run = ToolRun.run(publisher, "asset", "import", master.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).isEqualTo("""
                {
                  "renditions": {
                    "720p": {
                      "uriTemplate": "720p/seg{n}.ts"
                    },
                    "360p": {
                      "uriTemplate": "360p/seg{n}.ts"
                    }
                  },
                  "segmentCount": 5,
                  "segmentDuration": 2,
                  "startNumber": 0
                }
                """);
        assertThat(publisher.opened).isEmpty();
    }

    @Test
    void unevenDurationsAndUnnumberedUrisBecomeListsThatRoundTrip() throws Exception {
        List<String> names = List.of("intro.ts", "part-a.ts", "part-b.ts", "seg007.ts");
        List<String> durations = List.of("2.002000", "2.002000", "1.996000", "0.533333");
        Path playlist = write("ep2/index.m3u8", vod(names, durations));

        ToolRun run = ToolRun.run(publisher, "asset", "import", playlist.toString(), "--rendition", "720p");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode descriptor = new JsonMapper().readTree(run.out());
        assertThat(descriptor.path("renditions").path("720p").has("uriTemplate")).isFalse();
        assertThat(descriptor.path("segmentCount").asInt()).isEqualTo(4);
        assertThat(descriptor.has("segmentDuration")).isFalse();
        assertRoundTrips(descriptor, "720p", playlist);
    }

    @Test
    void aTemplateStartsAtTheFirstNumberAndZeroPaddedNumbersAreListed() throws Exception {
        Path master = master();
        List<String> durations = append(repeat("2.000000", 11), "1.000000");
        write("ep1/720p/index.m3u8", vod(numbered("https://cdn.example/ep1/720p/s", 5, 12, ".ts?v=2"), durations));
        List<String> padded = new ArrayList<>();
        for (int n = 5; n < 17; n++) {
            padded.add(String.format("low_%03d.ts", n)); // ffmpeg -hls_segment_filename low_%03d.ts
        }
        write("ep1/360p/index.m3u8", vod(padded, durations));

        ToolRun run = ToolRun.run(publisher, "asset", "import", master.toString(), "--base-url",
                "http://127.0.0.1:8080/media/ep1/");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode descriptor = new JsonMapper().readTree(run.out());
        assertThat(descriptor.path("renditions").path("720p").path("uriTemplate").asText())
                .isEqualTo("https://cdn.example/ep1/720p/s{n}.ts?v=2");
        assertThat(descriptor.path("renditions").path("360p").path("uris").get(0).asText())
                .isEqualTo("http://127.0.0.1:8080/media/ep1/360p/low_005.ts");
        assertThat(descriptor.path("startNumber").asLong()).isEqualTo(5);
        assertThat(descriptor.path("durations")).hasSize(12);
        assertRoundTrips(descriptor, "720p", dir.resolve("ep1/720p/index.m3u8"));
    }

    private static List<String> append(List<String> list, String value) {
        List<String> all = new ArrayList<>(list);
        all.add(value);
        return all;
    }

    /** Expanding the descriptor gives back the source playlist's URIs and durations. */
    private static void assertRoundTrips(JsonNode descriptor, String rendition, Path playlist) throws Exception {
        MediaPlaylist source = ((ParsedMediaPlaylist) PlaylistParser.parse(Files.readAllBytes(playlist),
                playlist.toString(), PlaylistParser.Mode.COMPLETE)).playlist();
        JsonNode renditionNode = descriptor.path("renditions").path(rendition);
        long start = descriptor.path("startNumber").asLong();
        int count = descriptor.path("segmentCount").asInt();
        assertThat(count).isEqualTo(source.segments().size());
        for (int i = 0; i < count; i++) {
            MediaSegment segment = source.segments().get(i);
            String uri = renditionNode.has("uriTemplate")
                    ? renditionNode.path("uriTemplate").asText().replace("{n}", Long.toString(start + i))
                    : renditionNode.path("uris").get(i).asText();
            BigDecimal seconds = descriptor.has("durations") ? descriptor.path("durations").get(i).decimalValue()
                    : descriptor.path("segmentDuration").decimalValue();
            assertThat(uri).as("segment %d", i).endsWith(segment.uri().replaceFirst("^.*/", ""));
            assertThat(Math.abs(seconds.movePointRight(6).longValue() - segment.durationMicros()))
                    .as("segment %d duration", i).isLessThanOrEqualTo(500L);
        }
    }

    @Test
    void aMediaPlaylistFromAUrlIsWrittenToTheOutputFileWithAbsoluteUris() throws Exception {
        write("www/vod/index.m3u8", vod(numbered("seg", 0, 3, ".ts"), List.of("2.0", "2.0", "1.5")));
        Path output = dir.resolve("out/ep.json");
        Files.createDirectories(output.getParent());
        try (StaticServer server = StaticServer.serve(dir.resolve("www"))) {
            ToolRun run = ToolRun.run(publisher, "asset", "import", server.url("/vod/index.m3u8"), "--rendition",
                    "hd", "--output", output.toString());

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).isEqualTo("wrote " + output + ": 1 rendition (hd) of 3 segments"
                    + System.lineSeparator());
            JsonNode descriptor = new JsonMapper().readTree(Files.readString(output));
            assertThat(descriptor.path("renditions").path("hd").path("uriTemplate").asText())
                    .isEqualTo(server.url("/vod/seg{n}.ts"));
            assertThat(descriptor.path("durations").toString()).isEqualTo("[2,2,1.5]");
        }
    }

    @Test
    void renditionsWithDifferentSegmentCountsAreRefusedNamingTheRendition() throws Exception {
        Path master = master();
        write("ep1/720p/index.m3u8", vod(numbered("seg", 0, 5, ".ts"), repeat("2", 5)));
        write("ep1/360p/index.m3u8", vod(numbered("seg", 0, 4, ".ts"), repeat("2", 4)));

        ToolRun run = ToolRun.run(publisher, "asset", "import", master.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("producer-tools asset import: rendition 360p (")
                .contains("has 4 segments but rendition 720p has 5: every rendition of an asset must have the same "
                        + "segments");
    }

    @Test
    void renditionsWhoseBoundariesDifferByMoreThanAMillisecondAreRefused() throws Exception {
        Path master = master();
        write("ep1/720p/index.m3u8", vod(numbered("seg", 0, 3, ".ts"), List.of("2.0", "2.0", "2.0")));
        write("ep1/360p/index.m3u8", vod(numbered("seg", 0, 3, ".ts"), List.of("2.0", "2.0011", "1.9989")));

        ToolRun run = ToolRun.run(publisher, "asset", "import", master.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(run.err()).contains("rendition 360p (").contains("index.m3u8 line 9): segment 1 lasts 2.0011 s "
                + "but segment 1 of rendition 720p lasts 2 s: every rendition must share the segment boundaries");
    }

    @Test
    void badInputIsAClearErrorWithExitCode5() throws Exception {
        Path live = write("live.m3u8", "#EXTM3U\n#EXT-X-TARGETDURATION:2\n#EXTINF:2,\ns0.ts\n");
        Path broken = write("broken.m3u8", "#EXTM3U\n#EXT-X-TARGETDURATION:2\n#EXTINF:2,\n");
        Path discontinuous = write("disc.m3u8", "#EXTM3U\n#EXT-X-TARGETDURATION:2\n#EXTINF:2,\na.ts\n"
                + "#EXT-X-DISCONTINUITY\n#EXTINF:2,\nb.ts\n#EXT-X-ENDLIST\n");

        ToolRun notEnded = ToolRun.run(publisher, "asset", "import", live.toString(), "--rendition", "r");
        ToolRun malformed = ToolRun.run(publisher, "asset", "import", broken.toString(), "--rendition", "r");
        ToolRun missing = ToolRun.run(publisher, "asset", "import", dir.resolve("none.m3u8").toString(),
                "--rendition", "r");
        ToolRun withDiscontinuity = ToolRun.run(publisher, "asset", "import", discontinuous.toString(),
                "--rendition", "r");
        ToolRun noRendition = ToolRun.run(publisher, "asset", "import", discontinuous.toString());
        ToolRun noSubcommand = ToolRun.run(publisher, "asset");

        assertThat(List.of(notEnded, malformed, missing, withDiscontinuity)).extracting(ToolRun::exitCode)
                .containsOnly(ExitCodes.INPUT);
        assertThat(notEnded.err()).contains("has no #EXT-X-ENDLIST");
        assertThat(malformed.err()).contains("broken.m3u8 line 3: #EXTINF has no segment URI after it");
        assertThat(missing.err()).contains("none.m3u8 does not exist");
        assertThat(withDiscontinuity.err()).contains("disc.m3u8 line 7: segment 1 starts a discontinuity");
        assertThat(noRendition.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(noRendition.err()).contains("name its rendition with --rendition");
        assertThat(noSubcommand.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(noSubcommand.err()).contains("missing command: import");
        assertThat(List.of(notEnded, malformed, missing, withDiscontinuity, noRendition))
                .allSatisfy(run -> assertThat(run.err()).doesNotContain("\tat ").doesNotContain("Exception"));
    }

    /** fMP4, byte-range and encrypted VOD playlists: their map, ranges and key in the descriptor. */
    @Nested
    class Media {

        private ToolRun run(Path playlist, String... more) {
            String[] args = new String[4 + more.length];
            args[0] = "asset";
            args[1] = "import";
            args[2] = playlist.toString();
            args[3] = "--rendition=720p";
            System.arraycopy(more, 0, args, 4, more.length);
            return ToolRun.run(publisher, args);
        }

        /** As ffmpeg writes it with {@code -hls_segment_type fmp4 -hls_playlist_type vod}. */
        @Test
        void anFmp4PlaylistGivesItsRenditionTheMapResolvedLikeItsSegments() throws Exception {
            Path playlist = write("ep/index.m3u8", """
                    #EXTM3U
                    #EXT-X-VERSION:7
                    #EXT-X-TARGETDURATION:2
                    #EXT-X-MEDIA-SEQUENCE:0
                    #EXT-X-PLAYLIST-TYPE:VOD
                    #EXT-X-MAP:URI="init.mp4"
                    #EXTINF:2.000000,
                    seg0.m4s
                    #EXTINF:2.000000,
                    seg1.m4s
                    #EXT-X-ENDLIST
                    """);

            ToolRun run = run(playlist, "--base-url", "http://127.0.0.1:8080/media/ep/");

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.err()).isEmpty();
            assertThat(run.out()).isEqualTo("""
                    {
                      "renditions": {
                        "720p": {
                          "uriTemplate": "http://127.0.0.1:8080/media/ep/seg{n}.m4s",
                          "map": {
                            "uri": "http://127.0.0.1:8080/media/ep/init.mp4"
                          }
                        }
                      },
                      "segmentCount": 2,
                      "segmentDuration": 2,
                      "startNumber": 0
                    }
                    """);
        }

        /**
         * One file, sub-ranges of it (as {@code -hls_flags single_file} writes): RFC 8216 §4.3.2.2, a range without an
         * offset starts where the previous one of the same resource ended; the descriptor states every offset.
         */
        @Test
        void byteRangesAreOnePerSegmentWithTheirOffsetsStated() throws Exception {
            Path playlist = write("one/index.m3u8", """
                    #EXTM3U
                    #EXT-X-VERSION:7
                    #EXT-X-TARGETDURATION:2
                    #EXT-X-MAP:URI="one.mp4",BYTERANGE="720@0"
                    #EXTINF:2.0,
                    #EXT-X-BYTERANGE:1000@720
                    one.mp4
                    #EXTINF:2.0,
                    #EXT-X-BYTERANGE:1200
                    one.mp4
                    #EXTINF:2.0,
                    #EXT-X-BYTERANGE:800
                    one.mp4
                    #EXT-X-ENDLIST
                    """);

            ToolRun run = run(playlist);

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains("""
                          "uris": [
                            "one.mp4",
                            "one.mp4",
                            "one.mp4"
                          ],
                          "map": {
                            "uri": "one.mp4",
                            "byteRange": "720@0"
                          },
                          "byteRanges": [
                            "1000@720",
                            "1200@1720",
                            "800@2920"
                          ]
                    """);
        }

        /**
         * A key without an IV: the player uses each segment's media sequence number (RFC 8216 §5.2), so the asset
         * keeps the playlist's numbering as its startNumber, which the channel states as IVs.
         */
        @Test
        void aKeyWithoutAnIvKeepsThePlaylistsMediaSequenceAsTheStartNumber() throws Exception {
            Path playlist = write("enc/index.m3u8", """
                    #EXTM3U
                    #EXT-X-TARGETDURATION:2
                    #EXT-X-MEDIA-SEQUENCE:10
                    #EXT-X-KEY:METHOD=AES-128,URI="enc.key"
                    #EXTINF:2.0,
                    seg0.ts
                    #EXTINF:2.0,
                    seg1.ts
                    #EXT-X-ENDLIST
                    """);

            ToolRun run = run(playlist, "--base-url", "https://cdn.example/enc/");

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains("""
                          "uris": [
                            "https://cdn.example/enc/seg0.ts",
                            "https://cdn.example/enc/seg1.ts"
                          ],
                          "key": {
                            "method": "AES-128",
                            "uri": "https://cdn.example/enc/enc.key"
                          }
                    """).contains("\"startNumber\": 10\n");
        }

        @Test
        void aDrmKeyUriPassesAsWrittenAndAnIvIsKept() throws Exception {
            Path playlist = write("drm/index.m3u8", """
                    #EXTM3U
                    #EXT-X-VERSION:5
                    #EXT-X-TARGETDURATION:2
                    #EXT-X-KEY:METHOD=SAMPLE-AES,URI="skd://key-1",KEYFORMAT="com.apple.streamingkeydelivery",KEYFORMATVERSIONS="1"
                    #EXTINF:2.0,
                    seg0.ts
                    #EXT-X-ENDLIST
                    """);

            ToolRun run = run(playlist, "--base-url", "https://cdn.example/drm/");

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains("""
                          "key": {
                            "method": "SAMPLE-AES",
                            "uri": "skd://key-1",
                            "keyFormat": "com.apple.streamingkeydelivery",
                            "keyFormatVersions": "1"
                          }
                    """).contains("\"startNumber\": 0\n");
        }

        @Test
        void aKeyOrMapThatChangesMidRenditionOrRangesForSomeSegmentsAreRefused() throws Exception {
            Path rotating = write("rot.m3u8", """
                    #EXTM3U
                    #EXT-X-TARGETDURATION:2
                    #EXT-X-KEY:METHOD=AES-128,URI="k1",IV=0x00000000000000000000000000000001
                    #EXTINF:2.0,
                    a.ts
                    #EXT-X-KEY:METHOD=AES-128,URI="k2",IV=0x00000000000000000000000000000001
                    #EXTINF:2.0,
                    b.ts
                    #EXT-X-ENDLIST
                    """);
            Path clearThenKeyed = write("half.m3u8", """
                    #EXTM3U
                    #EXT-X-TARGETDURATION:2
                    #EXTINF:2.0,
                    a.ts
                    #EXT-X-KEY:METHOD=AES-128,URI="k1",IV=0x00000000000000000000000000000001
                    #EXTINF:2.0,
                    b.ts
                    #EXT-X-ENDLIST
                    """);
            Path partly = write("partly.m3u8", """
                    #EXTM3U
                    #EXT-X-TARGETDURATION:2
                    #EXTINF:2.0,
                    #EXT-X-BYTERANGE:100@0
                    a.ts
                    #EXTINF:2.0,
                    b.ts
                    #EXT-X-ENDLIST
                    """);

            ToolRun rotated = run(rotating);
            ToolRun half = run(clearThenKeyed);
            ToolRun ranges = run(partly);

            assertThat(rotated.exitCode()).isEqualTo(ExitCodes.INPUT);
            assertThat(rotated.err()).contains("rot.m3u8 line 8: segment 1 of rendition 720p has another key "
                    + "(#EXT-X-KEY) than segment 0; an item rendition has one: make it two assets where the key changes");
            assertThat(half.exitCode()).isEqualTo(ExitCodes.INPUT);
            assertThat(half.err()).contains("half.m3u8 line 7: segment 1 of rendition 720p has another key");
            assertThat(ranges.exitCode()).isEqualTo(ExitCodes.INPUT);
            assertThat(ranges.err()).contains("partly.m3u8 line 7: segment 1 of rendition 720p is a whole resource "
                    + "but segment 0 is a byte range (#EXT-X-BYTERANGE)");
        }
    }
}
