package org.hlspipeline.processor.playout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hlspipeline.processor.playout.Channels.T0;
import static org.hlspipeline.processor.playout.Channels.at;

import java.util.ArrayList;
import java.util.List;

import org.hlspipeline.processor.hls.HlsPlaylistParser;
import org.hlspipeline.processor.hls.HlsRules;
import org.hlspipeline.processor.hls.ParsedDateRange;
import org.hlspipeline.processor.hls.PlaylistRenderer;
import org.hlspipeline.processor.hls.Scte35Decoder;
import org.hlspipeline.processor.hls.Scte35Decoder.SpliceInsert;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * Ad markers in channel playlists, against playlists worked out by hand. The channel: target 2 s, window 6
 * segments, T0 = 2026-11-21T20:00:00Z, every segment 2 s. "ep" airs 0–10 s (media sequence 0–4), the 30 s ad
 * "ad30" 10–40 s (5–19; 15 segments), then "ep2" from 40 s (20–). The SCTE-35 sections were laid out by hand
 * from ANSI/SCTE 35 (see {@link org.hlspipeline.processor.hls.Scte35}) with the CRC worked out separately, and are decoded
 * back with the tests' own decoder.
 */
class ChannelPlaylistsTest {

    static final Item EP = Item.of("ep", ItemKind.PROGRAM, "Episode", Channels.asset("ep", 5));
    static final Item AD30 = Item.of("ad30", ItemKind.AD, "Ad", Channels.asset("ad30", 15));
    static final Item EP2 = Item.of("ep2", ItemKind.PROGRAM, "Episode", Channels.asset("ep2", 40));

    /** splice_insert OUT, event 5, break 30 s (2 700 000 ticks). */
    static final String OUT_5_30S = "FC3020000000000000FFFFF00F05000000057FFFFE002932E00000000000004A390024";
    /** splice_insert IN, event 5. */
    static final String IN_5 = "FC301B000000000000FFFFF00A05000000057F5F0000000000006F873B4A";

    static final String DATERANGE_OPEN = "#EXT-X-DATERANGE:ID=\"ad-5\",START-DATE=\"2026-11-21T20:00:10.000Z\","
            + "PLANNED-DURATION=30.000,SCTE35-OUT=0x" + OUT_5_30S;
    static final String DATERANGE_CLOSED = "#EXT-X-DATERANGE:ID=\"ad-5\",START-DATE=\"2026-11-21T20:00:10.000Z\","
            + "PLANNED-DURATION=30.000,DURATION=30.000,SCTE35-OUT=0x" + OUT_5_30S + ",SCTE35-IN=0x" + IN_5;

    /** A channel in {@code style}, configured and with {@code items} queued at T0. */
    static ChannelState channel(AdMarkers style, boolean programDateTime, Item... items) {
        ChannelConfig config = new ChannelConfig(Channels.LADDER, 6, 2, null, programDateTime, style);
        ChannelState state = Playout.schedule(ChannelState.create("tv1"), new PlayoutCommand.Configure(config), T0);
        return Playout.schedule(state, new PlayoutCommand.Enqueue(List.of(items), false), T0);
    }

    /** A channel advanced step by step, as a channel processor advances it. */
    static final class Tracked {
        ChannelState state;

        Tracked(ChannelState state) {
            this.state = state;
        }

        Tracked until(double seconds) {
            state = Playout.advance(state, at(seconds)).state();
            return this;
        }

        String playlist(String rendition) {
            return PlaylistRenderer.renderMedia(ChannelPlaylists.media(state, rendition));
        }
    }

    static String lines(List<String> lines) {
        return String.join("\n", lines) + "\n";
    }

    static List<String> header(long mediaSequence, long discontinuitySequence) {
        return new ArrayList<>(List.of("#EXTM3U", "#EXT-X-VERSION:3", "#EXT-X-TARGETDURATION:2",
                "#EXT-X-MEDIA-SEQUENCE:" + mediaSequence, "#EXT-X-DISCONTINUITY-SEQUENCE:" + discontinuitySequence));
    }

    static void segment(List<String> out, String asset, int n) {
        out.add("#EXTINF:2.000,");
        out.add("https://cdn.example/" + asset + "/720p/seg" + n + ".ts");
    }

    static boolean dateRanges(AdMarkers style) {
        return style == AdMarkers.DATERANGE || style == AdMarkers.BOTH;
    }

    static boolean cues(AdMarkers style) {
        return style == AdMarkers.CUE || style == AdMarkers.BOTH;
    }

    /** The break's EXT-X-DATERANGE and its EXT-X-CUE line, each where the style writes it. */
    private static void markers(List<String> t, AdMarkers style, String dateRange, String cue) {
        if (dateRanges(style)) {
            t.add(dateRange);
        }
        if (cues(style)) {
            t.add(cue);
        }
    }

    // --- the break at four moments, in each style ---------------------------------------------------------

    /** At 10 s the ad's first segment has just aired: ep 0–4 and ad30#0 (sequence 0–5) fill the window. */
    static String atTheAdsStart(AdMarkers style) {
        List<String> t = header(0, 0);
        t.add("#EXT-X-PROGRAM-DATE-TIME:2026-11-21T20:00:00.000Z");
        for (int n = 0; n < 5; n++) {
            segment(t, "ep", n);
        }
        t.add("#EXT-X-DISCONTINUITY");
        t.add("#EXT-X-PROGRAM-DATE-TIME:2026-11-21T20:00:10.000Z");
        markers(t, style, DATERANGE_OPEN, "#EXT-X-CUE-OUT:30.000");
        segment(t, "ad30", 0);
        return lines(t);
    }

    /**
     * At 25 s sequence 0–12 have aired (the last at 24 s); the window is 7–12, ad30#2–#7. The ad's first
     * segment (5, with the discontinuity) has slid out: discontinuity sequence 1. ad30#2 aired at 14 s, 4 s into
     * the break.
     */
    static String midAd(AdMarkers style) {
        List<String> t = header(7, 1);
        t.add("#EXT-X-PROGRAM-DATE-TIME:2026-11-21T20:00:14.000Z");
        markers(t, style, DATERANGE_OPEN, "#EXT-X-CUE-OUT-CONT:ElapsedTime=4.000,Duration=30.000");
        for (int n = 2; n <= 7; n++) {
            segment(t, "ad30", n);
        }
        return lines(t);
    }

    /** At 41 s ep2#0 (sequence 20, 40 s) has aired: the window is ad30#10–#14 and ep2#0; the break is closed. */
    static String afterTheAd(AdMarkers style) {
        List<String> t = header(15, 1);
        t.add("#EXT-X-PROGRAM-DATE-TIME:2026-11-21T20:00:30.000Z");
        markers(t, style, DATERANGE_CLOSED, "#EXT-X-CUE-OUT-CONT:ElapsedTime=20.000,Duration=30.000");
        for (int n = 10; n <= 14; n++) {
            segment(t, "ad30", n);
        }
        t.add("#EXT-X-DISCONTINUITY");
        t.add("#EXT-X-PROGRAM-DATE-TIME:2026-11-21T20:00:40.000Z");
        if (cues(style)) {
            t.add("#EXT-X-CUE-IN");
        }
        segment(t, "ep2", 0);
        return lines(t);
    }

    /**
     * At 51 s the window is ep2#0–#5 (sequence 20–25): the break [10 s, 40 s) ends where the window begins, so
     * nothing of it is left, in any style.
     */
    static String afterTheBreakSlidOut() {
        List<String> t = header(20, 1);
        t.add("#EXT-X-DISCONTINUITY");
        t.add("#EXT-X-PROGRAM-DATE-TIME:2026-11-21T20:00:40.000Z");
        for (int n = 0; n <= 5; n++) {
            segment(t, "ep2", n);
        }
        return lines(t);
    }

    @ParameterizedTest
    @EnumSource(AdMarkers.class)
    void theBreakAtItsStartMidwayAfterItsEndAndOnceItSlidOut(AdMarkers style) {
        Tracked channel = new Tracked(channel(style, true, EP, AD30, EP2));

        assertThat(channel.until(10).playlist("720p")).isEqualTo(atTheAdsStart(style));
        assertThat(channel.until(25).playlist("720p")).isEqualTo(midAd(style));
        assertThat(channel.until(41).playlist("720p")).isEqualTo(afterTheAd(style));
        assertThat(channel.until(51).playlist("720p")).isEqualTo(afterTheBreakSlidOut());
        assertThat(channel.state.window()).extracting(ChannelSegment::adBreak).containsOnlyNulls();
    }

    @Test
    void theScte35AttributesDecodeToTheBreaksSpliceInserts() {
        Tracked channel = new Tracked(channel(AdMarkers.DATERANGE, true, EP, AD30, EP2)).until(41);
        ParsedDateRange range = HlsPlaylistParser.parseMedia(channel.playlist("720p")).dateRanges().get(0);

        SpliceInsert out = Scte35Decoder.decode(range.attributes().get("SCTE35-OUT"));
        assertThat(out.crcOk()).isTrue();
        assertThat(out.spliceEventId()).isEqualTo(5);
        assertThat(out.outOfNetworkIndicator()).isEqualTo(1);
        assertThat(out.durationFlag()).isEqualTo(1);
        assertThat(out.breakDurationTicks()).isEqualTo(30 * 90_000);
        assertThat(out.spliceImmediateFlag()).isEqualTo(1);

        SpliceInsert in = Scte35Decoder.decode(range.attributes().get("SCTE35-IN"));
        assertThat(in.crcOk()).isTrue();
        assertThat(in.spliceEventId()).isEqualTo(5);
        assertThat(in.outOfNetworkIndicator()).isZero();
        assertThat(in.durationFlag()).isZero();
    }

    @ParameterizedTest
    @EnumSource(AdMarkers.class)
    void everyPollOfEveryRenditionIsValidFollowsTheLastAndCarriesTheSameMarkers(AdMarkers style) {
        Item ad4 = Item.of("ad4", ItemKind.AD, "Short ad", Channels.asset("ad4", 2));
        Tracked channel = new Tracked(channel(style, true, EP, AD30, EP2, ad4, AD30, EP));
        ChannelState plain = channel.state;
        String previous = null;
        for (int t = 0; t <= 140; t++) {
            channel.until(t);
            plain = Playout.advance(plain, at(t)).state();
            assertThat(channel.state).isEqualTo(plain); // the log's stepping airs exactly what Playout airs
            if (channel.state.window().isEmpty()) {
                continue;
            }
            String hd = channel.playlist("720p");
            HlsRules.assertValidMediaPlaylist(hd);
            assertThat(channel.playlist("480p")).isEqualTo(hd.replace("/720p/", "/480p/"));
            assertThat(channel.playlist("720p")).isEqualTo(hd); // the same state renders the same bytes
            if (previous != null) {
                HlsRules.assertValidSuccessor(previous, hd);
            }
            previous = hd;
        }
    }

    @Test
    void aBreakCutShortKeepsItsPlanAndCloses() {
        // Skip at 15 s ends the ad at the 16 s boundary: it aired 10, 12 and 14 s (sequence 5–7).
        ChannelState state = Playout.schedule(channel(AdMarkers.BOTH, true, EP, AD30, EP2),
                new PlayoutCommand.Skip(), at(15));
        Tracked channel = new Tracked(state).until(14);
        String before = channel.playlist("720p");
        String after = channel.until(17).playlist("720p");

        // At 17 s sequence 0–8 aired; the window is 3–8: ep#3, ep#4, ad30#0–#2, ep2#0.
        List<String> t = header(3, 0);
        t.add("#EXT-X-PROGRAM-DATE-TIME:2026-11-21T20:00:06.000Z");
        segment(t, "ep", 3);
        segment(t, "ep", 4);
        t.add("#EXT-X-DISCONTINUITY");
        t.add("#EXT-X-PROGRAM-DATE-TIME:2026-11-21T20:00:10.000Z");
        t.add("#EXT-X-DATERANGE:ID=\"ad-5\",START-DATE=\"2026-11-21T20:00:10.000Z\",PLANNED-DURATION=30.000,"
                + "DURATION=6.000,SCTE35-OUT=0x" + OUT_5_30S + ",SCTE35-IN=0x" + IN_5);
        t.add("#EXT-X-CUE-OUT:30.000");
        for (int n = 0; n <= 2; n++) {
            segment(t, "ad30", n);
        }
        t.add("#EXT-X-DISCONTINUITY");
        t.add("#EXT-X-PROGRAM-DATE-TIME:2026-11-21T20:00:16.000Z");
        t.add("#EXT-X-CUE-IN");
        segment(t, "ep2", 0);

        assertThat(after).isEqualTo(lines(t));
        HlsRules.assertValidSuccessor(before, after);
    }

    @Test
    void anAdResumedAfterAnInterruptIsANewBreakPlannedForWhatIsLeft() {
        Item news = Item.of("news", ItemKind.PROGRAM, "News", Channels.asset("news", 1));
        // Effective 13 s: cut at 14 s after ad30#0 and #1 (sequence 5, 6); news#0 at 14 s (7); ad30#2 at 16 s (8).
        ChannelState state = Playout.schedule(channel(AdMarkers.BOTH, true, EP, AD30, EP2),
                new PlayoutCommand.Interrupt("breaking", List.of(news), 10, ResumePolicy.RESUME), at(13));
        String text = new Tracked(state).until(17).playlist("720p");

        List<String> t = header(3, 0);
        t.add("#EXT-X-PROGRAM-DATE-TIME:2026-11-21T20:00:06.000Z");
        segment(t, "ep", 3);
        segment(t, "ep", 4);
        t.add("#EXT-X-DISCONTINUITY");
        t.add("#EXT-X-PROGRAM-DATE-TIME:2026-11-21T20:00:10.000Z");
        t.add("#EXT-X-DATERANGE:ID=\"ad-5\",START-DATE=\"2026-11-21T20:00:10.000Z\",PLANNED-DURATION=30.000,"
                + "DURATION=4.000,SCTE35-OUT=0x" + OUT_5_30S + ",SCTE35-IN=0x" + IN_5);
        t.add("#EXT-X-CUE-OUT:30.000");
        segment(t, "ad30", 0);
        segment(t, "ad30", 1);
        t.add("#EXT-X-DISCONTINUITY");
        t.add("#EXT-X-PROGRAM-DATE-TIME:2026-11-21T20:00:14.000Z");
        t.add("#EXT-X-CUE-IN");
        segment(t, "news", 0);
        t.add("#EXT-X-DISCONTINUITY");
        t.add("#EXT-X-PROGRAM-DATE-TIME:2026-11-21T20:00:16.000Z");
        // 13 segments left of 15: 26 s = 2 340 000 ticks; event 8.
        t.add("#EXT-X-DATERANGE:ID=\"ad-8\",START-DATE=\"2026-11-21T20:00:16.000Z\",PLANNED-DURATION=26.000,"
                + "SCTE35-OUT=0xFC3020000000000000FFFFF00F05000000087FFFFE0023B4A00000000000007EE394AF");
        t.add("#EXT-X-CUE-OUT:26.000");
        segment(t, "ad30", 2);

        assertThat(text).isEqualTo(lines(t));
    }

    @Test
    void twoAdsBackToBackCloseAndOpenOnOneSegment() {
        Item adA = Item.of("adA", ItemKind.AD, "A", Channels.asset("adA", 2));
        Item adB = Item.of("adB", ItemKind.AD, "B", Channels.asset("adB", 2));
        // ep 0–8 s (0–4), adA 10, 12 s (5, 6), adB 14, 16 s (7, 8); at 17 s the window is 3–8.
        String text = new Tracked(channel(AdMarkers.BOTH, true, EP, adA, adB, EP2)).until(17).playlist("720p");

        List<String> t = header(3, 0);
        t.add("#EXT-X-PROGRAM-DATE-TIME:2026-11-21T20:00:06.000Z");
        segment(t, "ep", 3);
        segment(t, "ep", 4);
        t.add("#EXT-X-DISCONTINUITY");
        t.add("#EXT-X-PROGRAM-DATE-TIME:2026-11-21T20:00:10.000Z");
        t.add("#EXT-X-DATERANGE:ID=\"ad-5\",START-DATE=\"2026-11-21T20:00:10.000Z\",PLANNED-DURATION=4.000,"
                + "DURATION=4.000,SCTE35-OUT=0xFC3020000000000000FFFFF00F05000000057FFFFE00057E40000000000000D46EB043"
                + ",SCTE35-IN=0x" + IN_5);
        t.add("#EXT-X-CUE-OUT:4.000");
        segment(t, "adA", 0);
        segment(t, "adA", 1);
        t.add("#EXT-X-DISCONTINUITY");
        t.add("#EXT-X-PROGRAM-DATE-TIME:2026-11-21T20:00:14.000Z");
        t.add("#EXT-X-DATERANGE:ID=\"ad-7\",START-DATE=\"2026-11-21T20:00:14.000Z\",PLANNED-DURATION=4.000,"
                + "SCTE35-OUT=0xFC3020000000000000FFFFF00F05000000077FFFFE00057E400000000000005B812DC1");
        t.add("#EXT-X-CUE-IN");
        t.add("#EXT-X-CUE-OUT:4.000");
        segment(t, "adB", 0);
        segment(t, "adB", 1);

        assertThat(text).isEqualTo(lines(t));
    }

    @Test
    void withoutProgramDateTimeTheSegmentCarryingADateRangeGetsOne() {
        Tracked dateRange = new Tracked(channel(AdMarkers.DATERANGE, false, EP, AD30, EP2));
        Tracked cue = new Tracked(channel(AdMarkers.CUE, false, EP, AD30, EP2));

        // At 10 s: only ad30#0 carries a date range, so only it has a program date-time.
        List<String> t = header(0, 0);
        for (int n = 0; n < 5; n++) {
            segment(t, "ep", n);
        }
        t.add("#EXT-X-DISCONTINUITY");
        t.add("#EXT-X-PROGRAM-DATE-TIME:2026-11-21T20:00:10.000Z");
        t.add(DATERANGE_OPEN);
        segment(t, "ad30", 0);
        assertThat(dateRange.until(10).playlist("720p")).isEqualTo(lines(t));

        // At 25 s: the window's first segment carries the range, and its date.
        List<String> u = header(7, 1);
        u.add("#EXT-X-PROGRAM-DATE-TIME:2026-11-21T20:00:14.000Z");
        u.add(DATERANGE_OPEN);
        for (int n = 2; n <= 7; n++) {
            segment(u, "ad30", n);
        }
        assertThat(dateRange.until(25).playlist("720p")).isEqualTo(lines(u));

        // Cues need no date: none is written.
        List<String> v = header(7, 1);
        v.add("#EXT-X-CUE-OUT-CONT:ElapsedTime=4.000,Duration=30.000");
        for (int n = 2; n <= 7; n++) {
            segment(v, "ad30", n);
        }
        assertThat(cue.until(25).playlist("720p")).isEqualTo(lines(v));

        // After the break has slid out, no date range and so no program date-time.
        assertThat(dateRange.until(51).playlist("720p")).doesNotContain("#EXT-X-PROGRAM-DATE-TIME");
    }

    @Test
    void aBreakKeepsItsMarkersWhenTheChannelIsAdvancedInOneStep() {
        ChannelState state = channel(AdMarkers.BOTH, true, EP, AD30, EP2);
        ChannelState at25 = Playout.advance(state, at(25)).state();

        assertThat(PlaylistRenderer.renderMedia(ChannelPlaylists.media(at25, "720p")))
                .isEqualTo(new Tracked(state).until(10).until(25).playlist("720p"));
    }

    @Test
    void theBreakIsFixedWhenItsFirstSegmentAirsAndEverySegmentOfItCarriesIt() {
        ChannelState state = Playout.advance(channel(AdMarkers.DATERANGE, true, EP, AD30, EP2, AD30), at(125))
                .state();

        // ep2 is 40 segments (40–120 s); the second ad30 starts at 120 s as sequence 60.
        assertThat(state.window()).filteredOn(s -> s.kind() == ItemKind.AD)
                .extracting(ChannelSegment::adBreak).containsOnly(new AdBreak(60, at(120), 30_000_000));
        assertThat(PlaylistRenderer.renderMedia(ChannelPlaylists.media(state, "720p")))
                .contains("#EXT-X-DATERANGE:ID=\"ad-60\",START-DATE=\"2026-11-21T20:02:00.000Z\"");
    }
}
