package org.hlspipeline.tools.load;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;

/**
 * Shows a run's progress on stderr while it goes: a bar redrawn in place on a terminal, a line every few seconds
 * otherwise (a CI log or a file would be flooded by a bar), or nothing.
 */
interface LoadProgress {

    /** How {@code --progress} chooses. */
    enum Mode {
        AUTO, BAR, LINES, NONE
    }

    /** Called often; draws when it is time to. */
    void update(LoadSnapshot snapshot);

    /** The run is over: the last state, and the terminal's line left clean for the summary. */
    void finish(LoadSnapshot snapshot);

    LoadProgress NONE = new LoadProgress() {
        @Override
        public void update(LoadSnapshot snapshot) {
        }

        @Override
        public void finish(LoadSnapshot snapshot) {
        }
    };

    /**
     * The display for {@code mode}; AUTO is a bar when stderr is likely a terminal (a console is attached, CI is not
     * set and TERM is not dumb), else lines.
     */
    static LoadProgress of(Mode mode, PrintWriter err, boolean consoleAttached, Map<String, String> environment) {
        Mode chosen = mode == Mode.AUTO ? (interactive(consoleAttached, environment) ? Mode.BAR : Mode.LINES) : mode;
        return switch (chosen) {
            case BAR -> new ProgressBar(err);
            case LINES -> new ProgressLines(err);
            default -> NONE;
        };
    }

    static boolean interactive(boolean consoleAttached, Map<String, String> environment) {
        String ci = environment.getOrDefault("CI", "");
        boolean inCi = !ci.isBlank() && !ci.equalsIgnoreCase("false") && !ci.equals("0");
        return consoleAttached && !inCi && !"dumb".equals(environment.get("TERM"));
    }

    /** {@code 1234.5}: one decimal, no grouping, the same in every locale. */
    static String oneDecimal(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    /** {@code 0:07}, {@code 12:03}, {@code 1:02:03}. */
    static String clock(long seconds) {
        long h = seconds / 3600;
        long m = seconds / 60 % 60;
        long s = seconds % 60;
        return h > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, s) : String.format(Locale.ROOT, "%d:%02d", m, s);
    }
}
