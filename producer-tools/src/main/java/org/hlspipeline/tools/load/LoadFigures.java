package org.hlspipeline.tools.load;

import java.util.Locale;

/**
 * How the progress displays and the summary write numbers, in one place so that a rate or a time reads the same
 * in the bar, the lines and the summary, and the same in every locale.
 */
final class LoadFigures {

    private LoadFigures() {
    }

    /** {@code 1234.5}: one decimal, no grouping. */
    static String oneDecimal(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    /** {@code 0:07}, {@code 12:03}, {@code 1:02:03}. */
    static String clock(long seconds) {
        long h = seconds / 3600;
        long m = seconds / 60 % 60;
        long s = seconds % 60;
        return h > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, s)
                : String.format(Locale.ROOT, "%d:%02d", m, s);
    }
}
