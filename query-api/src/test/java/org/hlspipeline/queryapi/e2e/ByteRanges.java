package org.hlspipeline.queryapi.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The byte ranges of a {@code -hls_flags single_file} stream ({@link TestMedia#liveSingleFile}), compared between
 * what ffmpeg wrote, what the app serves and what a player fetched. Ranges are written {@code <length>@<offset>},
 * as EXT-X-BYTERANGE and EXT-X-MAP's BYTERANGE write them (RFC 8216 §4.3.2.2, §4.3.2.5).
 */
final class ByteRanges {

    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/\\d+");

    private ByteRanges() {
    }

    /**
     * Every segment of the app's playlist is a range of {@code fileUrl} that ffmpeg wrote, its offset stated (RFC
     * 8216 §4.3.2.2: without one, a segment is the range after the previous segment's, which the first segment of
     * a sliding window has not got); the initialisation section, if ffmpeg wrote one, is its range of the file.
     */
    static void assertPublishedAsWritten(String served, String written, String fileUrl) {
        List<String> writtenRanges = segmentRanges(written);
        List<String> lines = served.lines().toList();
        int segments = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("#EXTINF:")) {
                segments++;
                assertThat(lines.get(i + 1)).as("the line after EXTINF of segment %d", segments)
                        .startsWith("#EXT-X-BYTERANGE:").contains("@");
                assertThat(writtenRanges).as("ffmpeg's ranges").contains(range(lines.get(i + 1)));
                assertThat(lines.get(i + 2)).as("segment %d's URI", segments).isEqualTo(fileUrl);
            }
        }
        assertThat(segments).as("segments in%n%s", served).isGreaterThanOrEqualTo(3);
        String map = mapLine(written);
        if (map != null) {
            assertThat(served).containsOnlyOnce(map.replaceFirst("URI=\"[^\"]*\"", "URI=\"" + fileUrl + "\"")
                    + "\n");
        } else {
            assertThat(served).doesNotContain("#EXT-X-MAP");
        }
    }

    /**
     * The player asked for {@code path} only in parts (206, never the whole file), at least {@code atLeast} of
     * them, and every part it asked for is a range ffmpeg wrote: a segment's or the initialisation section's.
     */
    static void assertOnlyRangesFetched(MediaServer origin, String path, String written, int atLeast) {
        assertThat(origin.served().stream().filter(s -> s.path().equals(path)).toList())
                .as("what the origin answered for %s", path)
                .allSatisfy(s -> assertThat(s.status()).as("%s %s", s.method(), s.path()).isIn(204, 206));
        List<String> writtenRanges = new ArrayList<>(segmentRanges(written));
        String map = mapLine(written);
        if (map != null) {
            writtenRanges.add(map.replaceFirst(".*BYTERANGE=\"([^\"]*)\".*", "$1"));
        }
        List<String> fetched = new ArrayList<>();
        for (MediaServer.Part part : origin.parts()) {
            if (part.path().equals(path)) {
                Matcher m = CONTENT_RANGE.matcher(part.contentRange());
                assertThat(m.matches()).as(part.contentRange()).isTrue();
                long first = Long.parseLong(m.group(1));
                fetched.add((Long.parseLong(m.group(2)) - first + 1) + "@" + first);
            }
        }
        assertThat(fetched).as("the parts of %s fetched", path).hasSizeGreaterThanOrEqualTo(atLeast)
                .allSatisfy(r -> assertThat(writtenRanges).as("ffmpeg's ranges").contains(r));
    }

    /** The {@code <length>@<offset>} of each EXT-X-BYTERANGE in {@code playlist}. */
    private static List<String> segmentRanges(String playlist) {
        return playlist.lines().filter(l -> l.startsWith("#EXT-X-BYTERANGE:")).map(ByteRanges::range).toList();
    }

    private static String range(String byteRangeLine) {
        return byteRangeLine.substring("#EXT-X-BYTERANGE:".length());
    }

    private static String mapLine(String playlist) {
        return playlist.lines().filter(l -> l.startsWith("#EXT-X-MAP:")).findFirst().orElse(null);
    }
}
