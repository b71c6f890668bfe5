package org.hlspipeline.processor.hls;

import java.util.List;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;

/**
 * How many segments may leave the head of a live window: while more than {@code windowSize} are shown, but never
 * so many that less than three target durations of media remain (RFC 8216 6.2.2). Streams and channels slide by
 * this one rule.
 */
public final class WindowSlide {

    private WindowSlide() {
    }

    public static <T> int removable(List<T> segments, ToLongFunction<T> durationMicros, int windowSize,
                                    int targetDurationSeconds) {
        long total = 0;
        for (T s : segments) {
            total += durationMicros.applyAsLong(s);
        }
        long minimum = 3L * targetDurationSeconds * 1_000_000L;
        int removed = 0;
        while (segments.size() - removed > windowSize
                && total - durationMicros.applyAsLong(segments.get(removed)) >= minimum) {
            total -= durationMicros.applyAsLong(segments.get(removed++));
        }
        return removed;
    }

    /** How many of the first {@code count} segments start a discontinuity: what sliding them out adds to it. */
    public static <T> long discontinuities(List<T> segments, Predicate<T> discontinuity, int count) {
        long n = 0;
        for (int i = 0; i < count; i++) {
            if (discontinuity.test(segments.get(i))) {
                n++;
            }
        }
        return n;
    }
}
