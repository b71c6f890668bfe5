package org.hlspipeline.processor.hls;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * One {@code EXT-X-DATERANGE} tag as a player reads it (test fixture, see {@link HlsPlaylistParser}).
 *
 * @param attributes   the attribute-list in order, values as written (quoted-strings with their quotes)
 * @param line         the 1-based line of the tag
 * @param segmentIndex the index in {@link ParsedMediaPlaylist#segments()} of the segment whose URI follows the
 *                     tag (the number of segments when none does)
 */
public record ParsedDateRange(Map<String, String> attributes, int line, int segmentIndex) {

    public ParsedDateRange {
        attributes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(attributes));
    }

    /** The ID without its quotes, or null when absent. */
    public String id() {
        return unquoted("ID");
    }

    /** The value of {@code name} without its quotes (as written when it is not a quoted-string), or null. */
    public String unquoted(String name) {
        String value = attributes.get(name);
        if (value == null) {
            return null;
        }
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
    }

    /** START-DATE, or null when absent or not a date. */
    public Instant startDate() {
        return date("START-DATE");
    }

    /** The date of a quoted ISO 8601 attribute, or null when absent or not a date. */
    public Instant date(String name) {
        String value = unquoted(name);
        if (value == null) {
            return null;
        }
        try {
            return HlsPlaylistParser.dateTime(value, line);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A decimal-floating-point attribute such as DURATION, or null when absent or malformed. */
    public BigDecimal decimal(String name) {
        String value = attributes.get(name);
        return value != null && value.matches("[0-9]+(\\.[0-9]+)?") ? new BigDecimal(value) : null;
    }
}
