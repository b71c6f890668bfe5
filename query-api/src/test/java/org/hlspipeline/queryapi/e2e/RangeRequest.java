package org.hlspipeline.queryapi.e2e;

import java.util.Locale;

/**
 * What a {@code Range} request header asks of a file of a known length, as {@link MediaServer} answers it (RFC 9110
 * §14.1.2, §14.2, §15.3.7 and §15.5.17): one range, {@code bytes=<first>-<last>} or {@code bytes=<first>-}, gets
 * 206 with those bytes (the last clamped to the file's end); a range that starts at or past the end gets 416. A
 * range that covers the whole file is answered as a plain GET, with 200: ffmpeg's HTTP client asks
 * {@code bytes=0-} of every file it opens, and a whole segment sent is a whole segment whatever the request. Any
 * other header (none, another unit, several ranges, a suffix range {@code bytes=-<n>}, a last before the first, no
 * digits) is ignored and the whole file is sent with 200. RFC 9110 §14.2 lets a server ignore a Range header.
 *
 * @param status 200, 206 or 416
 * @param first  the first byte sent (206 only)
 * @param last   the last byte sent, inclusive (206 only)
 * @param length the file's length
 */
record RangeRequest(int status, long first, long last, long length) {

    private static final String UNIT = "bytes=";

    static RangeRequest of(String header, long length) {
        RangeRequest whole = new RangeRequest(200, 0, length - 1, length);
        if (header == null || !header.toLowerCase(Locale.ROOT).startsWith(UNIT)) {
            return whole;
        }
        String spec = header.substring(UNIT.length()).strip();
        int dash = spec.indexOf('-');
        if (dash <= 0 || spec.indexOf(',') >= 0) {
            return whole;
        }
        long first = digits(spec.substring(0, dash));
        String lastText = spec.substring(dash + 1);
        long last = lastText.isEmpty() ? Long.MAX_VALUE : digits(lastText);
        if (first < 0 || last < 0 || last < first) {
            return whole;
        }
        if (first >= length) {
            return new RangeRequest(416, 0, -1, length);
        }
        long end = Math.min(last, length - 1);
        return first == 0 && end == length - 1 ? whole : new RangeRequest(206, first, end, length);
    }

    /** The bytes sent. */
    long count() {
        return status == 416 ? 0 : last - first + 1;
    }

    /** The Content-Range header of a 206 or a 416, null for 200. */
    String contentRange() {
        return switch (status) {
            case 206 -> "bytes " + first + "-" + last + "/" + length;
            case 416 -> "bytes */" + length;
            default -> null;
        };
    }

    /** A non-negative decimal, saturated at {@link Long#MAX_VALUE} (so a huge first byte is past any end); -1 if not one. */
    private static long digits(String text) {
        if (text.isEmpty() || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return -1;
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException tooLong) {
            return Long.MAX_VALUE;
        }
    }
}
