package org.hlspipeline.tools.load;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * A plain line every {@value #INTERVAL_SECONDS} seconds, for logs and pipes:
 * {@code load: 4200/10000 segment events acknowledged (42%), 1998.0 events/s, 0 errors, 0:02 elapsed, 0:03 left}.
 * The rate is the one since the previous line.
 */
final class ProgressLines implements LoadProgress {

    static final int INTERVAL_SECONDS = 5;
    private static final long INTERVAL_NANOS = INTERVAL_SECONDS * 1_000_000_000L;

    private final PrintWriter err;
    private long nextLine = INTERVAL_NANOS;
    private long previousNanos;
    private long previousCount;

    ProgressLines(PrintWriter err) {
        this.err = err;
    }

    @Override
    public void update(LoadSnapshot snapshot) {
        if (snapshot.elapsedNanos() < nextLine) {
            return;
        }
        long window = snapshot.elapsedNanos() - previousNanos;
        double rate = window > 0 ? (snapshot.acknowledged() - previousCount) * 1e9 / window : 0;
        err.println(line(snapshot, rate));
        err.flush();
        previousNanos = snapshot.elapsedNanos();
        previousCount = snapshot.acknowledged();
        while (nextLine <= snapshot.elapsedNanos()) {
            nextLine += INTERVAL_NANOS;
        }
    }

    /** Nothing: the summary follows at once. */
    @Override
    public void finish(LoadSnapshot snapshot) {
    }

    static String line(LoadSnapshot snapshot, double eventsPerSecond) {
        StringBuilder line = new StringBuilder("load: ").append(snapshot.acknowledged());
        snapshot.plannedSegments().ifPresent(planned -> line.append('/').append(planned));
        line.append(" segment events acknowledged (")
                .append(String.format(Locale.ROOT, "%d%%", (int) Math.floor(snapshot.fraction() * 100)))
                .append("), ").append(LoadFigures.oneDecimal(eventsPerSecond)).append(" events/s, ")
                .append(snapshot.failed()).append(snapshot.failed() == 1 ? " error, " : " errors, ")
                .append(LoadFigures.clock(snapshot.elapsedNanos() / 1_000_000_000L)).append(" elapsed");
        if (snapshot.behindNanos() >= 1_000_000_000L) {
            line.append(", ").append(LoadFigures.oneDecimal(snapshot.behindNanos() / 1e9))
                    .append(" s behind schedule");
        }
        OptionalLong left = snapshot.secondsLeft();
        if (left.isPresent()) {
            line.append(", ").append(LoadFigures.clock(left.getAsLong())).append(" left");
        }
        return line.toString();
    }
}
