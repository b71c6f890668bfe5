package org.hlspipeline.tools.load;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * The report printed at the end of a run, one figure per line under a fixed label, so that it reads at a glance
 * and greps in a script: events sent, errors, duration, events/s against the target, acknowledgement times,
 * bytes, and where a follow-on run should start its sequences.
 */
final class LoadSummary {

    private LoadSummary() {
    }

    static String format(LoadResult result) {
        LoadPlan plan = result.plan();
        StringBuilder out = new StringBuilder();
        out.append(headline(result)).append('\n');
        row(out, "events sent", sent(result));
        row(out, "errors", result.failed() == 0 ? "0" : result.failed() + " (first: "
                + result.firstFailure().getMessage() + ")");
        row(out, "duration", String.format(Locale.ROOT, "%.2f s", result.elapsedNanos() / 1e9));
        String target = plan.rate().isPresent() ? " (target " + LoadFigures.oneDecimal(plan.rate().getAsDouble())
                + ")" : " (unthrottled)";
        row(out, "events/s", LoadFigures.oneDecimal(result.segmentsPerSecond()) + target);
        if (plan.rate().isPresent() && result.behindNanos() >= 1_000_000_000L) {
            row(out, "behind", LoadFigures.oneDecimal(result.behindNanos() / 1e9)
                    + " s at the end: the producer or the cluster did not keep up with the target rate");
        }
        row(out, "ack latency", "p50 " + millis(result.ackP50Micros()) + ", p99 " + millis(result.ackP99Micros())
                + ", max " + millis(result.ackMaxMicros()));
        double seconds = Math.max(result.elapsedNanos() / 1e9, 1e-9);
        row(out, "bytes", bytes(result.bytes()) + " (" + bytes((long) (result.bytes() / seconds)) + "/s)");
        row(out, "destination", result.destination());
        row(out, "next sequence", result.nextSequence()
                + " (--start-sequence of a follow-on run, else its segments are duplicates)");
        return out.toString();
    }

    private static String headline(LoadResult result) {
        LoadPlan plan = result.plan();
        String pace;
        if (plan.pace() instanceof LoadPlan.Pace.Fixed fixed) {
            pace = LoadFigures.oneDecimal(fixed.eventsPerSecond()) + " events/s";
        } else if (plan.pace() instanceof LoadPlan.Pace.RealTime) {
            pace = "real time, " + LoadFigures.oneDecimal(plan.realTimeRate()) + " events/s";
        } else {
            pace = "unthrottled";
        }
        String ending = switch (result.ending()) {
            case COMPLETED -> "load finished";
            case FAILURES -> "load stopped by failed sends";
            case INTERRUPTED -> "load interrupted";
        };
        return ending + ": " + plan.streams() + " stream" + (plan.streams() == 1 ? "" : "s") + " x "
                + plan.renditions() + " rendition" + (plan.renditions() == 1 ? "" : "s") + ", "
                + BigDecimal.valueOf(plan.segmentDurationMicros(), 6).stripTrailingZeros().toPlainString()
                + " s segments, " + pace;
    }

    private static String sent(LoadResult result) {
        StringBuilder sent = new StringBuilder().append(result.segments()).append(" segment event")
                .append(result.segments() == 1 ? "" : "s").append(" + ").append(result.infos())
                .append(" rendition info").append(result.infos() == 1 ? "" : "s");
        if (result.plan().endStreams()) {
            sent.append(" + ").append(result.ends()).append(" end").append(result.ends() == 1 ? "" : "s");
        }
        return sent.append(", acknowledged").toString();
    }

    private static void row(StringBuilder out, String label, String value) {
        out.append("  ").append(String.format(Locale.ROOT, "%-14s", label)).append(value).append('\n');
    }

    static String millis(long micros) {
        return String.format(Locale.ROOT, "%.1f ms", micros / 1000.0);
    }

    /** {@code 512 B}, {@code 41.3 KiB}, {@code 12.0 MiB}, {@code 1.5 GiB}. */
    static String bytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
