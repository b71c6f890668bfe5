package org.hlspipeline.tools.load;

import java.io.PrintWriter;
import java.util.Map;

/**
 * Which {@link LoadProgress} a run gets. Apart from the interface so that the interface knows none of the displays
 * that implement it.
 */
final class ProgressChoice {

    private ProgressChoice() {
    }

    /**
     * The display for {@code mode}; AUTO is a bar when stderr is likely a terminal (a console is attached, CI is not
     * set and TERM is not dumb), else lines.
     */
    static LoadProgress of(LoadProgress.Mode mode, PrintWriter err, boolean consoleAttached,
                           Map<String, String> environment) {
        LoadProgress.Mode chosen = mode == LoadProgress.Mode.AUTO
                ? (interactive(consoleAttached, environment) ? LoadProgress.Mode.BAR : LoadProgress.Mode.LINES)
                : mode;
        return switch (chosen) {
            case BAR -> new ProgressBar(err);
            case LINES -> new ProgressLines(err);
            default -> LoadProgress.NONE;
        };
    }

    static boolean interactive(boolean consoleAttached, Map<String, String> environment) {
        String ci = environment.getOrDefault("CI", "");
        boolean inCi = !ci.isBlank() && !ci.equalsIgnoreCase("false") && !ci.equals("0");
        return consoleAttached && !inCi && !"dumb".equals(environment.get("TERM"));
    }
}
