package org.hlspipeline.tools.hls;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the values of single-value tags (RFC 8216 4.2), with errors that name the playlist, the line and the tag. */
final class TagValues {

    private static final Pattern EXTINF = Pattern.compile("([0-9]{1,9}(?:\\.[0-9]*)?)(?:,(.*))?");
    private static final Pattern DECIMAL_INTEGER = Pattern.compile("[0-9]{1,18}");
    /** ISO 8601 date-time with a zone: {@code Z}, {@code +01:00} or ffmpeg's {@code +0100}. */
    private static final DateTimeFormatter DATE_TIME = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .appendLiteral('T')
            .appendValue(ChronoField.HOUR_OF_DAY, 2)
            .appendLiteral(':')
            .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
            .appendLiteral(':')
            .appendValue(ChronoField.SECOND_OF_MINUTE, 2)
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HH", "Z").optionalEnd()
            .toFormatter(Locale.ROOT);

    private final String source;

    TagValues(String source) {
        this.source = source;
    }

    /** A decimal-integer (RFC 8216 4.2): digits only, no sign, no exponent. */
    long integer(int line, String name, String value) throws PlaylistException {
        String text = required(line, name, value);
        if (!DECIMAL_INTEGER.matcher(text).matches()) {
            throw new PlaylistException(source, line, name + " must be a decimal integer, was '"
                    + shorten(text) + "'");
        }
        return Long.parseLong(text);
    }

    /** An EXT-X-PROGRAM-DATE-TIME value, to the millisecond, which is what the pipeline carries. */
    Instant dateTime(int line, String name, String value) throws PlaylistException {
        try {
            OffsetDateTime parsed = OffsetDateTime.parse(value, DATE_TIME);
            return parsed.toInstant().truncatedTo(ChronoUnit.MILLIS);
        } catch (DateTimeParseException e) {
            throw new PlaylistException(source, line, name + " must be an ISO 8601 date-time with a time zone "
                    + "(2026-11-21T20:00:00.000Z), was '" + shorten(value) + "'");
        }
    }

    String required(int line, String name, String value) throws PlaylistException {
        if (value == null || value.isEmpty()) {
            throw new PlaylistException(source, line, name + " needs a value (" + name + ":<value>)");
        }
        return value;
    }

    void none(int line, String name, String value) throws PlaylistException {
        if (value != null) {
            throw new PlaylistException(source, line, name + " takes no value, was '" + shorten(value) + "'");
        }
    }

    /** Text quoted in an error: at most 80 characters, control characters made visible. */
    /** An {@code EXTINF} value: group 1 is the duration in decimal seconds, group 2 the title (may be null). */
    Matcher extinf(int line, String value) throws PlaylistException {
        Matcher matcher = EXTINF.matcher(required(line, "#EXTINF", value));
        if (!matcher.matches()) {
            throw new PlaylistException(source, line, "#EXTINF must be <duration>,[<title>] with the duration "
                    + "in decimal seconds, was '" + shorten(value) + "'");
        }
        return matcher;
    }

    static String shorten(String text) {
        String shown = text.length() > 80 ? text.substring(0, 80) + "..." : text;
        StringBuilder out = new StringBuilder();
        shown.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp)) {
                out.append(String.format("\\u%04X", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }
}
