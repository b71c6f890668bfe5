package org.hlspipeline.processor.hls;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How a segment is encrypted (EXT-X-KEY, RFC 8216 §4.3.2.4). The URI is passed through to players, never fetched:
 * a key server's URL, or a DRM system's ({@code skd://…}, {@code data:…}).
 *
 * @param iv                {@code 0x} and 32 hexadecimal digits, or null (players derive it from the media
 *                          sequence number)
 * @param keyFormat         KEYFORMAT, or null for {@code identity}
 * @param keyFormatVersions KEYFORMATVERSIONS ({@code 1}, {@code 1/2/5}), or null
 */
public record SegmentKey(String method, String uri, String iv, String keyFormat, String keyFormatVersions) {

    /** The methods that encrypt; a segment in the clear has no key (rendered as METHOD=NONE after one that did). */
    public static final Set<String> METHODS = Set.of("AES-128", "SAMPLE-AES", "SAMPLE-AES-CTR");
    private static final Pattern IV = Pattern.compile("0[xX][0-9A-Fa-f]{32}");
    private static final Pattern VERSIONS = Pattern.compile("[0-9]{1,9}(/[0-9]{1,9})*");

    public SegmentKey {
        problem(method, uri, iv, keyFormat, keyFormatVersions).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
    }

    /**
     * The lowest EXT-X-VERSION of a playlist with this key (RFC 8216 §7): 5 for SAMPLE-AES and SAMPLE-AES-CTR, or
     * KEYFORMAT and KEYFORMATVERSIONS; 2 for an IV; 1 otherwise.
     */
    public int requiredVersion() {
        if (!method.equals("AES-128") || keyFormat != null || keyFormatVersions != null) {
            return 5;
        }
        return iv != null ? 2 : 1;
    }

    /** The same key without its IV: what a master playlist announces, since IVs change segment by segment. */
    public SegmentKey withoutIv() {
        return iv == null ? this : new SegmentKey(method, uri, null, keyFormat, keyFormatVersions);
    }

    /** Whether players decrypt with the media sequence number as IV: KEYFORMAT identity, no IV given. */
    public boolean ivIsSequence() {
        return iv == null && (keyFormat == null || keyFormat.equals("identity"));
    }

    /**
     * This key with its IV stated: a key of KEYFORMAT identity without an IV is decrypted with the segment's media
     * sequence number as its IV, big-endian and padded on the left with zeros to 128 bits (RFC 8216 §5.2). A
     * playlist that numbers the segment differently (a channel airing it) must state that IV. Any other key is
     * returned as it is.
     *
     * @param mediaSequence the number the segment had where it was encrypted
     */
    public SegmentKey statingIv(long mediaSequence) {
        if (!ivIsSequence()) {
            return this;
        }
        return new SegmentKey(method, uri, String.format("0x%016X%016X", 0L, mediaSequence), keyFormat,
                keyFormatVersions);
    }

    /** Why these are not a key, or empty; each message names the field. */
    public static Optional<String> problem(String method, String uri, String iv, String keyFormat,
                                           String keyFormatVersions) {
        if (method == null || !METHODS.contains(method)) {
            return Optional.of("key method must be AES-128, SAMPLE-AES or SAMPLE-AES-CTR, was '" + method + "'");
        }
        Optional<String> problem = HlsText.quotedStringProblem("key URI", uri);
        if (problem.isEmpty() && uri.length() > HlsText.MAX_URI_LENGTH) {
            problem = Optional.of("key URI is " + uri.length() + " characters long, more than "
                    + HlsText.MAX_URI_LENGTH);
        }
        if (problem.isEmpty() && uri.chars().anyMatch(Character::isWhitespace)) {
            problem = Optional.of("key URI contains whitespace");
        }
        if (problem.isEmpty() && iv != null && !IV.matcher(iv).matches()) {
            problem = Optional.of("key iv must be 0x and 32 hexadecimal digits (128 bits), was '" + iv + "'");
        }
        if (problem.isEmpty() && keyFormat != null) {
            problem = HlsText.quotedStringProblem("key keyFormat", keyFormat);
        }
        if (problem.isEmpty() && keyFormatVersions != null && !VERSIONS.matcher(keyFormatVersions).matches()) {
            problem = Optional.of("key keyFormatVersions must be positive integers separated by '/', e.g. 1 or "
                    + "1/2/5, was '" + keyFormatVersions + "'");
        }
        return problem;
    }
}
