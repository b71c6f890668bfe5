package org.hlspipeline.processor.hls;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HlsTextTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
            "seg1.ts",
            "live/720p/seg-000123.ts?token=abc&x=1",
            "../other/seg.ts",
            "./a:b.ts",
            "/absolute/path/seg.ts",
            "https://cdn.example.com/live/seg.ts",
            "http://127.0.0.1:8080/seg.ts",
            "HTTPS://CDN.EXAMPLE.COM/x.ts",
            "seg%20one.ts",
            "caf\u00e9/s\u00e9g.ts",
            "emoji\uD83D\uDE00.ts",
    })
    void acceptsAbsoluteHttpAndRelativePaths(String uri) {
        assertThat(HlsText.uriProblem(uri)).isEmpty();
        assertThat(HlsText.isSafeUri(uri)).isTrue();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "''                         | URI is empty",
            "ftp://example.com/seg.ts   | URI scheme 'ftp' is not allowed",
            "javascript:alert(1)        | URI scheme 'javascript' is not allowed",
            "file:///etc/passwd         | URI scheme 'file' is not allowed",
            "c:seg.ts                   | URI scheme 'c' is not allowed",
            "1seg:2.ts                  | has a ':' in its first path segment",
            "//cdn.example.com/seg.ts   | is scheme-relative",
            "#EXT-X-ENDLIST             | starts with '#'",
            "http://                    | has no host",
            "https:///seg.ts            | has no host",
            "http:seg.ts                | has no host",
            "seg one.ts                 | contains a space at index 3",
    })
    void rejectsWithAReason(String uri, String reason) {
        assertThat(HlsText.uriProblem(uri)).hasValueSatisfying(p -> assertThat(p).contains(reason));
        assertThat(HlsText.isSafeUri(uri)).isFalse();
    }

    @Test
    void rejectsControlCharactersAnywhere() {
        for (char c = 0; c < 0x20; c++) {
            assertThat(HlsText.uriProblem("a" + c + "b.ts")).as("U+%04X", (int) c)
                    .hasValue(String.format("URI contains control character U+%04X at index 1", (int) c));
        }
        for (char c = 0x7F; c <= 0x9F; c++) {
            assertThat(HlsText.isSafeUri("a" + c + "b.ts")).as("U+%04X", (int) c).isFalse();
        }
        assertThat(HlsText.uriProblem("seg.ts\r\n")).hasValue("URI contains control character U+000D at index 6");
        assertThat(HlsText.isSafeUri("a\u2028b")).isFalse();
        assertThat(HlsText.isSafeUri("a\u2029b")).isFalse();
    }

    /** A bidi override or a zero-width character would make the line read otherwise than it resolves. */
    @Test
    void rejectsInvisibleFormatCharacters() {
        assertThat(HlsText.uriProblem("seg\u202Est.ts")).hasValue("URI contains invisible format character U+202E at "
                + "index 3; percent-encode it if it is meant");
        for (char c : new char[] {'\u200B', '\u200E', '\u2066', '\uFEFF', '\u00AD', '\u061C'}) {
            assertThat(HlsText.isSafeUri("a" + c + "b.ts")).as("U+%04X", (int) c).isFalse();
        }
        // Text people read keeps the joiners some scripts need, and loses only what reorders it.
        assertThat(HlsText.textProblem("name", "\u0645\u200C\u0646")).isEmpty();
        assertThat(HlsText.textProblem("name", "English\u202E")).hasValueSatisfying(
                p -> assertThat(p).startsWith("name contains invisible format character U+202E"));
        assertThat(HlsText.uriProblem("caf%C3%A9/seg.ts")).isEmpty();
    }

    @Test
    void rejectsNullAndUnpairedSurrogates() {
        assertThat(HlsText.uriProblem(null)).hasValue("URI is missing");
        assertThat(HlsText.uriProblem("a\uD83D.ts")).hasValue("URI contains an unpaired surrogate at index 1");
        assertThat(HlsText.uriProblem("a\uDE00.ts")).hasValue("URI contains an unpaired surrogate at index 1");
    }

    @Test
    void lengthLimitIs2048Characters() {
        String atLimit = "a".repeat(2045) + ".ts";
        assertThat(atLimit).hasSize(2048);
        assertThat(HlsText.isSafeUri(atLimit)).isTrue();
        assertThat(HlsText.uriProblem("b" + atLimit)).hasValue("URI is 2049 characters long, more than 2048");
    }

    @Test
    void quotedStringRule() {
        assertThat(HlsText.quotedStringProblem("CODECS", "avc1.64001f,mp4a.40.2")).isEmpty();
        assertThat(HlsText.quotedStringProblem("CODECS", "a\"b")).hasValueSatisfying(
                p -> assertThat(p).startsWith("CODECS contains a double quote at index 1"));
        assertThat(HlsText.quotedStringProblem("CODECS", "a\rb")).hasValueSatisfying(
                p -> assertThat(p).contains("U+000D"));
        assertThat(HlsText.quotedStringProblem("CODECS", "a\nb")).hasValueSatisfying(
                p -> assertThat(p).contains("U+000A"));
    }

    @Test
    void resolutionRule() {
        assertThat(HlsText.resolutionProblem("1920x1080")).isEmpty();
        assertThat(HlsText.resolutionProblem("1x1")).isEmpty();
        assertThat(HlsText.resolutionProblem("1920x1080\n")).hasValueSatisfying(
                p -> assertThat(p).contains("U+000A").doesNotContain("\n"));
    }
}
