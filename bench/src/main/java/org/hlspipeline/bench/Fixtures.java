package org.hlspipeline.bench;

import java.time.Instant;
import java.util.function.LongPredicate;

import org.hlspipeline.processor.hls.VariantDescription;
import org.hlspipeline.processor.window.RenditionWindow;
import org.hlspipeline.processor.window.StreamState;
import org.hlspipeline.processor.window.RenditionWindow.WindowChange;
import org.hlspipeline.processor.window.WindowPolicy;
import org.hlspipeline.processor.window.WindowSegment;

/**
 * Realistic values for the benchmarks: a live stream that has been running for a day, 2 s segments, the default
 * 6-segment window, a 4-rendition ladder. Every other segment carries a program date-time, so both branches of
 * the nullable field are exercised by the codecs and the renderer.
 */
final class Fixtures {

    static final String STREAM_ID = "stream-004217";
    static final String RENDITION = "720p";
    static final String[] LADDER = {"1080p", "720p", "480p", "360p"};
    static final long SEGMENT_MICROS = 2_000_000L;
    static final long SEGMENT_MILLIS = SEGMENT_MICROS / 1000;
    /** A day of 2 s segments: sequence numbers with realistic widths. */
    static final long FIRST_SEQUENCE = 43_200L;
    /** When the window's last segment arrived. */
    static final long NOW_MILLIS = Instant.parse("2026-11-21T20:00:00Z").toEpochMilli();

    private Fixtures() {
    }

    static String uri(String streamId, String rendition, long sequence) {
        return "https://cdn.example.com/live/" + streamId + "/" + rendition + "/seg" + sequence + ".ts";
    }

    /** Segment {@code sequence}; its program date-time (on even sequences) is its arrival time minus its length. */
    static WindowSegment segment(String streamId, String rendition, long sequence) {
        return segment(streamId, rendition, sequence, sequence % 2 == 0);
    }

    static WindowSegment segment(String streamId, String rendition, long sequence, boolean withProgramDateTime) {
        Long programDateTime = withProgramDateTime ? arrivalMillis(sequence) - SEGMENT_MILLIS : null;
        return new WindowSegment(sequence, uri(streamId, rendition, sequence), SEGMENT_MICROS, false, false,
                programDateTime);
    }

    /** When segment {@code sequence} arrives: the last segment of the full window arrives at {@link #NOW_MILLIS}. */
    static long arrivalMillis(long sequence) {
        return NOW_MILLIS + (sequence - lastSequence()) * SEGMENT_MILLIS;
    }

    static long lastSequence() {
        return FIRST_SEQUENCE + WindowPolicy.DEFAULT_WINDOW_SIZE - 1;
    }

    /** A full 6-segment window ({@link #FIRST_SEQUENCE} to {@link #lastSequence()}), built through the domain API. */
    static RenditionWindow fullWindow(String streamId, String rendition) {
        return fullWindow(streamId, rendition, s -> s % 2 == 0);
    }

    /** The same, choosing which sequences carry a program date-time. */
    static RenditionWindow fullWindow(String streamId, String rendition, LongPredicate withProgramDateTime) {
        WindowPolicy policy = WindowPolicy.defaults();
        RenditionWindow window = RenditionWindow.open(
                segment(streamId, rendition, FIRST_SEQUENCE, withProgramDateTime.test(FIRST_SEQUENCE)), policy,
                arrivalMillis(FIRST_SEQUENCE));
        for (long s = FIRST_SEQUENCE + 1; s <= lastSequence(); s++) {
            window = window.add(segment(streamId, rendition, s, withProgramDateTime.test(s)), arrivalMillis(s))
                    .window();
        }
        check(window.segments().size() == WindowPolicy.DEFAULT_WINDOW_SIZE, "window not full: " + window);
        return window;
    }

    /** The segment that comes after the full window, and the steady-state change it makes (one out, one in). */
    static WindowSegment nextSegment(String streamId, String rendition) {
        return segment(streamId, rendition, lastSequence() + 1);
    }

    static long nextArrivalMillis() {
        return arrivalMillis(lastSequence() + 1);
    }

    /**
     * A stream with the 4-rendition ladder, every rendition described and with segments (what the master playlist
     * needs).
     */
    static StreamState describedStream(String streamId) {
        StreamState state = StreamState.start(streamId, NOW_MILLIS - 3_600_000L);
        state = state.describe("1080p", VariantDescription.of(6_000_000L, 5_000_000L, "1920x1080",
                "avc1.640028,mp4a.40.2", 29.97), NOW_MILLIS);
        state = state.describe("720p", VariantDescription.of(3_000_000L, 2_500_000L, "1280x720",
                "avc1.64001f,mp4a.40.2", 29.97), NOW_MILLIS);
        state = state.describe("480p", VariantDescription.of(1_500_000L, 1_200_000L, "854x480",
                "avc1.4d401f,mp4a.40.2", 29.97), NOW_MILLIS);
        state = state.describe("360p", VariantDescription.of(800_000L, 650_000L, "640x360",
                "avc1.42c01e,mp4a.40.2", 29.97), NOW_MILLIS);
        // Each rendition has segments too: the master playlist lists only described renditions that have some.
        for (String rendition : LADDER) {
            state = state.withRendition(rendition, NOW_MILLIS);
        }
        check(state.renditions().size() == LADDER.length && state.descriptions().size() == LADDER.length
                && state.toMasterPlaylist().orElseThrow().variants().size() == LADDER.length, "ladder incomplete: " + state);
        return state;
    }

    /** Fails fast if a fixture does not do what the benchmark claims to measure. */
    static void checkSteadyState(RenditionWindow full, WindowChange change) {
        RenditionWindow after = change.window();
        check(change.outcome() == org.hlspipeline.processor.window.SegmentOutcome.APPENDED, "not appended: " + change);
        check(after.segments().size() == full.segments().size(), "window did not slide: " + after);
        check(after.mediaSequence() == full.mediaSequence() + 1, "media sequence did not advance: " + after);
        check(after.pending().isEmpty(), "pending segments: " + after);
    }

    static void check(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }
}
