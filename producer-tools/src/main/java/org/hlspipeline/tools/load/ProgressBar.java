package org.hlspipeline.tools.load;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * A one-line bar on a terminal, redrawn in place with a carriage return at most five times a second:
 * {@code [##########--------------]  42%  4200/10000 events  1998.0/s  0 errors  ETA 0:03}. The rate is the
 * last second's, so that an operator sees a cluster slowing down as it happens.
 */
final class ProgressBar implements LoadProgress {

    static final long REDRAW_NANOS = 200_000_000L;
    static final long RATE_WINDOW_NANOS = 1_000_000_000L;
    static final int WIDTH = 24;

    private final PrintWriter err;
    private long lastDraw = Long.MIN_VALUE;
    private int lastLength;
    private long windowStartNanos;
    private long windowStartCount;
    private double rate = Double.NaN;

    ProgressBar(PrintWriter err) {
        this.err = err;
    }

    @Override
    public void update(LoadSnapshot snapshot) {
        if (lastDraw == Long.MIN_VALUE || snapshot.elapsedNanos() - lastDraw >= REDRAW_NANOS) {
            draw(snapshot);
        }
    }

    /** The last frame shows the whole run's average rate: its last second may be only the final acknowledgements. */
    @Override
    public void finish(LoadSnapshot snapshot) {
        rate = snapshot.elapsedNanos() > 0 ? snapshot.acknowledged() * 1e9 / snapshot.elapsedNanos() : 0;
        windowStartNanos = snapshot.elapsedNanos();
        windowStartCount = snapshot.acknowledged();
        draw(snapshot);
        err.println();
        err.flush();
    }

    private void draw(LoadSnapshot snapshot) {
        long window = snapshot.elapsedNanos() - windowStartNanos;
        if (window >= RATE_WINDOW_NANOS) {
            rate = (snapshot.acknowledged() - windowStartCount) * 1e9 / window;
            windowStartNanos = snapshot.elapsedNanos();
            windowStartCount = snapshot.acknowledged();
        }
        double shown = Double.isNaN(rate) && snapshot.elapsedNanos() > 0
                ? snapshot.acknowledged() * 1e9 / snapshot.elapsedNanos() : rate;
        String line = line(snapshot, Double.isNaN(shown) ? 0 : shown);
        // Spaces over what a longer previous line left behind; the cursor stays on this line.
        err.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())));
        err.flush();
        lastLength = line.length();
        lastDraw = snapshot.elapsedNanos();
    }

    static String line(LoadSnapshot snapshot, double eventsPerSecond) {
        double fraction = snapshot.fraction();
        int filled = (int) Math.floor(fraction * WIDTH);
        StringBuilder line = new StringBuilder("[")
                .append("#".repeat(filled)).append("-".repeat(WIDTH - filled)).append("] ")
                .append(String.format(Locale.ROOT, "%3d%%", (int) Math.floor(fraction * 100)))
                .append("  ").append(snapshot.acknowledged());
        snapshot.plannedSegments().ifPresent(planned -> line.append('/').append(planned));
        line.append(" events  ").append(LoadFigures.oneDecimal(eventsPerSecond)).append("/s  ")
                .append(snapshot.failed()).append(snapshot.failed() == 1 ? " error" : " errors");
        if (snapshot.behindNanos() >= 1_000_000_000L) {
            line.append("  behind ").append(LoadFigures.oneDecimal(snapshot.behindNanos() / 1e9)).append(" s");
        }
        OptionalLong left = snapshot.secondsLeft();
        line.append("  ETA ").append(left.isPresent() ? LoadFigures.clock(left.getAsLong()) : "?");
        return line.toString();
    }
}
