package org.hlspipeline.tools.cli;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Option value syntax. Ranges are the input rules' business ({@link InputChecks}). */
public final class Converters {

    private Converters() {
    }

    /** Decimal seconds ({@code 2}, {@code 2.002}, {@code 6.006006}) to whole microseconds, rounding half up. */
    public static final class SecondsToMicros implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            BigDecimal seconds;
            try {
                seconds = new BigDecimal(value.trim());
            } catch (NumberFormatException e) {
                throw new TypeConversionException("'" + value + "' is not a number of seconds (example: 2.002)");
            }
            if (seconds.abs().compareTo(BigDecimal.valueOf(1_000_000_000L)) > 0) {
                throw new TypeConversionException("'" + value + "' seconds is out of range");
            }
            return seconds.movePointRight(6).setScale(0, RoundingMode.HALF_UP).longValueExact();
        }
    }

    /**
     * An ISO-8601 instant ({@code 2026-11-21T20:00:00Z} or with an offset), truncated to milliseconds: the
     * precision of the Avro {@code timestamp-millis} field it travels in.
     */
    public static final class IsoInstant implements ITypeConverter<Instant> {
        @Override
        public Instant convert(String value) {
            try {
                return Instant.parse(value.trim()).truncatedTo(ChronoUnit.MILLIS);
            } catch (DateTimeParseException e) {
                throw new TypeConversionException("'" + value
                        + "' is not an ISO-8601 instant (example: 2026-11-21T20:00:00.000Z)");
            }
        }
    }
}
