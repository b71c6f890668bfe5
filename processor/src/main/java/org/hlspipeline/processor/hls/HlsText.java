package org.hlspipeline.processor.hls;

import java.time.Instant;
import java.util.Optional;

/**
 * The text rules that keep a playlist line-safe, shared by input validation (HTTP gateway, Kafka record
 * validation) and by the rendering model, so that what is accepted is exactly what can be rendered.
 *
 * <p>Pure and allocation-free on the happy path: {@link #uriProblem(String)} returns the one shared empty
 * {@link Optional} when the URI is fine.
 */
public final class HlsText {

    /** At most 2048 characters (see docs/input-rules.md, Values every input shares). */
    public static final int MAX_URI_LENGTH = 2048;

    /** The first instant whose ISO 8601 form has a four-digit year (0000-01-01T00:00:00Z). */
    static final Instant MIN_DATE_TIME = Instant.parse("0000-01-01T00:00:00Z");
    /** The last instant whose ISO 8601 form has a four-digit year. */
    static final Instant MAX_DATE_TIME = Instant.parse("9999-12-31T23:59:59.999999999Z");

    private HlsText() {
    }

    /** Whether {@code instant} renders as an ISO 8601 date-time with a four-digit year, as HLS dates are. */
    static boolean isFourDigitYear(Instant instant) {
        return !instant.isBefore(MIN_DATE_TIME) && !instant.isAfter(MAX_DATE_TIME);
    }

    /**
     * Whether {@code uri} may be written as a URI line of a playlist: see {@link #uriProblem(String)}.
     */
    public static boolean isSafeUri(String uri) {
        return uriProblem(uri).isEmpty();
    }

    /**
     * Why {@code uri} may not be written as a URI line of a playlist, or empty when it may.
     *
     * <p>The rule (see docs/input-rules.md, Values every input shares), in the order it is checked:
     * <ul>
     *   <li>present and non-empty, at most {@value #MAX_URI_LENGTH} characters;</li>
     *   <li>no control character (C0, DEL, C1), no Unicode line or paragraph separator, no unpaired surrogate:
     *       nothing that could end the line or render as anything but itself (RFC 8216 §4.1: a playlist is
     *       a sequence of lines);</li>
     *   <li>no invisible format character (Unicode category Cf: bidi overrides such as U+202E, zero-width
     *       characters such as U+200B, U+FEFF): such a URI reads otherwise than it resolves. They are refused,
     *       not percent-encoded, since a producer that meant one can encode it itself;</li>
     *   <li>no space: RFC 8216 §4.1 forbids whitespace where a format does not allow it, and RFC 3986 §2
     *       wants it percent-encoded ({@code %20});</li>
     *   <li>not starting with {@code #}: such a line is read as a tag or comment (RFC 8216 §4.1);</li>
     *   <li>either absolute with scheme {@code http} or {@code https} and a non-empty authority, or a relative
     *       path (no scheme, not starting with {@code //}, and no {@code :} in its first segment, which
     *       RFC 3986 §4.2 would read as a scheme).</li>
     * </ul>
     */
    public static Optional<String> uriProblem(String uri) {
        if (uri == null) {
            return Optional.of("URI is missing");
        }
        int length = uri.length();
        if (length == 0) {
            return Optional.of("URI is empty");
        }
        if (length > MAX_URI_LENGTH) {
            return Optional.of("URI is " + length + " characters long, more than " + MAX_URI_LENGTH);
        }
        String characterProblem = characterProblem(uri, "URI", false);
        if (characterProblem != null) {
            return Optional.of(characterProblem);
        }
        if (uri.charAt(0) == '#') {
            return Optional.of("URI starts with '#', which a player would read as a tag or comment line");
        }
        return Optional.ofNullable(referenceProblem(uri));
    }

    /**
     * Why {@code value} may not be written as an HLS quoted-string attribute value (for instance CODECS), or
     * empty when it may. RFC 8216 §4.2 (8216bis §4.2): a quoted-string "MUST NOT contain any line feed
     * (0xA), carriage return (0xD), or double quote (0x22) characters"; this also refuses every other control
     * character, for the same reason as in URIs, and the empty string (omit the attribute instead).
     */
    public static Optional<String> quotedStringProblem(String name, String value) {
        return quotedProblem(name, value, false);
    }

    /**
     * The same for text people read, such as an EXT-X-MEDIA NAME ({@code English (forced)}): spaces are fine
     * there, every other character {@link #quotedStringProblem} refuses is refused.
     */
    public static Optional<String> textProblem(String name, String value) {
        return quotedProblem(name, value, true);
    }

    private static Optional<String> quotedProblem(String name, String value, boolean spaces) {
        if (value == null) {
            return Optional.of(name + " is missing");
        }
        if (value.isEmpty()) {
            return Optional.of(name + " is empty; leave the attribute out instead");
        }
        int quote = value.indexOf('"');
        if (quote >= 0) {
            return Optional.of(name + " contains a double quote at index " + quote
                    + ", which would end the quoted-string (RFC 8216 §4.2)");
        }
        return Optional.ofNullable(characterProblem(value, name, spaces));
    }

    /**
     * Why {@code value} is not an HLS decimal-resolution ({@code <width>x<height>}, ASCII digits, RFC 8216
     * §4.2), or empty when it is.
     */
    public static Optional<String> resolutionProblem(String value) {
        if (value == null) {
            return Optional.of("RESOLUTION is missing");
        }
        int x = value.indexOf('x');
        if (x <= 0 || x == value.length() - 1 || !asciiDigits(value, 0, x)
                || !asciiDigits(value, x + 1, value.length())) {
            return Optional.of("RESOLUTION '" + printable(value) + "' is not <width>x<height> in decimal digits");
        }
        return Optional.empty();
    }

    private static boolean asciiDigits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** The first character that may not appear inside a playlist line, described, or null. */
    private static String characterProblem(String s, String what, boolean spaces) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
                return what + " contains control character " + codePoint(c) + " at index " + i;
            }
            if (c == ' ' && !spaces) {
                return what + " contains a space at index " + i + "; percent-encode it as %20";
            }
            if (c == '\u2028' || c == '\u2029') {
                return what + " contains line separator " + codePoint(c) + " at index " + i;
            }
            if (Character.getType(c) == Character.FORMAT && (!spaces || isBidiControl(c))) {
                // Invisible: a bidi override or a zero-width character makes the line read otherwise than it
                // resolves. Text (a NAME) keeps the joiners some scripts need; no value keeps bidi controls.
                return what + " contains invisible format character " + codePoint(c) + " at index " + i
                        + (spaces ? "" : "; percent-encode it if it is meant");
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return what + " contains an unpaired surrogate at index " + i;
            }
            if (Character.isLowSurrogate(c)) {
                return what + " contains an unpaired surrogate at index " + i;
            }
        }
        return null;
    }

    /** U+061C, U+200E, U+200F, U+202A to U+202E and U+2066 to U+2069: the characters that reorder text. */
    private static boolean isBidiControl(char c) {
        return c == '\u061C' || c == '\u200E' || c == '\u200F' || (c >= '\u202A' && c <= '\u202E')
                || (c >= '\u2066' && c <= '\u2069');
    }

    /** Scheme and authority rule, for a string already known to be free of control characters and spaces. */
    private static String referenceProblem(String uri) {
        int length = uri.length();
        // RFC 3986 §3: the scheme ends at the first ':' that comes before any '/', '?' or '#'.
        int colon = -1;
        for (int i = 0; i < length; i++) {
            char c = uri.charAt(i);
            if (c == ':') {
                colon = i;
                break;
            }
            if (c == '/' || c == '?' || c == '#') {
                break;
            }
        }
        if (colon < 0) {
            if (uri.startsWith("//")) {
                return "URI '" + uri + "' is scheme-relative (starts with //); use an absolute http(s) URI"
                        + " or a relative path";
            }
            return null; // a relative path
        }
        if (!isScheme(uri, colon)) {
            return "URI '" + uri + "' has a ':' in its first path segment (RFC 3986 §4.2 reads it as a scheme);"
                    + " prefix it with ./";
        }
        boolean http = colon == 4 && uri.regionMatches(true, 0, "http", 0, 4);
        boolean https = colon == 5 && uri.regionMatches(true, 0, "https", 0, 5);
        if (!http && !https) {
            return "URI scheme '" + uri.substring(0, colon) + "' is not allowed; only http and https";
        }
        int authorityStart = colon + 3;
        if (!uri.startsWith("//", colon + 1) || authorityStart >= length
                || uri.charAt(authorityStart) == '/' || uri.charAt(authorityStart) == '?'
                || uri.charAt(authorityStart) == '#') {
            return "URI '" + uri + "' has no host after " + uri.substring(0, colon) + "://";
        }
        return null;
    }

    /** RFC 3986 §3.1: ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ). */
    private static boolean isScheme(String s, int end) {
        if (end == 0 || !isAsciiLetter(s.charAt(0))) {
            return false;
        }
        for (int i = 1; i < end; i++) {
            char c = s.charAt(i);
            if (!isAsciiLetter(c) && !(c >= '0' && c <= '9') && c != '+' && c != '-' && c != '.') {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static String codePoint(char c) {
        String hex = Integer.toHexString(c).toUpperCase(java.util.Locale.ROOT);
        return "U+" + "0000".substring(hex.length()) + hex;
    }

    /** The value with control characters replaced, for messages that must not break log lines themselves. */
    static String printable(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == '\u2028' || c == '\u2029') {
                if (out == null) {
                    out = new StringBuilder(s.length() + 8).append(s, 0, i);
                }
                out.append(codePoint(c));
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? s : out.toString();
    }
}
