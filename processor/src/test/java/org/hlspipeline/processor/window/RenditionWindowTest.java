package org.hlspipeline.processor.window;

import org.hlspipeline.processor.window.RenditionWindow.WindowChange;

import org.hlspipeline.processor.ingest.StreamStateCodecs;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.hlspipeline.processor.hls.ByteRange;
import org.hlspipeline.processor.hls.InitSection;
import org.hlspipeline.processor.hls.SegmentKey;
import org.hlspipeline.processor.hls.SegmentMedia;

import org.junit.jupiter.api.Test;

class RenditionWindowTest {

    private static final long TWO_SECONDS = 2_000_000;
    private static final WindowPolicy DEFAULTS = WindowPolicy.defaults();

    private static WindowSegment segment(long sequence) {
        return new WindowSegment(sequence, "seg" + sequence + ".ts", TWO_SECONDS, false, false, null);
    }

    private static RenditionWindow windowOf(WindowPolicy policy, long... sequences) {
        RenditionWindow window = RenditionWindow.open(segment(sequences[0]), policy, 0);
        for (int i = 1; i < sequences.length; i++) {
            window = window.add(segment(sequences[i]), i).window();
        }
        return window;
    }

    private static List<Long> shown(RenditionWindow window) {
        return window.segments().stream().map(WindowSegment::sequence).toList();
    }

    @Test
    void sevenContiguousSegmentsWithTheDefaultSizeShowTwoToSeven() {
        RenditionWindow window = windowOf(DEFAULTS, 1, 2, 3, 4, 5, 6, 7);

        assertThat(shown(window)).containsExactly(2L, 3L, 4L, 5L, 6L, 7L);
        assertThat(window.mediaSequence()).isEqualTo(2);
    }

    @Test
    void mediaSequenceIsTheTranscodersSequenceOfTheFirstSegmentShown() {
        RenditionWindow window = windowOf(DEFAULTS, 40, 41);

        assertThat(window.mediaSequence()).isEqualTo(40);
        assertThat(shown(window)).containsExactly(40L, 41L);
    }

    @Test
    void segmentsAfterAGapStayHiddenUntilTheGapFills() {
        RenditionWindow window = windowOf(DEFAULTS, 1, 2, 4, 5);
        assertThat(shown(window)).containsExactly(1L, 2L);
        assertThat(window.pending()).hasSize(2);

        WindowChange filled = window.add(segment(3), 10);

        assertThat(filled.outcome()).isEqualTo(SegmentOutcome.APPENDED);
        assertThat(shown(filled.window())).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(filled.window().pending()).isEmpty();
        assertThat(filled.window().gapDeadlineMillis()).isEmpty();
    }

    @Test
    void anEarlySegmentIsPendingAndDoesNotChangeWhatPlayersSee() {
        RenditionWindow window = windowOf(DEFAULTS, 1, 2);

        WindowChange early = window.add(segment(4), 10);

        assertThat(early.outcome()).isEqualTo(SegmentOutcome.PENDING);
        assertThat(early.window().version()).isEqualTo(window.version());
        assertThat(early.window().records(4, "seg4.ts")).isTrue();
    }

    @Test
    void aDuplicateIsANoOp() {
        RenditionWindow window = windowOf(DEFAULTS, 1, 2, 3);

        WindowChange duplicate = window.add(segment(2), 10);

        assertThat(duplicate.outcome()).isEqualTo(SegmentOutcome.DUPLICATE);
        assertThat(duplicate.window().toPlaylist()).isEqualTo(window.toPlaylist());
        assertThat(duplicate.window().version()).isEqualTo(window.version());
    }

    @Test
    void aPendingDuplicateIsANoOpToo() {
        RenditionWindow window = windowOf(DEFAULTS, 1, 3);

        assertThat(window.add(segment(3), 10).outcome()).isEqualTo(SegmentOutcome.DUPLICATE);
    }

    @Test
    void theSameSequenceWithAnotherUriIsAConflictAndTheFirstWins() {
        RenditionWindow window = windowOf(DEFAULTS, 1, 2, 5);
        WindowSegment other = new WindowSegment(2, "other.ts", TWO_SECONDS, false, false, null);
        WindowSegment otherPending = new WindowSegment(5, "other.ts", TWO_SECONDS, false, false, null);

        WindowChange shownConflict = window.add(other, 10);
        WindowChange pendingConflict = window.add(otherPending, 10);

        assertThat(shownConflict.outcome()).isEqualTo(SegmentOutcome.CONFLICT);
        assertThat(shownConflict.window().segments().get(1).uri()).isEqualTo("seg2.ts");
        assertThat(pendingConflict.outcome()).isEqualTo(SegmentOutcome.CONFLICT);
        assertThat(pendingConflict.window().records(5, "seg5.ts")).isTrue();
    }

    @Test
    void aMissingSegmentIsDeclaredLostAtOneAndAHalfTargetDurationsAndShownAsAGap() {
        RenditionWindow window = RenditionWindow.open(segment(1), DEFAULTS, 0);
        window = window.add(segment(3), 1_000).window();
        assertThat(window.gapDeadlineMillis()).hasValue(4_000); // 1.5 × 2 s after segment 3 arrived

        assertThat(window.expireGaps(3_999).gapsDeclared()).isZero();
        WindowChange expired = window.expireGaps(4_000);

        assertThat(expired.gapsDeclared()).isEqualTo(1);
        RenditionWindow after = expired.window();
        assertThat(shown(after)).containsExactly(1L, 2L, 3L);
        assertThat(after.segments().get(1).gap()).isTrue();
        assertThat(after.segments().get(1).durationMicros()).isEqualTo(TWO_SECONDS);
        assertThat(after.lostSegments()).isEqualTo(1);
        assertThat(after.version()).isGreaterThan(window.version());
    }

    @Test
    void theGapDeadlineIsAlsoMetByTheEventTimeOfTheNextRecord() {
        RenditionWindow window = RenditionWindow.open(segment(1), DEFAULTS, 0).add(segment(3), 1_000).window();

        WindowChange next = window.add(segment(4), 5_000);

        assertThat(next.outcome()).isEqualTo(SegmentOutcome.APPENDED);
        assertThat(next.gapsDeclared()).isEqualTo(1);
        assertThat(shown(next.window())).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void aLostSegmentThatTurnsUpLaterIsDroppedAndCounted() {
        RenditionWindow window = RenditionWindow.open(segment(1), DEFAULTS, 0).add(segment(3), 1_000).window()
                .expireGaps(4_000).window();

        WindowChange late = window.add(segment(2), 4_500);

        assertThat(late.outcome()).isEqualTo(SegmentOutcome.LATE);
        assertThat(late.window().toPlaylist()).isEqualTo(window.toPlaylist());
        assertThat(late.window().lateSegments()).isEqualTo(1);
    }

    @Test
    void aSegmentThatSlidOutIsLate() {
        RenditionWindow window = windowOf(DEFAULTS, 1, 2, 3, 4, 5, 6, 7, 8);

        assertThat(window.add(segment(1), 100).outcome()).isEqualTo(SegmentOutcome.LATE);
    }

    @Test
    void aJumpLongerThanTheWindowKeepsOnlyTheGapsThatCanStillBeSeen() {
        RenditionWindow window = RenditionWindow.open(segment(0), DEFAULTS, 0).add(segment(1_000_000), 0).window();

        RenditionWindow after = window.expireGaps(3_000).window();

        // Worked by hand: 999,999 sequences are lost; appended one by one and slid to six segments, the window
        // would end as five gaps (999,995..999,999) and segment 1,000,000.
        assertThat(after.mediaSequence()).isEqualTo(999_995);
        assertThat(shown(after)).containsExactly(999_995L, 999_996L, 999_997L, 999_998L, 999_999L, 1_000_000L);
        assertThat(after.segments().subList(0, 5)).allMatch(WindowSegment::gap);
        assertThat(after.lostSegments()).isEqualTo(999_999);
    }

    @Test
    void tooManyPendingSegmentsDeclareTheOldestGapLostAtOnce() {
        WindowPolicy smallBuffer = new WindowPolicy(6, 0, 2);
        RenditionWindow window = windowOf(smallBuffer, 0, 2, 3);
        assertThat(window.pending()).hasSize(2);

        WindowChange overflow = window.add(segment(4), 10);

        assertThat(overflow.outcome()).isEqualTo(SegmentOutcome.APPENDED);
        assertThat(overflow.gapsDeclared()).isEqualTo(1);
        assertThat(shown(overflow.window())).containsExactly(0L, 1L, 2L, 3L, 4L);
    }

    @Test
    void theTargetDurationIsTheFirstSegmentRoundedUpAndNeverChanges() {
        WindowSegment first = new WindowSegment(0, "a.ts", 1_500_000, false, false, null);
        WindowSegment longer = new WindowSegment(1, "b.ts", 2_600_000, false, false, null);
        WindowSegment longest = new WindowSegment(2, "c.ts", 3_000_000, false, false, null);

        RenditionWindow window = RenditionWindow.open(first, DEFAULTS, 0);
        WindowChange exceeded = window.add(longer, 1);
        WindowChange again = exceeded.window().add(longest, 2);

        assertThat(window.targetDurationSeconds()).isEqualTo(2);
        assertThat(exceeded.targetDurationExceeded()).isTrue();
        assertThat(again.targetDurationExceeded()).isFalse(); // reported once
        assertThat(again.window().targetDurationSeconds()).isEqualTo(2);
        assertThat(shown(again.window())).containsExactly(0L, 1L, 2L); // still published
    }

    @Test
    void aConfiguredTargetDurationWins() {
        RenditionWindow window = RenditionWindow.open(segment(0), new WindowPolicy(6, 4, 256), 0);

        assertThat(window.targetDurationSeconds()).isEqualTo(4);
    }

    @Test
    void theDiscontinuitySequenceCountsDiscontinuitiesThatSlidOut() {
        WindowPolicy three = DEFAULTS.withWindowSize(3);
        RenditionWindow window = RenditionWindow.open(segment(0), three, 0);
        window = window.add(new WindowSegment(1, "seg1.ts", TWO_SECONDS, true, false, null), 1).window();
        window = window.add(segment(2), 2).window().add(segment(3), 3).window();
        assertThat(window.discontinuitySequence()).isZero(); // 1..3 shown, the tag on 1 is still there

        window = window.add(segment(4), 4).window();

        assertThat(shown(window)).containsExactly(2L, 3L, 4L);
        assertThat(window.mediaSequence()).isEqualTo(2);
        assertThat(window.discontinuitySequence()).isEqualTo(1);
    }

    @Test
    void neverLessThanThreeTargetDurationsOfMediaEvenWithASmallWindow() {
        RenditionWindow window = windowOf(DEFAULTS.withWindowSize(1), 0, 1, 2, 3, 4);

        assertThat(shown(window)).containsExactly(2L, 3L, 4L); // 3 × 2 s = the target duration minimum
    }

    @Test
    void endingReleasesPendingSegmentsAndRejectsLaterOnes() {
        RenditionWindow window = windowOf(DEFAULTS, 1, 2, 4);

        RenditionWindow ended = window.end(100);

        assertThat(ended.ended()).isTrue();
        assertThat(shown(ended)).containsExactly(1L, 2L, 3L, 4L);
        assertThat(ended.segments().get(2).gap()).isTrue();
        assertThat(ended.toPlaylist().ended()).isTrue();
        assertThat(ended.end(200)).isSameAs(ended);
        assertThat(ended.add(segment(5), 300).outcome()).isEqualTo(SegmentOutcome.STREAM_ENDED);
    }

    @Test
    void theStoreCodecRoundTripsEveryField() {
        RenditionWindow window = RenditionWindow.open(
                new WindowSegment(7, "https://cdn.example/7.ts", 2_002_000, true, false, 1_700_000_000_123L),
                DEFAULTS, 5).add(segment(9), 6).window();

        byte[] bytes = StreamStateCodecs.WINDOW.encode(window);

        assertThat(StreamStateCodecs.WINDOW.decode(bytes)).isEqualTo(window);
    }

    @Test
    void segmentMediaSurvivesTheStoreCodec() {
        SegmentMedia media = new SegmentMedia(new InitSection("init.mp4", new ByteRange(720, 0)),
                new ByteRange(1000, 720), new SegmentKey("SAMPLE-AES", "skd://k", null, "com.apple.streamingkeydelivery",
                "1"));
        RenditionWindow window = RenditionWindow.opening(
                new WindowSegment(7, "https://cdn.example/7.m4s", 2_000_000, false, false, null, media),
                DEFAULTS, 5).window();

        assertThat(StreamStateCodecs.WINDOW.decode(StreamStateCodecs.WINDOW.encode(window))).isEqualTo(window);
    }

    /** A value an earlier release stored (schema v1, no map, byte range or key) restores with none. */
    @Test
    void aWindowStoredByTheFirstReleaseStillDecodes() throws Exception {
        org.apache.avro.Schema v1;
        try (java.io.InputStream in = org.hlspipeline.schemas.state.RenditionWindowState.class
                .getResourceAsStream("RenditionWindowState-v1.avsc")) {
            v1 = new org.apache.avro.Schema.Parser().parse(in);
        }
        org.apache.avro.generic.GenericData.Record segment = new org.apache.avro.generic.GenericData.Record(
                v1.getField("segments").schema().getElementType());
        segment.put("sequence", 7L);
        segment.put("uri", "seg7.ts");
        segment.put("durationMicros", 2_000_000L);
        segment.put("discontinuity", false);
        segment.put("gap", false);
        segment.put("programDateTimeMillis", null);
        org.apache.avro.generic.GenericData.Record old = new org.apache.avro.generic.GenericData.Record(v1);
        old.put("targetDurationSeconds", 2);
        old.put("windowSize", 5);
        old.put("maxPendingSegments", 256);
        old.put("mediaSequence", 7L);
        old.put("discontinuitySequence", 0L);
        old.put("segments", List.of(segment));
        old.put("pending", List.of());
        old.put("ended", false);
        old.put("targetDurationExceeded", false);
        old.put("lastActivityMillis", 5L);
        old.put("version", 1L);
        old.put("lostSegments", 0L);
        old.put("lateSegments", 0L);
        java.nio.ByteBuffer bytes = new org.apache.avro.message.BinaryMessageEncoder<org.apache.avro.generic.GenericRecord>(
                org.apache.avro.generic.GenericData.get(), v1).encode(old);
        byte[] stored = new byte[bytes.remaining()];
        bytes.get(stored);

        RenditionWindow restored = StreamStateCodecs.WINDOW.decode(stored);

        assertThat(restored.segments()).containsExactly(
                new WindowSegment(7, "seg7.ts", 2_000_000, false, false, null, SegmentMedia.NONE));
    }

    /** A window stored before renditions could be I-frame playlists (schema v2) restores as it was. */
    @Test
    void aWindowStoredBeforeIFramePlaylistsStillDecodes() {
        RenditionWindow window = RenditionWindow.opening(new WindowSegment(7, "seg7.ts", 2_000_000, false, false,
                null), DEFAULTS, 5).window();
        byte[] stored = org.hlspipeline.processor.kafka.EarlierStateSchemas.asWrittenBy("RenditionWindowState-v2.avsc",
                org.hlspipeline.schemas.state.RenditionWindowState.class,
                org.hlspipeline.schemas.state.RenditionWindowState.getClassSchema(),
                StreamStateCodecs.WINDOW.encode(window));

        assertThat(StreamStateCodecs.WINDOW.decode(stored)).isEqualTo(window);
    }
}
