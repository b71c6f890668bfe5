package org.hlspipeline.processor.hls;

import java.time.Instant;
import java.util.Objects;

/**
 * One {@code EXT-X-DATERANGE} tag (RFC 8216 §4.3.2.7; 8216bis §4.4.5.1), as it is to be rendered, with the
 * attributes this pipeline writes, in this order: {@code ID}, {@code START-DATE}, {@code PLANNED-DURATION},
 * {@code DURATION}, {@code SCTE35-OUT}, {@code SCTE35-IN}. Absent optional attributes are not written.
 *
 * <p>The model checks what keeps the line well-formed (the ID is a safe quoted-string, the hexadecimal
 * sequences are hex digits); the rules between tags and across playlists (one ID keeps its values, a playlist
 * with a date range has a program date-time) are the producer's, see {@link MediaPlaylist}.
 *
 * @param id                    {@code ID}: unique among the playlist's date ranges, never reused for another range
 * @param startDate             {@code START-DATE}: written in UTC with millisecond precision (truncated)
 * @param plannedDurationMicros {@code PLANNED-DURATION} in µs (≥ 0; written in seconds with 3 decimals, half-up),
 *                              or null
 * @param durationMicros        {@code DURATION} in µs (≥ 0; seconds with 3 decimals, half-up), or null
 * @param scte35Out             {@code SCTE35-OUT}: the splice_info_section as upper-case hex digits without
 *                              {@code 0x}, or null; see {@link Scte35}
 * @param scte35In              {@code SCTE35-IN}, the same way, or null
 */
public record DateRange(
        String id,
        Instant startDate,
        Long plannedDurationMicros,
        Long durationMicros,
        String scte35Out,
        String scte35In) {

    public DateRange {
        HlsText.quotedStringProblem("date range ID", id).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        Objects.requireNonNull(startDate, "startDate");
        if (!HlsText.isFourDigitYear(startDate)) {
            throw new IllegalArgumentException("date range START-DATE " + startDate + " is outside the years 0000 to 9999");
        }
        requireNonNegative("PLANNED-DURATION", plannedDurationMicros);
        requireNonNegative("DURATION", durationMicros);
        requireHex("SCTE35-OUT", scte35Out);
        requireHex("SCTE35-IN", scte35In);
    }

    /** A range with only its ID and start date. */
    public static DateRange of(String id, Instant startDate) {
        return new DateRange(id, startDate, null, null, null, null);
    }

    /** The upper bound of the characters {@link PlaylistRenderer} writes for this tag, newline included. */
    int renderedLengthBound() {
        return 200 + id.length() + (scte35Out == null ? 0 : scte35Out.length()) + (scte35In == null ? 0 : scte35In.length());
    }

    private static void requireNonNegative(String name, Long micros) {
        if (micros != null && micros < 0) {
            throw new IllegalArgumentException("date range " + name + " must not be negative, was " + micros + " µs");
        }
    }

    /** A hexadecimal-sequence (RFC 8216 §4.2) without its {@code 0x}: upper-case, non-empty, whole bytes. */
    private static void requireHex(String name, String hex) {
        if (hex == null) {
            return;
        }
        if (hex.isEmpty() || hex.length() % 2 != 0) {
            throw new IllegalArgumentException("date range " + name + " must be whole bytes of hex digits");
        }
        for (int i = 0; i < hex.length(); i++) {
            char c = hex.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'F'))) {
                throw new IllegalArgumentException("date range " + name + " has a character that is not an"
                        + " upper-case hex digit at index " + i);
            }
        }
    }
}
