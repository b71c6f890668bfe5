package org.hlspipeline.processor.hls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Date ranges and ad cues in the rendered text. The expected texts are written by hand from RFC 8216 §4.3.2.7,
 * 8216bis §4.4.5.1 and the CUE-OUT convention, not copied from the renderer's output.
 */
class AdMarkerRenderingTest {

    private static final long S = 1_000_000L;
    private static final Instant T0 = Instant.parse("2026-11-21T20:00:00Z");

    static String lines(String... lines) {
        return String.join("\n", lines) + "\n";
    }

    @Test
    void everyMarkerInItsPlaceExactBytes() {
        DateRange open = new DateRange("ad-41", T0.plusSeconds(4), 30 * S, null, "FC30", null);
        DateRange closed = new DateRange("ad-40", T0, 4 * S, 3_999_500L, "FC3020", "FC301B");
        MediaPlaylist playlist = new MediaPlaylist(2, 40, 3, List.of(
                new MediaSegment("a40.ts", 2 * S, false, false, T0,
                        new SegmentMarkers(List.of(closed), false, CueOut.continued(1_500_000, 4 * S))),
                MediaSegment.of("a41.ts", 2 * S),
                new MediaSegment("b42.ts", 2 * S, true, false, T0.plusSeconds(4),
                        new SegmentMarkers(List.of(open), true, CueOut.start(30 * S))),
                MediaSegment.of("b43.ts", 2 * S).withGap(true)
                        .withMarkers(SegmentMarkers.NONE.withCueOut(CueOut.start(1_234_567)))), false);

        String expected = lines(
                "#EXTM3U",
                "#EXT-X-VERSION:3",
                "#EXT-X-TARGETDURATION:2",
                "#EXT-X-MEDIA-SEQUENCE:40",
                "#EXT-X-DISCONTINUITY-SEQUENCE:3",
                "#EXT-X-PROGRAM-DATE-TIME:2026-11-21T20:00:00.000Z",
                "#EXT-X-DATERANGE:ID=\"ad-40\",START-DATE=\"2026-11-21T20:00:00.000Z\",PLANNED-DURATION=4.000,"
                        + "DURATION=4.000,SCTE35-OUT=0xFC3020,SCTE35-IN=0xFC301B",
                "#EXT-X-CUE-OUT-CONT:ElapsedTime=1.500,Duration=4.000",
                "#EXTINF:2.000,",
                "a40.ts",
                "#EXTINF:2.000,",
                "a41.ts",
                "#EXT-X-DISCONTINUITY",
                "#EXT-X-PROGRAM-DATE-TIME:2026-11-21T20:00:04.000Z",
                "#EXT-X-DATERANGE:ID=\"ad-41\",START-DATE=\"2026-11-21T20:00:04.000Z\",PLANNED-DURATION=30.000,"
                        + "SCTE35-OUT=0xFC30",
                "#EXT-X-CUE-IN",
                "#EXT-X-CUE-OUT:30.000",
                "#EXTINF:2.000,",
                "b42.ts",
                "#EXT-X-CUE-OUT:1.235",
                "#EXT-X-GAP",
                "#EXTINF:2.000,",
                "b43.ts");

        String text = PlaylistRenderer.renderMedia(playlist);
        assertThat(text).isEqualTo(expected);
        assertThat(PlaylistRenderer.mediaVersion(playlist)).isEqualTo(3);
        HlsRules.assertValidMediaPlaylist(text);
    }

    @Test
    void aDateRangeWithOnlyIdAndStartDateAndTruncatedMilliseconds() {
        MediaPlaylist playlist = new MediaPlaylist(2, 0, 0, List.of(
                MediaSegment.of("a.ts", 2 * S).withProgramDateTime(T0).withMarkers(SegmentMarkers.NONE
                        .withDateRange(DateRange.of("x", Instant.parse("2026-11-21T20:00:00.123999Z")))
                        .withDateRange(DateRange.of("y", T0)))), false);

        assertThat(PlaylistRenderer.renderMedia(playlist)).isEqualTo(lines(
                "#EXTM3U",
                "#EXT-X-VERSION:3",
                "#EXT-X-TARGETDURATION:2",
                "#EXT-X-MEDIA-SEQUENCE:0",
                "#EXT-X-DISCONTINUITY-SEQUENCE:0",
                "#EXT-X-PROGRAM-DATE-TIME:2026-11-21T20:00:00.000Z",
                "#EXT-X-DATERANGE:ID=\"x\",START-DATE=\"2026-11-21T20:00:00.123Z\"",
                "#EXT-X-DATERANGE:ID=\"y\",START-DATE=\"2026-11-21T20:00:00.000Z\"",
                "#EXTINF:2.000,",
                "a.ts"));
    }

    @Test
    void theFiveArgumentConstructorMeansNoMarkers() {
        MediaSegment plain = new MediaSegment("a.ts", S, true, false, T0);

        assertThat(plain.markers()).isSameAs(SegmentMarkers.NONE);
        assertThat(plain).isEqualTo(new MediaSegment("a.ts", S, true, false, T0, SegmentMarkers.NONE));
        assertThat(plain.withGap(true).withDiscontinuity(false).withProgramDateTime(null)
                .withMarkers(SegmentMarkers.NONE.withCueIn()).markers().cueIn()).isTrue();
        assertThat(MediaSegment.of("a.ts", S).withMarkers(SegmentMarkers.NONE.withCueIn()).withGap(true)
                .markers().cueIn()).isTrue();
    }

    @Test
    void theSameModelRendersToTheSameBytes() {
        DateRange range = new DateRange("ad-1", T0, 30 * S, null, Scte35.hex(Scte35.spliceOut(1, 30 * S)), null);
        MediaPlaylist a = new MediaPlaylist(2, 0, 0, List.of(new MediaSegment("a.ts", 2 * S, false, false, T0,
                new SegmentMarkers(List.of(range), false, CueOut.start(30 * S)))), false);
        MediaPlaylist b = new MediaPlaylist(2, 0, 0, List.of(new MediaSegment(new String("a.ts"), 2 * S, false, false,
                Instant.parse("2026-11-21T20:00:00Z"), new SegmentMarkers(List.of(new DateRange(new String("ad-1"), T0,
                30 * S, null, Scte35.hex(Scte35.spliceOut(1, 30 * S)), null)), false, CueOut.start(30 * S)))), false);

        assertThat(a).isEqualTo(b);
        assertThat(PlaylistRenderer.renderMediaBytes(a)).isEqualTo(PlaylistRenderer.renderMediaBytes(b));
    }

    @Test
    void aPlaylistWithADateRangeNeedsAProgramDateTime() {
        MediaSegment tagged = MediaSegment.of("a.ts", 2 * S)
                .withMarkers(SegmentMarkers.NONE.withDateRange(DateRange.of("ad-1", T0)));

        assertThatThrownBy(() -> new MediaPlaylist(2, 0, 0, List.of(tagged), false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("program date-time");
        // Any segment's program date-time will do (RFC 8216 §4.3.2.7: "at least one").
        new MediaPlaylist(2, 0, 0, List.of(MediaSegment.of("z.ts", 2 * S).withProgramDateTime(T0), tagged), false);
    }

    @Test
    void twoDifferentDateRangesMayNotShareAnId() {
        MediaSegment a = MediaSegment.of("a.ts", 2 * S).withProgramDateTime(T0)
                .withMarkers(SegmentMarkers.NONE.withDateRange(DateRange.of("ad-1", T0)));
        MediaSegment b = MediaSegment.of("b.ts", 2 * S)
                .withMarkers(SegmentMarkers.NONE.withDateRange(DateRange.of("ad-1", T0.plusSeconds(2))));

        assertThatThrownBy(() -> new MediaPlaylist(2, 0, 0, List.of(a, b), false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ad-1");
        new MediaPlaylist(2, 0, 0, List.of(a, a.withProgramDateTime(null)), false); // the same range twice is fine
    }

    @Test
    void dateRangeValuesThatCouldBreakTheLineAreRefused() {
        assertThatThrownBy(() -> DateRange.of("a\"b", T0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DateRange.of("a\nb", T0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DateRange.of("", T0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DateRange("a", T0, null, null, "fc30", null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DateRange("a", T0, null, null, "FC3", null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DateRange("a", T0, null, null, null, "FC,30"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DateRange("a", T0, -1L, null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DateRange("a", Instant.parse("+10000-01-01T00:00:00Z"), null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CueOut.continued(0, S)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CueOut(-1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
