package org.hlspipeline.queryapi.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.hlspipeline.processor.hls.HlsPlaylistParser;
import org.hlspipeline.processor.hls.ParsedMasterPlaylist;
import org.hlspipeline.processor.hls.ParsedMediaPlaylist;
import org.hlspipeline.processor.hls.ParsedSegment;
import org.hlspipeline.processor.hls.ParsedVariant;
import org.hlspipeline.tools.ProducerTools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code producer-tools asset import} against ffmpeg's own VOD output ({@code -hls_playlist_type vod}, a master
 * playlist with two renditions from one encode): expanding the descriptor gives back every rendition's segment
 * URIs and durations, exactly. The source playlists are read with the tests' HLS reader
 * ({@link HlsPlaylistParser}), not the tool's, and the URIs resolved with {@link URI}, so the tool is not its own
 * judge.
 */
class AssetImportRoundTripIT {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
    private static final String BASE_URL = "http://cdn.test/vod/ep1/";

    @Test
    void aVodWhoseLastSegmentIsShorterRoundTripsThroughAListOfDurations(@TempDir Path folder) throws Exception {
        TestMedia.vod(folder, 7, 440, 0, 360, 240);

        JsonNode descriptor = importAsset(folder.resolve("master.m3u8"));

        assertThat(descriptor.has("durations")).as("one duration per segment: %s", descriptor).isTrue();
        assertRoundTrips(descriptor, folder.resolve("master.m3u8"), List.of("360p", "240p"), 4);
    }

    @Test
    void aVodOfWholeSegmentsNumberedFromOneRoundTripsThroughASegmentDuration(@TempDir Path folder)
            throws Exception {
        TestMedia.vod(folder, 8, 660, 1, 360, 240);

        JsonNode descriptor = importAsset(folder.resolve("master.m3u8"));

        assertThat(descriptor.path("segmentDuration").decimalValue()).as("%s", descriptor)
                .isEqualByComparingTo("2");
        assertThat(descriptor.path("startNumber").asLong()).isEqualTo(1);
        assertRoundTrips(descriptor, folder.resolve("master.m3u8"), List.of("360p", "240p"), 4);
    }

    private static JsonNode importAsset(Path master) throws IOException {
        Path output = master.resolveSibling("asset.json");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = new ProducerTools().execute(new PrintWriter(out), new PrintWriter(err),
                "asset", "import", master.toString(), "--base-url", BASE_URL, "--output", output.toString());
        assertThat(exitCode).as("asset import: %s", err).isZero();
        assertThat(err.toString()).isEmpty();
        return JSON.readTree(Files.readString(output, StandardCharsets.UTF_8));
    }

    /**
     * Every rendition of the master playlist is in the descriptor under its folder's name, and the descriptor
     * written out segment by segment (template or list, one duration or many) is the media playlist.
     */
    private static void assertRoundTrips(JsonNode descriptor, Path master, List<String> renditions, int segments)
            throws IOException {
        ParsedMasterPlaylist source = HlsPlaylistParser.parseMaster(read(master));
        assertThat(source.variants()).extracting(ParsedVariant::uri)
                .containsExactly(renditions.stream().map(r -> r + "/index.m3u8").toArray(String[]::new));
        assertThat(descriptor.path("renditions").propertyNames()).containsExactlyElementsOf(renditions);
        assertThat(descriptor.path("segmentCount").asInt()).isEqualTo(segments);
        for (ParsedVariant variant : source.variants()) {
            String rendition = variant.uri().substring(0, variant.uri().indexOf('/'));
            ParsedMediaPlaylist media = HlsPlaylistParser.parseMedia(read(master.resolveSibling(variant.uri())));
            assertThat(media.ended()).isTrue();
            assertThat(media.segments()).hasSize(segments);
            URI playlistUrl = URI.create(BASE_URL).resolve(variant.uri());
            List<String> expectedUris = new ArrayList<>();
            List<BigDecimal> expectedDurations = new ArrayList<>();
            for (ParsedSegment segment : media.segments()) {
                expectedUris.add(playlistUrl.resolve(segment.uri()).toString());
                expectedDurations.add(segment.duration().stripTrailingZeros());
            }
            assertThat(uris(descriptor, rendition)).as("URIs of %s", rendition)
                    .containsExactlyElementsOf(expectedUris);
            assertThat(durations(descriptor)).as("durations of %s", rendition)
                    .usingElementComparator(BigDecimal::compareTo).containsExactlyElementsOf(expectedDurations);
        }
    }

    private static List<String> uris(JsonNode descriptor, String rendition) {
        JsonNode source = descriptor.path("renditions").path(rendition);
        List<String> uris = new ArrayList<>();
        if (source.has("uriTemplate")) {
            long start = descriptor.path("startNumber").asLong();
            for (int i = 0; i < descriptor.path("segmentCount").asInt(); i++) {
                uris.add(source.path("uriTemplate").asString().replace("{n}", Long.toString(start + i)));
            }
        } else {
            source.path("uris").forEach(uri -> uris.add(uri.asString()));
        }
        return uris;
    }

    private static List<BigDecimal> durations(JsonNode descriptor) {
        List<BigDecimal> durations = new ArrayList<>();
        if (descriptor.has("durations")) {
            descriptor.path("durations").forEach(d -> durations.add(d.decimalValue()));
        } else {
            for (int i = 0; i < descriptor.path("segmentCount").asInt(); i++) {
                durations.add(descriptor.path("segmentDuration").decimalValue());
            }
        }
        return durations;
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
