package org.hlspipeline.processor.hls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The expected texts below are written by hand from RFC 8216 and docs/hls-output.md, not copied from the renderer's
 * output.
 */
class PlaylistRendererTest {

    private static final long S = 1_000_000L; // one second in microseconds
    private static final Instant T0 = Instant.parse("2026-11-21T20:00:00Z");

    static String lines(String... lines) {
        return String.join("\n", lines) + "\n";
    }

    private static MediaPlaylist live(int targetDuration, long mediaSequence, long discontinuitySequence,
            MediaSegment... segments) {
        return new MediaPlaylist(targetDuration, mediaSequence, discontinuitySequence, List.of(segments), false);
    }

    @Nested
    class MediaPlaylists {

        @Test
        void basicThreeSegmentLivePlaylistExactBytes() {
            MediaPlaylist playlist = live(6, 100, 0,
                    MediaSegment.of("seg100.ts", 6 * S),
                    MediaSegment.of("seg101.ts", 5_500_000),
                    MediaSegment.of("https://cdn.example.com/live/seg102.ts", 6 * S));

            String expected = lines(
                    "#EXTM3U",
                    "#EXT-X-VERSION:3",
                    "#EXT-X-TARGETDURATION:6",
                    "#EXT-X-MEDIA-SEQUENCE:100",
                    "#EXT-X-DISCONTINUITY-SEQUENCE:0",
                    "#EXTINF:6.000,",
                    "seg100.ts",
                    "#EXTINF:5.500,",
                    "seg101.ts",
                    "#EXTINF:6.000,",
                    "https://cdn.example.com/live/seg102.ts");

            assertThat(PlaylistRenderer.renderMedia(playlist)).isEqualTo(expected);
            assertThat(PlaylistRenderer.renderMediaBytes(playlist))
                    .isEqualTo(expected.getBytes(StandardCharsets.US_ASCII));
            HlsRules.assertValidMediaPlaylist(PlaylistRenderer.renderMedia(playlist));
        }

        @Test
        void endedPlaylistHasEndlistLast() {
            MediaPlaylist playlist = new MediaPlaylist(4, 7, 2,
                    List.of(MediaSegment.of("a.ts", 4 * S), MediaSegment.of("b.ts", 3 * S)), true);

            String text = PlaylistRenderer.renderMedia(playlist);

            assertThat(text).isEqualTo(lines(
                    "#EXTM3U",
                    "#EXT-X-VERSION:3",
                    "#EXT-X-TARGETDURATION:4",
                    "#EXT-X-MEDIA-SEQUENCE:7",
                    "#EXT-X-DISCONTINUITY-SEQUENCE:2",
                    "#EXTINF:4.000,",
                    "a.ts",
                    "#EXTINF:3.000,",
                    "b.ts",
                    "#EXT-X-ENDLIST"));
            assertThat(text).endsWith("\n#EXT-X-ENDLIST\n").containsOnlyOnce("#EXT-X-ENDLIST");
            HlsRules.assertValidMediaPlaylist(text);
        }

        @Test
        void emptyWindowStillHasTheFullHeader() {
            assertThat(PlaylistRenderer.renderMedia(live(2, 0, 0))).isEqualTo(lines(
                    "#EXTM3U",
                    "#EXT-X-VERSION:3",
                    "#EXT-X-TARGETDURATION:2",
                    "#EXT-X-MEDIA-SEQUENCE:0",
                    "#EXT-X-DISCONTINUITY-SEQUENCE:0"));
        }

        @Test
        void discontinuityAndProgramDateTimeOnTheFirstSegmentAndAfterEachDiscontinuity() {
            MediaPlaylist playlist = live(2, 40, 3,
                    new MediaSegment("s40.ts", 2 * S, false, false, T0),
                    new MediaSegment("s41.ts", 2 * S, false, false, T0.plusSeconds(2)),
                    new MediaSegment("ad1.ts", 2 * S, true, false, Instant.parse("2026-11-21T20:00:10.250Z")),
                    new MediaSegment("ad2.ts", 2 * S, false, false, Instant.parse("2026-11-21T20:00:12.250Z")),
                    new MediaSegment("s44.ts", 2 * S, true, false, null),
                    new MediaSegment("s45.ts", 2 * S, true, false, Instant.parse("2026-11-21T20:00:20.123999Z")));

            assertThat(PlaylistRenderer.renderMedia(playlist)).isEqualTo(lines(
                    "#EXTM3U",
                    "#EXT-X-VERSION:3",
                    "#EXT-X-TARGETDURATION:2",
                    "#EXT-X-MEDIA-SEQUENCE:40",
                    "#EXT-X-DISCONTINUITY-SEQUENCE:3",
                    "#EXT-X-PROGRAM-DATE-TIME:2026-11-21T20:00:00.000Z",
                    "#EXTINF:2.000,",
                    "s40.ts",
                    "#EXTINF:2.000,",
                    "s41.ts",
                    "#EXT-X-DISCONTINUITY",
                    "#EXT-X-PROGRAM-DATE-TIME:2026-11-21T20:00:10.250Z",
                    "#EXTINF:2.000,",
                    "ad1.ts",
                    "#EXTINF:2.000,",
                    "ad2.ts",
                    "#EXT-X-DISCONTINUITY",
                    "#EXTINF:2.000,",
                    "s44.ts",
                    "#EXT-X-DISCONTINUITY",
                    // milliseconds are truncated, not rounded
                    "#EXT-X-PROGRAM-DATE-TIME:2026-11-21T20:00:20.123Z",
                    "#EXTINF:2.000,",
                    "s45.ts"));
        }

        @Test
        void programDateTimeStartsAtTheFirstSegmentThatCarriesOne() {
            MediaPlaylist playlist = live(2, 0, 0,
                    MediaSegment.of("a.ts", 2 * S),
                    MediaSegment.of("b.ts", 2 * S).withProgramDateTime(T0),
                    MediaSegment.of("c.ts", 2 * S).withProgramDateTime(T0.plusSeconds(2)));

            assertThat(PlaylistRenderer.renderMedia(playlist)).isEqualTo(lines(
                    "#EXTM3U",
                    "#EXT-X-VERSION:3",
                    "#EXT-X-TARGETDURATION:2",
                    "#EXT-X-MEDIA-SEQUENCE:0",
                    "#EXT-X-DISCONTINUITY-SEQUENCE:0",
                    "#EXTINF:2.000,",
                    "a.ts",
                    "#EXT-X-PROGRAM-DATE-TIME:2026-11-21T20:00:00.000Z",
                    "#EXTINF:2.000,",
                    "b.ts",
                    "#EXTINF:2.000,",
                    "c.ts"));
        }

        @Test
        void gapSegmentsCarryExtXGapAfterTheirOtherTags() {
            MediaPlaylist playlist = live(4, 9, 0,
                    MediaSegment.of("9.ts", 4 * S),
                    MediaSegment.of("10.ts", 4 * S).withGap(true),
                    new MediaSegment("11.ts", 4 * S, true, true, T0));

            String text = PlaylistRenderer.renderMedia(playlist);

            assertThat(text).isEqualTo(lines(
                    "#EXTM3U",
                    "#EXT-X-VERSION:3",
                    "#EXT-X-TARGETDURATION:4",
                    "#EXT-X-MEDIA-SEQUENCE:9",
                    "#EXT-X-DISCONTINUITY-SEQUENCE:0",
                    "#EXTINF:4.000,",
                    "9.ts",
                    "#EXT-X-GAP",
                    "#EXTINF:4.000,",
                    "10.ts",
                    "#EXT-X-DISCONTINUITY",
                    "#EXT-X-PROGRAM-DATE-TIME:2026-11-21T20:00:00.000Z",
                    "#EXT-X-GAP",
                    "#EXTINF:4.000,",
                    "11.ts"));
            HlsRules.assertValidMediaPlaylist(text);
        }

        @ParameterizedTest(name = "{0} µs -> EXTINF:{1},")
        @CsvSource({
                "2000500, 2.001",   // 2.0005 s: half-up
                "1999400, 1.999",   // 1.9994 s: down
                "10000000, 10.000", // whole seconds still get three decimals
                "10010000, 10.010",
                "1999500, 2.000",   // half-up across the second
                "2000499, 2.000",
                "999, 0.001",
                "500, 0.001",
                "499, 0.000",
                "60000000, 60.000",
                "123456789012, 123456.789",
        })
        void extinfIsMillisecondsHalfUp(long micros, String expected) {
            String text = PlaylistRenderer.renderMedia(
                    new MediaPlaylist(200_000, 0, 0, List.of(MediaSegment.of("x.ts", micros)), false));

            assertThat(text).contains("\n#EXTINF:" + expected + ",\nx.ts\n");
        }

        @Test
        void largeSequenceNumbersAreWrittenInFull() {
            long maxSequence = 1L << 53; // docs/input-rules.md
            String text = PlaylistRenderer.renderMedia(live(6, maxSequence, maxSequence - 1,
                    MediaSegment.of("s.ts", 6 * S)));

            assertThat(text)
                    .contains("#EXT-X-MEDIA-SEQUENCE:9007199254740992\n")
                    .contains("#EXT-X-DISCONTINUITY-SEQUENCE:9007199254740991\n");
        }

        @Test
        void sameInputRendersTheSameBytes() {
            MediaPlaylist one = live(4, 5, 1,
                    new MediaSegment("a.ts", 3_999_999, true, false, T0),
                    new MediaSegment("b.ts", 4 * S, false, true, T0.plusSeconds(4)));
            MediaPlaylist equalButDistinct = live(4, 5, 1,
                    new MediaSegment(new String("a.ts"), 3_999_999, true, false, Instant.parse("2026-11-21T20:00:00Z")),
                    new MediaSegment(new String("b.ts"), 4 * S, false, true, Instant.parse("2026-11-21T20:00:04Z")));

            byte[] first = PlaylistRenderer.renderMediaBytes(one);
            byte[] second = PlaylistRenderer.renderMediaBytes(one);
            byte[] third = PlaylistRenderer.renderMediaBytes(equalButDistinct);

            assertThat(second).isEqualTo(first);
            assertThat(third).isEqualTo(first);
            assertThat(PlaylistRenderer.renderMedia(one)).isEqualTo(PlaylistRenderer.renderMedia(one));
        }

        @Test
        void programDateTimeMatchesIso8601ForManyInstants() {
            DateTimeFormatter reference = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
                    .withZone(ZoneOffset.UTC);
            SplittableRandom random = new SplittableRandom(8216);
            List<Instant> instants = new ArrayList<>(List.of(
                    MediaSegment.MIN_PROGRAM_DATE_TIME, MediaSegment.MAX_PROGRAM_DATE_TIME, Instant.EPOCH,
                    Instant.parse("2024-02-29T23:59:59.999Z"), Instant.parse("1969-12-31T23:59:59.999999Z"),
                    Instant.parse("2000-03-01T00:00:00Z")));
            long min = MediaSegment.MIN_PROGRAM_DATE_TIME.getEpochSecond();
            long max = MediaSegment.MAX_PROGRAM_DATE_TIME.getEpochSecond();
            for (int i = 0; i < 2000; i++) {
                instants.add(Instant.ofEpochSecond(random.nextLong(min, max + 1), random.nextInt(1_000_000_000)));
            }
            for (Instant instant : instants) {
                StringBuilder out = new StringBuilder();
                HlsNumbers.appendUtcMillis(out, instant);
                assertThat(out.toString()).as("%s", instant).isEqualTo(reference.format(instant));
            }
        }

        @Test
        void aSlidingWindowRendersValidSuccessivePolls() {
            // A live window of 4 segments sliding over 12 polls, with a discontinuity and a gap passing through.
            List<MediaSegment> all = new ArrayList<>();
            for (int n = 0; n < 16; n++) {
                all.add(new MediaSegment("seg" + n + ".ts", n % 3 == 0 ? 1_999_600 : 2 * S, n == 5 || n == 9,
                        n == 7, T0.plusMillis(2000L * n)));
            }
            String previous = null;
            for (int end = 1; end <= all.size(); end++) {
                int start = Math.max(0, end - 4);
                long slidOut = all.subList(0, start).stream().filter(MediaSegment::discontinuity).count();
                MediaPlaylist window = new MediaPlaylist(2, start, slidOut, all.subList(start, end),
                        end == all.size());
                String text = PlaylistRenderer.renderMedia(window);
                HlsRules.assertValidMediaPlaylist(text);
                if (previous != null) {
                    HlsRules.assertValidSuccessor(previous, text);
                }
                previous = text;
            }
        }
    }

    @Nested
    class MasterPlaylists {

        @Test
        void masterPlaylistWithAllAttributesExactBytes() {
            MasterPlaylist master = new MasterPlaylist(List.of(
                    new Variant("720p/index.m3u8", VariantDescription.of(2_500_000, 2_200_000L, "1280x720", "avc1.64001f,mp4a.40.2", 25.0)),
                    new Variant("https://cdn.example.com/360p.m3u8", VariantDescription.of(800_000, 700_000L, "640x360", "avc1.42c01e,mp4a.40.2", 29.97))));

            String expected = lines(
                    "#EXTM3U",
                    "#EXT-X-STREAM-INF:BANDWIDTH=2500000,AVERAGE-BANDWIDTH=2200000,RESOLUTION=1280x720,"
                            + "CODECS=\"avc1.64001f,mp4a.40.2\",FRAME-RATE=25.000",
                    "720p/index.m3u8",
                    "#EXT-X-STREAM-INF:BANDWIDTH=800000,AVERAGE-BANDWIDTH=700000,RESOLUTION=640x360,"
                            + "CODECS=\"avc1.42c01e,mp4a.40.2\",FRAME-RATE=29.970",
                    "https://cdn.example.com/360p.m3u8");

            assertThat(PlaylistRenderer.renderMaster(master)).isEqualTo(expected);
            assertThat(PlaylistRenderer.renderMasterBytes(master))
                    .isEqualTo(expected.getBytes(StandardCharsets.US_ASCII));
            HlsRules.assertValidMasterPlaylist(expected);
        }

        @Test
        void masterPlaylistLeavesOutAbsentAttributesAndKeepsTheCallersOrder() {
            MasterPlaylist master = new MasterPlaylist(List.of(
                    Variant.of("audio/index.m3u8", 128_000),
                    new Variant("low.m3u8", VariantDescription.of(400_000, null, null, "avc1.42c01e", null)),
                    new Variant("hi.m3u8", VariantDescription.of(5_000_000, null, "1920x1080", null, 23.976))));

            String text = PlaylistRenderer.renderMaster(master);

            assertThat(text).isEqualTo(lines(
                    "#EXTM3U",
                    "#EXT-X-STREAM-INF:BANDWIDTH=128000",
                    "audio/index.m3u8",
                    "#EXT-X-STREAM-INF:BANDWIDTH=400000,CODECS=\"avc1.42c01e\"",
                    "low.m3u8",
                    "#EXT-X-STREAM-INF:BANDWIDTH=5000000,RESOLUTION=1920x1080,FRAME-RATE=23.976",
                    "hi.m3u8"));
            HlsRules.assertValidMasterPlaylist(text);
        }

        @ParameterizedTest(name = "{0} fps -> FRAME-RATE={1}")
        @CsvSource({"25, 25.000", "29.97002997, 29.970", "59.94, 59.940", "0.5, 0.500", "120, 120.000",
                "47.952, 47.952"})
        void frameRateHasThreeDecimalsHalfUp(double frameRate, String expected) {
            String text = PlaylistRenderer.renderMaster(
                    new MasterPlaylist(List.of(new Variant("v.m3u8", VariantDescription.of(1, null, null, null, frameRate)))));

            assertThat(text).contains(",FRAME-RATE=" + expected + "\n");
        }

        @Test
        void masterPlaylistIsDeterministic() {
            MasterPlaylist master = new MasterPlaylist(List.of(
                    new Variant("a.m3u8", VariantDescription.of(1_000, 900L, "2x2", "mp4a.40.2", 50.0))));

            assertThat(PlaylistRenderer.renderMasterBytes(master)).isEqualTo(PlaylistRenderer.renderMasterBytes(master));
        }
    }

    @Nested
    class Safety {

        @ParameterizedTest(name = "[{index}] {0}")
        @ValueSource(strings = {"seg\n1.ts", "seg1.ts\n#EXT-X-ENDLIST", "seg\r1.ts", "seg\t1.ts", "seg\u00001.ts",
                "seg\u007F.ts", "seg\u0085.ts", "seg\u2028.ts", ""})
        void segmentUriWithLineBreakingOrControlCharactersIsRejected(String uri) {
            assertThatThrownBy(() -> MediaSegment.of(uri, S))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("segment URI");
        }

        @Test
        void rejectionMessagesSayWhatAndWhere() {
            assertThatThrownBy(() -> MediaSegment.of("a\nb.ts", S))
                    .hasMessage("segment URI contains control character U+000A at index 1");
            assertThatThrownBy(() -> MediaSegment.of("", S)).hasMessage("segment URI is empty");
            assertThatThrownBy(() -> MediaSegment.of(null, S)).hasMessage("segment URI is missing");
        }

        @ParameterizedTest(name = "[{index}] {0}")
        @ValueSource(strings = {"a\nb.m3u8", "a\rb.m3u8", "\u001B[31m.m3u8", ""})
        void variantUriWithControlCharactersIsRejected(String uri) {
            assertThatThrownBy(() -> Variant.of(uri, 1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("variant URI");
        }

        @ParameterizedTest(name = "[{index}] {0}")
        @ValueSource(strings = {"avc1.64001f\",FOO=\"bar", "\"", "avc1\r", "avc1\nmp4a", "avc1\u0000", ""})
        void codecsThatCouldEscapeTheQuotedStringAreRejected(String codecs) {
            assertThatThrownBy(() -> new Variant("v.m3u8", VariantDescription.of(1, null, null, codecs, null)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("codecs");
        }

        @Test
        void quoteInCodecsIsNamedInTheMessage() {
            assertThatThrownBy(() -> new Variant("v.m3u8", VariantDescription.of(1, null, null, "avc1\"x", null)))
                    .hasMessageContaining("codecs must be an RFC 6381 list");
        }

        @ParameterizedTest(name = "[{index}] {0}")
        @ValueSource(strings = {"1280*720", "1280x", "x720", "1280x720\n", " 1280x720", "1280X720", "12a0x720",
                "\uFF11280x720", "1280x720x1", ""})
        void resolutionMustBeWidthXHeight(String resolution) {
            assertThatThrownBy(() -> new Variant("v.m3u8", VariantDescription.of(1, null, resolution, null, null)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("resolution");
        }

        @Test
        void numbersMustMakeSense() {
            assertThatThrownBy(() -> MediaSegment.of("a.ts", 0)).hasMessageContaining("duration");
            assertThatThrownBy(() -> MediaSegment.of("a.ts", -1)).hasMessageContaining("duration");
            assertThatThrownBy(() -> new MediaSegment("a.ts", 1, false, false, Instant.parse("+10000-01-01T00:00:00Z")))
                    .hasMessageContaining("program-date-time");
            assertThatThrownBy(() -> new MediaPlaylist(0, 0, 0, List.of(), false)).hasMessageContaining("target");
            assertThatThrownBy(() -> new MediaPlaylist(1, -1, 0, List.of(), false)).hasMessageContaining("media sequence");
            assertThatThrownBy(() -> new MediaPlaylist(1, 0, -1, List.of(), false))
                    .hasMessageContaining("discontinuity sequence");
            assertThatThrownBy(() -> Variant.of("v.m3u8", 0)).hasMessageContaining("bandwidth");
            assertThatThrownBy(() -> new Variant("v.m3u8", VariantDescription.of(1, 0L, null, null, null)))
                    .hasMessageContaining("averageBandwidth");
            for (double bad : new double[] {0, -25, Double.NaN, Double.POSITIVE_INFINITY, 0.0004}) {
                assertThatThrownBy(() -> new Variant("v.m3u8", VariantDescription.of(1, null, null, null, bad)))
                        .hasMessageContaining("frameRate");
            }
            assertThatThrownBy(() -> new MasterPlaylist(List.of())).hasMessageContaining("at least one variant");
        }

        @Test
        void listsAreCopiedAndRefuseNulls() {
            List<MediaSegment> segments = new ArrayList<>(List.of(MediaSegment.of("a.ts", S)));
            MediaPlaylist playlist = new MediaPlaylist(1, 0, 0, segments, false);
            segments.add(MediaSegment.of("b.ts", S));

            assertThat(playlist.segments()).hasSize(1);
            assertThatThrownBy(() -> playlist.segments().add(MediaSegment.of("c.ts", S)))
                    .isInstanceOf(UnsupportedOperationException.class);
            List<MediaSegment> withNull = new ArrayList<>();
            withNull.add(null);
            assertThatThrownBy(() -> new MediaPlaylist(1, 0, 0, withNull, false))
                    .isInstanceOf(NullPointerException.class);
            List<Variant> variantsWithNull = new ArrayList<>();
            variantsWithNull.add(null);
            assertThatThrownBy(() -> new MasterPlaylist(variantsWithNull)).isInstanceOf(NullPointerException.class);
        }
    }
}
