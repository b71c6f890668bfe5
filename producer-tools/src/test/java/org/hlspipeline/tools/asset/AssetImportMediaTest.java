package org.hlspipeline.tools.asset;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.hlspipeline.tools.RecordingPublisher;
import org.hlspipeline.tools.ToolRun;
import org.hlspipeline.tools.cli.ExitCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code asset import} of fMP4, byte-range and encrypted VOD playlists: their map, ranges and key in the descriptor. */
class AssetImportMediaTest {

    @TempDir
    Path dir;

    private final RecordingPublisher publisher = new RecordingPublisher();

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, UTF_8);
        return file;
    }

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
