package org.hlspipeline.tools.tail;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.hlspipeline.schemas.stream.Segment;
import org.hlspipeline.tools.RecordingPublisher;
import org.hlspipeline.tools.ToolRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code tail} publishes besides a segment's URI: its byte range and its key (EXT-X-BYTERANGE, EXT-X-KEY), read
 * from finished playlists with {@code --once}. Following growing playlists is {@link TailCommandTest}'s.
 */
class TailSegmentMediaTest {

    @TempDir
    Path dir;

    private final RecordingPublisher publisher = new RecordingPublisher();

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, UTF_8);
    }

    @Test
    void byteRangeSegmentsArePublishedWithTheirOffsetsStated() throws Exception {
        Path playlist = write("single.m3u8", String.join("\n", "#EXTM3U", "#EXT-X-VERSION:6",
                "#EXT-X-TARGETDURATION:2", "#EXT-X-MEDIA-SEQUENCE:0",
                "#EXT-X-MAP:URI=\"media.mp4\",BYTERANGE=\"720@0\"",
                "#EXTINF:2,", "#EXT-X-BYTERANGE:1000@720", "media.mp4",
                "#EXTINF:2,", "#EXT-X-BYTERANGE:800", "media.mp4", "#EXT-X-ENDLIST", ""));

        ToolRun result = ToolRun.run(publisher, "tail", playlist.toString(), "--stream", "news", "--rendition",
                "720p", "--once");

        assertThat(result.exitCode()).as(result.err()).isZero();
        List<Segment> segments = Published.segments(publisher);
        assertThat(segments.get(0).getMap().getByteRange().getLength()).isEqualTo(720);
        assertThat(segments.get(0).getByteRange().getOffset()).isEqualTo(720);
        // The second range follows the first (RFC 8216 4.3.2.2), and is published with that offset stated.
        assertThat(segments.get(1).getByteRange().getLength()).isEqualTo(800);
        assertThat(segments.get(1).getByteRange().getOffset()).isEqualTo(1720);
    }

    @Test
    void encryptedSegmentsArePublishedWithTheirKeyWhichIsNeverFetched() throws Exception {
        Path playlist = write("enc.m3u8", String.join("\n", "#EXTM3U", "#EXT-X-VERSION:3",
                "#EXT-X-TARGETDURATION:2", "#EXT-X-MEDIA-SEQUENCE:0",
                "#EXT-X-KEY:METHOD=AES-128,URI=\"keys/k1.bin\",IV=0x000102030405060708090a0b0c0d0e0f",
                "#EXTINF:2,", "seg0.ts",
                "#EXT-X-KEY:METHOD=SAMPLE-AES,URI=\"skd://key-2\",KEYFORMAT=\"com.apple.streamingkeydelivery\","
                        + "KEYFORMATVERSIONS=\"1\"",
                "#EXTINF:2,", "seg1.ts", "#EXT-X-KEY:METHOD=NONE", "#EXTINF:2,", "seg2.ts", "#EXT-X-ENDLIST", ""));

        ToolRun result = ToolRun.run(publisher, "tail", playlist.toString(), "--stream", "news", "--rendition",
                "720p", "--base-url", "https://cdn.example/live/", "--once");

        assertThat(result.exitCode()).as(result.err()).isZero();
        List<Segment> segments = Published.segments(publisher);
        assertThat(segments.get(0).getKey().getUri()).isEqualTo("https://cdn.example/live/keys/k1.bin");
        assertThat(segments.get(0).getKey().getIv()).isEqualTo("0x000102030405060708090a0b0c0d0e0f");
        // A DRM system's URI is passed as written, not resolved against the base URL.
        assertThat(segments.get(1).getKey().getUri()).isEqualTo("skd://key-2");
        assertThat(segments.get(1).getKey().getKeyFormat()).isEqualTo("com.apple.streamingkeydelivery");
        assertThat(segments.get(2).getKey()).isNull();
    }
}
