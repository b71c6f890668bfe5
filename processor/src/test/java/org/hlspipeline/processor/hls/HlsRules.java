package org.hlspipeline.processor.hls;

import java.util.List;

/**
 * The HLS rules of docs/hls-output.md and docs/architecture.md (HLS rendering decisions) as test assertions (shared through processor's test-jar): what every served
 * playlist must satisfy, and what every two successive polls of one live playlist must satisfy.
 *
 * <p>Written from RFC 8216 independently of {@link PlaylistRenderer}. Each failure names the rule (with its
 * RFC section or docs page) and the line, and the assertion lists every violation it found, followed by the
 * numbered playlist text. The {@code ...Violations} methods return the same findings as a list.
 *
 * <p>The rules live in {@link MediaPlaylistRules}, {@link PlaylistSuccessionRules} and
 * {@link MasterPlaylistRules}; their names (the {@code HlsRules.X} constants) and what they share in
 * {@link HlsRuleSupport}.
 */
public final class HlsRules extends HlsRuleSupport {

    private HlsRules() {
    }

    // ---------------------------------------------------------------------------------------------- media

    /** Asserts that {@code text} is a media playlist that satisfies those rules; see {@link #mediaPlaylistViolations}. */
    public static void assertValidMediaPlaylist(String text) {
        List<String> violations = mediaPlaylistViolations(text);
        if (!violations.isEmpty()) {
            throw new AssertionError(report("Invalid media playlist", violations, "playlist", text));
        }
    }

    /**
     * What is wrong with {@code text} as a media playlist served by this pipeline, one message per finding:
     * <ul>
     *   <li>the first line is {@code #EXTM3U}; every line ends with LF; no blank lines, comments or garbage;
     *       no control characters in any line;</li>
     *   <li>exactly one EXT-X-TARGETDURATION, and every EXTINF rounded to the nearest integer is at most it;</li>
     *   <li>EXTINF is {@code <seconds>.<3 digits>,} (millisecond precision);</li>
     *   <li>EXT-X-VERSION is present and at least 3 when an EXTINF has decimals, and not above 3 when only tags
     *       that need no more are used;</li>
     *   <li>no EXT-X-PLAYLIST-TYPE; header tags at most once and before the first segment;
     *       EXT-X-DISCONTINUITY-SEQUENCE present unless ended;</li>
     *   <li>each segment has exactly one EXTINF and ends with a URI line; no master playlist tags;</li>
     *   <li>EXT-X-ENDLIST at most once, and last;</li>
     *   <li>every EXT-X-DATERANGE has a quoted ID and a quoted ISO 8601 START-DATE, well-formed DURATION,
     *       PLANNED-DURATION, END-DATE and SCTE35-CMD/-OUT/-IN; tags with one ID agree on the attributes they
     *       share; a playlist with a date range has an EXT-X-PROGRAM-DATE-TIME;</li>
     *   <li>EXT-X-MAP needs version 6, EXT-X-BYTERANGE 4, EXT-X-KEY with IV 2 and with SAMPLE-AES or KEYFORMAT 5
     *       (RFC 8216 §7);</li>
     *   <li>the ad cues EXT-X-CUE-OUT, EXT-X-CUE-OUT-CONT and EXT-X-CUE-IN (not in the RFC) are tolerated and need
     *       no higher version; EXT-X-CUE-IN takes no value.</li>
     * </ul>
     */
    public static List<String> mediaPlaylistViolations(String text) {
        List<String> violations = new java.util.ArrayList<>(MediaPlaylistRules.violations(text));
        violations.addAll(TagVersionRules.violations(text));
        return violations;
    }

    // ------------------------------------------------------------------------------------------ successor

    /**
     * Asserts that {@code next} may follow {@code previous} as the next poll of the same live media playlist;
     * see {@link #successorViolations}.
     */
    public static void assertValidSuccessor(String previous, String next) {
        List<String> violations = successorViolations(previous, next);
        if (!violations.isEmpty()) {
            throw new AssertionError(report("Invalid playlist update", violations, "previous", previous)
                    + numbered("next", next));
        }
    }

    /**
     * What is wrong with {@code next} as the next poll of the live media playlist {@code previous} (both must
     * pass {@link #mediaPlaylistViolations} first; their findings are reported prefixed with "previous" or
     * "next"):
     * <ul>
     *   <li>EXT-X-TARGETDURATION is unchanged;</li>
     *   <li>EXT-X-MEDIA-SEQUENCE does not decrease and grows by exactly the segments removed from the head:
     *       every segment of {@code previous} still present has the same media sequence number, URI, EXTINF,
     *       discontinuity, gap and (where both have one) program date-time, and none is missing in between;</li>
     *   <li>EXT-X-DISCONTINUITY-SEQUENCE grows by exactly the EXT-X-DISCONTINUITY tags of the removed segments
     *       (at least, when every segment of {@code previous} was removed, as then they cannot be counted);</li>
     *   <li>once {@code previous} has EXT-X-ENDLIST, {@code next} is the same text;</li>
     *   <li>when segments were removed and {@code next} has no EXT-X-ENDLIST, its duration is at least
     *       3 × EXT-X-TARGETDURATION;</li>
     *   <li>a date range (EXT-X-DATERANGE ID) of {@code previous} that {@code next} shows keeps every attribute
     *       and its value (new attributes may appear), and one that {@code next} does not show has none of its
     *       dates in the time span of next's segments.</li>
     * </ul>
     */
    public static List<String> successorViolations(String previous, String next) {
        return PlaylistSuccessionRules.violations(previous, next);
    }

    // --------------------------------------------------------------------------------------------- master

    /** Asserts that {@code text} is a valid master playlist; see {@link #masterPlaylistViolations}. */
    public static void assertValidMasterPlaylist(String text) {
        List<String> violations = masterPlaylistViolations(text);
        if (!violations.isEmpty()) {
            throw new AssertionError(report("Invalid master playlist", violations, "playlist", text));
        }
    }

    /**
     * What is wrong with {@code text} as a master playlist: {@code #EXTM3U} first; LF line ends, no blank,
     * comment or garbage lines, no control characters; at least one EXT-X-STREAM-INF, each with a well-formed
     * attribute list (no repeated names, BANDWIDTH a decimal-integer, RESOLUTION {@code WxH}, FRAME-RATE with at
     * most 3 decimals, quoted values closed) followed by a URI line; no media playlist tags; EXT-X-VERSION at
     * most once and not above 1 while only these attributes are used.
     */
    public static List<String> masterPlaylistViolations(String text) {
        return MasterPlaylistRules.violations(text);
    }
}
