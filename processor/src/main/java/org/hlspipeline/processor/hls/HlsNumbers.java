package org.hlspipeline.processor.hls;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * How playlists write numbers and dates: durations as seconds with exactly three decimals (rounded half up from
 * microseconds), and instants as ISO 8601 UTC with milliseconds. Integer arithmetic only, as the renderer is on
 * the hot path.
 */
final class HlsNumbers {

    private HlsNumbers() {
    }

    /** Microseconds to milliseconds, half-up (2 000 500 µs → 2 001 ms; 1 999 499 µs → 1 999 ms). */
    static long roundMicrosToMillis(long micros) {
        return Math.floorDiv(micros, 1000L) + (Math.floorMod(micros, 1000L) >= 500L ? 1L : 0L);
    }

    /** Appends a non-negative thousandths value as a decimal with exactly three decimals: 2001 → "2.001". */
    static void appendMillisAsSeconds(StringBuilder out, long thousandths) {
        long whole = thousandths / 1000L;
        int fraction = (int) (thousandths % 1000L);
        out.append(whole).append('.');
        if (fraction < 100) {
            out.append('0');
        }
        if (fraction < 10) {
            out.append('0');
        }
        out.append(fraction);
    }

    /**
     * Appends {@code instant} as {@code yyyy-MM-ddTHH:mm:ss.SSSZ} in UTC, milliseconds truncated: an ISO 8601
     * date-time with time zone and fractional seconds, as RFC 8216 §4.3.2.6 asks. The year is 0000..9999
     * ({@link MediaSegment} checks it).
     */
    static void appendUtcMillis(StringBuilder out, Instant instant) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
        appendPadded(out, t.getYear(), 4);
        appendTwoDigits(out.append('-'), t.getMonthValue());
        appendTwoDigits(out.append('-'), t.getDayOfMonth());
        appendTwoDigits(out.append('T'), t.getHour());
        appendTwoDigits(out.append(':'), t.getMinute());
        appendTwoDigits(out.append(':'), t.getSecond());
        appendPadded(out.append('.'), instant.getNano() / 1_000_000, 3);
        out.append('Z');
    }

    private static void appendTwoDigits(StringBuilder out, int value) {
        appendPadded(out, value, 2);
    }

    private static void appendPadded(StringBuilder out, int value, int width) {
        for (int limit = 10, digits = 1; digits < width; limit *= 10, digits++) {
            if (value < limit) {
                out.append('0');
            }
        }
        out.append(value);
    }
}
