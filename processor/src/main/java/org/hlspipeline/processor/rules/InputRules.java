package org.hlspipeline.processor.rules;

import java.util.Optional;
import java.util.regex.Pattern;

import org.hlspipeline.processor.hls.HlsText;

/**
 * The value rules every input shares (ids, sequence numbers, durations, URIs, rendition attributes): the HTTP
 * gateway answers 400 with these messages and the processor dead-letters the same breaches, so both always agree
 * on what is valid (see docs/input-rules.md).
 */
public final class InputRules {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    /** 2^53: the largest integer every JSON client (JavaScript included) can carry exactly. */
    public static final long MAX_SEQUENCE = 1L << 53;
    public static final long MAX_DURATION_MICROS = 60_000_000L;

    private InputRules() {
    }

    public static Optional<String> idProblem(String what, String value) {
        if (value == null || value.isEmpty()) {
            return Optional.of(what + " is required");
        }
        if (!ID.matcher(value).matches()) {
            return Optional.of(what + " must match [A-Za-z0-9][A-Za-z0-9._-]{0,127}");
        }
        return Optional.empty();
    }

    /**
     * The id a record is about, and its record key, which must equal it so that everything about one id stays in
     * order on one partition.
     *
     * @param shownKey the record key as the message shows it
     * @param mustBe   what the key must be and why, after "the key must be "
     */
    public static Optional<String> keyProblem(String recordKey, String shownKey, String field, String id,
                                              String mustBe) {
        Optional<String> problem = idProblem(field, id);
        if (problem.isPresent() || id.equals(recordKey)) {
            return problem;
        }
        return Optional.of("record key '" + shownKey + "' differs from " + field + " '" + id + "'; the key must be "
                + mustBe);
    }

    /** A record key as a message shows it: printable, and empty when there is none. */
    public static String shownKey(String recordKey) {
        return recordKey == null ? "" : printable(recordKey);
    }

    public static Optional<String> sequenceProblem(long sequence) {
        if (sequence < 0 || sequence > MAX_SEQUENCE) {
            return Optional.of("sequence must be 0 to 2^53: " + sequence);
        }
        return Optional.empty();
    }

    public static Optional<String> durationProblem(long durationMicros) {
        if (durationMicros <= 0 || durationMicros > MAX_DURATION_MICROS) {
            return Optional.of("duration must be greater than 0 and at most 60 s");
        }
        return Optional.empty();
    }

    public static Optional<String> uriProblem(String uri) {
        return HlsText.uriProblem(uri);
    }

    /** The value with control characters shown as '?', for messages that end up in logs and HTTP answers. */
    public static String printable(String s) {
        StringBuilder out = new StringBuilder(Math.min(s.length(), 140));
        for (int i = 0; i < s.length() && i < 140; i++) {
            char c = s.charAt(i);
            out.append(Character.isISOControl(c) || c == '\u2028' || c == '\u2029' ? '?' : c);
        }
        return s.length() > 140 ? out.append('…').toString() : out.toString();
    }

    @SafeVarargs
    public static Optional<String> first(Optional<String>... problems) {
        for (Optional<String> problem : problems) {
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }
}
