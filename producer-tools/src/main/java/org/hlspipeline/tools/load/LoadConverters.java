package org.hlspipeline.tools.load;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** The syntax of {@code load}'s values; their ranges are {@link LoadPlan#problems()}'. */
final class LoadConverters {

    private static final Pattern TIME = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)?");
    private static final BigDecimal LIMIT_SECONDS = BigDecimal.valueOf(366L * 24 * 3600);

    private LoadConverters() {
    }

    /** {@code 60s}, {@code 1.5m}, {@code 2h}, {@code 500ms}; a bare number is seconds. */
    static final class RunTime implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            Matcher matcher = TIME.matcher(value.trim().toLowerCase(Locale.ROOT));
            if (!matcher.matches()) {
                throw new TypeConversionException("'" + value + "' is not a time (examples: 90, 60s, 5m, 1.5h)");
            }
            String unit = matcher.group(2) == null ? "s" : matcher.group(2);
            BigDecimal seconds = new BigDecimal(matcher.group(1)).multiply(switch (unit) {
                case "ms" -> new BigDecimal("0.001");
                case "m" -> BigDecimal.valueOf(60);
                case "h" -> BigDecimal.valueOf(3600);
                default -> BigDecimal.ONE;
            });
            if (seconds.compareTo(LIMIT_SECONDS) > 0) {
                throw new TypeConversionException("'" + value + "' is longer than a year");
            }
            return Duration.ofNanos(seconds.movePointRight(9).setScale(0, RoundingMode.HALF_UP).longValueExact());
        }
    }

    /** Events per second as a decimal, or {@code max} for unthrottled. */
    static final class Rate implements ITypeConverter<LoadPlan.Pace> {
        @Override
        public LoadPlan.Pace convert(String value) {
            String trimmed = value.trim();
            if (trimmed.equalsIgnoreCase("max")) {
                return new LoadPlan.Pace.Unthrottled();
            }
            try {
                return new LoadPlan.Pace.Fixed(Double.parseDouble(trimmed));
            } catch (NumberFormatException e) {
                throw new TypeConversionException("'" + value + "' is neither events per second nor max");
            }
        }
    }
}
