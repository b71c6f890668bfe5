package org.hlspipeline.tools.cli;

import java.math.BigDecimal;
import java.util.Optional;

import org.hlspipeline.processor.rules.InputRules;

/**
 * The app's input rules ({@link InputRules}, see docs/architecture.md) as the tool applies them before publishing,
 * so that a typo fails at once with exit code 2 instead of reaching the dead-letter topic. Each rule and its
 * message are the app's; where the app's message leaves the rejected value out (the HTTP caller has it in the
 * request it sent), the tool adds it, since it may come from a playlist the operator is not looking at.
 */
public final class InputChecks {

    private InputChecks() {
    }

    /** Stream, rendition, channel and event ids. */
    public static Optional<String> idProblem(String what, String value) {
        return InputRules.idProblem(what, value).map(problem -> value == null || value.isEmpty() ? problem
                : problem + ", was " + quote(value));
    }

    public static Optional<String> durationProblem(long durationMicros) {
        return InputRules.durationProblem(durationMicros).map(problem -> problem + ", was "
                + BigDecimal.valueOf(durationMicros, 6).stripTrailingZeros().toPlainString() + " s");
    }

    /** The value in single quotes, cut at 80 characters, control characters written as {@code \\uXXXX}. */
    public static String quote(String value) {
        String shown = value.length() > 80 ? value.substring(0, 80) + "..." : value;
        StringBuilder out = new StringBuilder("'");
        shown.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp)) {
                out.append(String.format("\\u%04X", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.append('\'').toString();
    }
}
