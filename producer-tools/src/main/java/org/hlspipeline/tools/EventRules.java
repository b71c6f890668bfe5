package org.hlspipeline.tools;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The few input checks the tool makes before publishing (DESIGN §9, §11), so that a typo fails at once with exit
 * code 2 instead of reaching the dead-letter topic. The pipeline remains the authority: it validates every record
 * again, and dead-letters what it refuses, whoever wrote it.
 */
public final class EventRules {

    static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    /** 2^53, the largest integer a JSON (JavaScript) client carries exactly. */
    public static final long MAX_SEQUENCE = 1L << 53;
    public static final long MAX_DURATION_MICROS = 60_000_000L;
    public static final int MAX_URI_LENGTH = 2048;
    public static final int MAX_REASON_LENGTH = 1024;
    private static final Pattern RESOLUTION = Pattern.compile("[1-9][0-9]{0,4}x[1-9][0-9]{0,4}");
    private static final Pattern CODECS = Pattern.compile("[A-Za-z0-9.,+ -]{1,256}");
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");

    private EventRules() {
    }

    /** Stream, rendition and event ids. */
    public static Optional<String> idProblem(String what, String value) {
        if (value == null || value.isEmpty()) {
            return Optional.of(what + " is required");
        }
        if (!ID.matcher(value).matches()) {
            return Optional.of(what + " must match [A-Za-z0-9][A-Za-z0-9._-]{0,127}, was " + quote(value));
        }
        return Optional.empty();
    }

    public static Optional<String> sequenceProblem(long sequence) {
        if (sequence < 0 || sequence > MAX_SEQUENCE) {
            return Optional.of("sequence must be 0 to 2^53 (" + MAX_SEQUENCE + "), was " + sequence);
        }
        return Optional.empty();
    }

    public static Optional<String> durationProblem(long durationMicros) {
        if (durationMicros <= 0 || durationMicros > MAX_DURATION_MICROS) {
            return Optional.of("duration must be greater than 0 and at most 60 seconds, was "
                    + BigDecimal.valueOf(durationMicros, 6).stripTrailingZeros().toPlainString() + " s");
        }
        return Optional.empty();
    }

    /** A segment URI: absolute http(s) or a relative path, on one line, at most 2048 characters. */
    public static Optional<String> uriProblem(String uri) {
        if (uri == null || uri.isEmpty()) {
            return Optional.of("path is required");
        }
        if (uri.length() > MAX_URI_LENGTH) {
            return Optional.of("path is " + uri.length() + " characters long, more than " + MAX_URI_LENGTH);
        }
        Optional<String> characters = characterProblem("path", uri);
        if (characters.isPresent()) {
            return characters;
        }
        if (uri.chars().anyMatch(Character::isWhitespace)) {
            return Optional.of("path must not contain whitespace (percent-encode a space as %20)");
        }
        if (uri.startsWith("#")) {
            return Optional.of("path must not start with '#', which a player reads as a tag or comment");
        }
        if (SCHEME.matcher(uri).find() ? !hasWebAuthority(uri) : uri.startsWith("//")) {
            return Optional.of("path must be an absolute http(s) URI with a host, or a relative path, was "
                    + quote(uri));
        }
        return Optional.empty();
    }

    private static boolean hasWebAuthority(String uri) {
        String lower = uri.toLowerCase(Locale.ROOT);
        int hostStart = lower.startsWith("http://") ? 7 : lower.startsWith("https://") ? 8 : -1;
        return hostStart > 0 && hostStart < uri.length() && "/?#".indexOf(uri.charAt(hostStart)) < 0;
    }

    /**
     * What a master playlist says about a rendition ({@code EXT-X-STREAM-INF}), as the pipeline checks it: bandwidth
     * above 0, {@code WIDTHxHEIGHT}, an RFC 6381 codec list, a frame rate above 0 and at most 1000. Null optional
     * values are fine: the attribute is left out.
     */
    public static Optional<String> renditionAttributesProblem(long bandwidth, Long averageBandwidth,
                                                              String resolution, String codecs, Double frameRate) {
        if (bandwidth <= 0) {
            return Optional.of("bandwidth must be greater than 0, was " + bandwidth);
        }
        if (averageBandwidth != null && averageBandwidth <= 0) {
            return Optional.of("average bandwidth must be greater than 0, was " + averageBandwidth);
        }
        if (resolution != null && !RESOLUTION.matcher(resolution).matches()) {
            return Optional.of("resolution must be WIDTHxHEIGHT, for instance 1280x720, was " + quote(resolution));
        }
        if (codecs != null && !CODECS.matcher(codecs).matches()) {
            return Optional.of("codecs must be an RFC 6381 list such as avc1.4d401f,mp4a.40.2, was "
                    + quote(codecs));
        }
        if (frameRate != null && !(frameRate > 0 && frameRate <= 1000)) {
            return Optional.of("frame rate must be greater than 0 and at most 1000, was " + frameRate);
        }
        return Optional.empty();
    }

    /** The optional free text of an end of stream. */
    public static Optional<String> reasonProblem(String reason) {
        if (reason == null) {
            return Optional.empty();
        }
        if (reason.length() > MAX_REASON_LENGTH) {
            return Optional.of("reason is " + reason.length() + " characters long, more than " + MAX_REASON_LENGTH);
        }
        return characterProblem("reason", reason);
    }

    private static Optional<String> characterProblem(String what, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                return Optional.of(what + " must not contain control characters or line breaks (U+"
                        + String.format("%04X", (int) c) + " at index " + i + ")");
            }
        }
        return Optional.empty();
    }

    private static String quote(String value) {
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
