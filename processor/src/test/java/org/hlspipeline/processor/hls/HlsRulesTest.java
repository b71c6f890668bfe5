package org.hlspipeline.processor.hls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Tests of the test fixture itself: a checker that cannot fail proves nothing, so every rule is shown failing
 * on a hand-written bad example, with the rule and the line in the message.
 */
class HlsRulesTest {

    static String lines(String... lines) {
        return String.join("\n", lines) + "\n";
    }

    /** A valid live playlist: target 6, sequence 10, a discontinuity on the third segment (line 10). */
    static final String LIVE = lines(
            "#EXTM3U",                                              // 1
            "#EXT-X-VERSION:3",                                     // 2
            "#EXT-X-TARGETDURATION:6",                              // 3
            "#EXT-X-MEDIA-SEQUENCE:10",                             // 4
            "#EXT-X-DISCONTINUITY-SEQUENCE:0",                      // 5
            "#EXT-X-PROGRAM-DATE-TIME:2026-11-21T20:00:00.000Z",    // 6
            "#EXTINF:6.000,",                                       // 7
            "s10.ts",                                               // 8
            "#EXT-X-DISCONTINUITY",                                 // 9
            "#EXTINF:6.000,",                                       // 10
            "s11.ts",                                               // 11
            "#EXTINF:5.960,",                                       // 12
            "s12.ts");                                              // 13

    private static void assertViolation(List<String> violations, int line, String rule) {
        assertThat(violations)
                .as("violations")
                .anySatisfy(v -> assertThat(v).startsWith("line " + line + " ").contains("[" + rule + "]"));
    }

    @Nested
    class MediaPlaylistRules {

        @Test
        void acceptsAValidLivePlaylist() {
            assertThat(HlsRules.mediaPlaylistViolations(LIVE)).isEmpty();
            assertThatCode(() -> HlsRules.assertValidMediaPlaylist(LIVE)).doesNotThrowAnyException();
        }

        @Test
        void acceptsAnEndedPlaylistWithoutDiscontinuitySequence() {
            assertThat(HlsRules.mediaPlaylistViolations(lines("#EXTM3U", "#EXT-X-VERSION:3",
                    "#EXT-X-TARGETDURATION:2", "#EXTINF:2.000,", "a.ts", "#EXT-X-ENDLIST"))).isEmpty();
        }

        @Test
        void rejectsExtinfAboveTheTargetDuration() {
            String bad = LIVE.replace("#EXTINF:5.960,", "#EXTINF:6.500,"); // rounds to 7
            List<String> violations = HlsRules.mediaPlaylistViolations(bad);

            assertViolation(violations, 12, HlsRules.EXTINF_WITHIN_TARGET);
            assertThat(violations).hasSize(1);
            assertThat(violations.get(0)).contains("6.500 s rounds to 7 > EXT-X-TARGETDURATION:6 (line 3)");
            assertThatThrownBy(() -> HlsRules.assertValidMediaPlaylist(bad))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("line 12 `#EXTINF:6.500,`")
                    .hasMessageContaining("  12 | #EXTINF:6.500,");
        }

        @Test
        void acceptsExtinfThatRoundsDownToTheTarget() {
            assertThat(HlsRules.mediaPlaylistViolations(LIVE.replace("#EXTINF:5.960,", "#EXTINF:6.499,")))
                    .isEmpty();
        }

        @Test
        void rejectsExtinfWithoutMillisecondPrecision() {
            assertViolation(HlsRules.mediaPlaylistViolations(LIVE.replace("#EXTINF:5.960,", "#EXTINF:5.96,")), 12,
                    HlsRules.EXTINF_FORMAT);
            assertViolation(HlsRules.mediaPlaylistViolations(LIVE.replace("#EXTINF:5.960,", "#EXTINF:5.9601,")),
                    12, HlsRules.EXTINF_FORMAT);
            assertViolation(HlsRules.mediaPlaylistViolations(LIVE.replace("#EXTINF:5.960,", "#EXTINF:6,")), 12,
                    HlsRules.EXTINF_FORMAT);
            assertViolation(HlsRules.mediaPlaylistViolations(LIVE.replace("#EXTINF:5.960,", "#EXTINF:5.960")), 12,
                    HlsRules.EXTINF_FORMAT);
        }

        @Test
        void rejectsAMissingOrTooLowOrNeedlesslyHighVersion() {
            assertViolation(HlsRules.mediaPlaylistViolations(LIVE.replace("#EXT-X-VERSION:3\n", "")), 1,
                    HlsRules.VERSION);
            assertViolation(HlsRules.mediaPlaylistViolations(LIVE.replace("#EXT-X-VERSION:3", "#EXT-X-VERSION:2")),
                    2, HlsRules.VERSION);
            assertViolation(HlsRules.mediaPlaylistViolations(LIVE.replace("#EXT-X-VERSION:3", "#EXT-X-VERSION:6")),
                    2, HlsRules.VERSION);
        }

        @Test
        void rejectsPlaylistType() {
            String bad = LIVE.replace("#EXT-X-MEDIA-SEQUENCE:10\n", "#EXT-X-MEDIA-SEQUENCE:10\n#EXT-X-PLAYLIST-TYPE:EVENT\n");
            assertViolation(HlsRules.mediaPlaylistViolations(bad), 5, HlsRules.NO_PLAYLIST_TYPE);
        }

        @Test
        void rejectsMissingOrRepeatedTargetDuration() {
            assertViolation(HlsRules.mediaPlaylistViolations(LIVE.replace("#EXT-X-TARGETDURATION:6\n", "")), 1,
                    HlsRules.ONE_TARGET_DURATION);
            String twice = LIVE.replace("#EXT-X-TARGETDURATION:6\n", "#EXT-X-TARGETDURATION:6\n#EXT-X-TARGETDURATION:6\n");
            assertViolation(HlsRules.mediaPlaylistViolations(twice), 4, HlsRules.ONE_TARGET_DURATION);
        }

        @Test
        void rejectsRepeatedOrLateHeaderTags() {
            String twice = LIVE.replace("#EXT-X-MEDIA-SEQUENCE:10\n", "#EXT-X-MEDIA-SEQUENCE:10\n#EXT-X-MEDIA-SEQUENCE:10\n");
            assertViolation(HlsRules.mediaPlaylistViolations(twice), 5, HlsRules.HEADER_ONCE);
            String late = LIVE.replace("#EXT-X-DISCONTINUITY-SEQUENCE:0\n", "") + "#EXT-X-DISCONTINUITY-SEQUENCE:0\n";
            assertViolation(HlsRules.mediaPlaylistViolations(late), 13, HlsRules.HEADER_ONCE);
        }

        @Test
        void rejectsALivePlaylistWithoutDiscontinuitySequence() {
            assertViolation(HlsRules.mediaPlaylistViolations(LIVE.replace("#EXT-X-DISCONTINUITY-SEQUENCE:0\n", "")),
                    1, HlsRules.DISCONTINUITY_SEQUENCE_PRESENT);
        }

        @Test
        void rejectsEndlistThatIsNotLastOrRepeated() {
            String notLast = LIVE.replace("#EXTINF:5.960,", "#EXT-X-ENDLIST\n#EXTINF:5.960,");
            assertViolation(HlsRules.mediaPlaylistViolations(notLast), 13, HlsRules.ENDLIST_LAST);
            String twice = LIVE + "#EXT-X-ENDLIST\n#EXT-X-ENDLIST\n";
            assertViolation(HlsRules.mediaPlaylistViolations(twice), 15, HlsRules.ENDLIST_LAST);
        }

        @Test
        void rejectsBlankCommentAndGarbageLines() {
            assertViolation(HlsRules.mediaPlaylistViolations(LIVE.replace("s11.ts\n", "s11.ts\n\n")), 12,
                    HlsRules.LINE_SYNTAX);
            assertViolation(HlsRules.mediaPlaylistViolations(LIVE.replace("s11.ts\n", "s11.ts\n# a comment\n")), 12,
                    HlsRules.LINE_SYNTAX);
            assertViolation(HlsRules.mediaPlaylistViolations(LIVE.replace("s11.ts\n", "s11.ts\n#EXTfoo\n")), 12,
                    HlsRules.LINE_SYNTAX);
            assertViolation(HlsRules.mediaPlaylistViolations(LIVE.substring(0, LIVE.length() - 1)), 13,
                    HlsRules.LINE_SYNTAX);
        }

        @Test
        void rejectsControlCharactersInUriLines() {
            assertViolation(HlsRules.mediaPlaylistViolations(LIVE.replace("s11.ts", "s11\u0007.ts")), 11,
                    HlsRules.NO_CONTROL_CHARACTERS);
            assertViolation(HlsRules.mediaPlaylistViolations(LIVE.replace("s11.ts\n", "s11.ts\r\n")), 11,
                    HlsRules.NO_CONTROL_CHARACTERS);
            assertThatThrownBy(() -> HlsRules.assertValidMediaPlaylist(LIVE.replace("s11.ts", "s11\u0007.ts")))
                    .hasMessageContaining("line 11 `s11<U+0007>.ts`");
        }

        @Test
        void rejectsMalformedSegments() {
            // a URI line without EXTINF
            assertViolation(HlsRules.mediaPlaylistViolations(LIVE.replace("s11.ts\n", "s11.ts\nstray.ts\n")), 12,
                    HlsRules.SEGMENT_SHAPE);
            // tags that are not followed by a URI
            assertViolation(HlsRules.mediaPlaylistViolations(LIVE + "#EXT-X-DISCONTINUITY\n#EXTINF:2.000,\n"), 14,
                    HlsRules.SEGMENT_SHAPE);
            // two EXTINF for one segment
            assertViolation(HlsRules.mediaPlaylistViolations(LIVE.replace("#EXTINF:5.960,\n", "#EXTINF:5.960,\n#EXTINF:5.960,\n")),
                    13, HlsRules.SEGMENT_SHAPE);
            // a master playlist tag
            assertViolation(HlsRules.mediaPlaylistViolations(LIVE + "#EXT-X-STREAM-INF:BANDWIDTH=1\nv.m3u8\n"), 14,
                    HlsRules.MEDIA_OR_MASTER);
        }

        @Test
        void rejectsAMissingExtM3u() {
            assertViolation(HlsRules.mediaPlaylistViolations(LIVE.replace("#EXTM3U\n", "")), 1,
                    HlsRules.EXTM3U_FIRST);
            assertThat(HlsRules.mediaPlaylistViolations("")).singleElement().asString().contains(HlsRules.EXTM3U_FIRST);
        }
    }

    @Nested
    class SuccessorRules {

        /** LIVE after one more segment arrived and s10 slid out (media sequence 11). */
        static final String NEXT = lines(
                "#EXTM3U",                                              // 1
                "#EXT-X-VERSION:3",                                     // 2
                "#EXT-X-TARGETDURATION:6",                              // 3
                "#EXT-X-MEDIA-SEQUENCE:11",                             // 4
                "#EXT-X-DISCONTINUITY-SEQUENCE:0",                      // 5
                "#EXT-X-DISCONTINUITY",                                 // 6
                "#EXTINF:6.000,",                                       // 7
                "s11.ts",                                               // 8
                "#EXTINF:5.960,",                                       // 9
                "s12.ts",                                               // 10
                "#EXTINF:6.040,",                                       // 11: 18 s in all
                "s13.ts");                                              // 12

        /** NEXT after s11, and with it the discontinuity, slid out. */
        static final String AFTER_NEXT = lines(
                "#EXTM3U",
                "#EXT-X-VERSION:3",
                "#EXT-X-TARGETDURATION:6",
                "#EXT-X-MEDIA-SEQUENCE:12",
                "#EXT-X-DISCONTINUITY-SEQUENCE:1",                      // 5
                "#EXTINF:5.960,",
                "s12.ts",
                "#EXTINF:6.040,",
                "s13.ts",
                "#EXTINF:6.000,",
                "s14.ts");

        @Test
        void acceptsValidSlides() {
            assertThat(HlsRules.successorViolations(LIVE, NEXT)).isEmpty();
            assertThat(HlsRules.successorViolations(NEXT, AFTER_NEXT)).isEmpty();
            assertThat(HlsRules.successorViolations(LIVE, LIVE)).isEmpty();
            // segments appended without removal
            assertThat(HlsRules.successorViolations(LIVE, LIVE + "#EXTINF:6.000,\ns13.ts\n")).isEmpty();
            // the end arrives
            assertThat(HlsRules.successorViolations(LIVE, LIVE + "#EXT-X-ENDLIST\n")).isEmpty();
            assertThatCode(() -> HlsRules.assertValidSuccessor(LIVE, NEXT)).doesNotThrowAnyException();
        }

        @Test
        void rejectsADecreasingMediaSequence() {
            List<String> violations = HlsRules.successorViolations(NEXT, LIVE);

            assertThat(violations).singleElement().asString()
                    .startsWith("next line 4: [" + HlsRules.MEDIA_SEQUENCE + "]")
                    .contains("decreased from 11 (previous line 4) to 10");
        }

        @Test
        void rejectsAChangedTargetDuration() {
            String changed = LIVE.replace("#EXT-X-TARGETDURATION:6", "#EXT-X-TARGETDURATION:7");

            assertThat(HlsRules.successorViolations(LIVE, changed)).singleElement().asString()
                    .startsWith("next line 3: [" + HlsRules.TARGET_DURATION_UNCHANGED + "]")
                    .contains("was 6 (previous line 3), now 7");
            assertThatThrownBy(() -> HlsRules.assertValidSuccessor(LIVE, changed))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("--- previous ---")
                    .hasMessageContaining("--- next ---");
        }

        @Test
        void rejectsADiscontinuityThatSlidOutWithoutTheSequenceGrowing() {
            String bad = AFTER_NEXT.replace("#EXT-X-DISCONTINUITY-SEQUENCE:1", "#EXT-X-DISCONTINUITY-SEQUENCE:0");

            assertThat(HlsRules.successorViolations(NEXT, bad)).singleElement().asString()
                    .startsWith("next line 5: [" + HlsRules.DISCONTINUITY_SEQUENCE + "]")
                    .contains("is 0, expected 0 + 1 = 1 (removed segments with EXT-X-DISCONTINUITY at previous lines [8])");
        }

        @Test
        void rejectsADiscontinuitySequenceThatGrowsWithoutARemovedTag() {
            String bad = NEXT.replace("#EXT-X-DISCONTINUITY-SEQUENCE:0", "#EXT-X-DISCONTINUITY-SEQUENCE:1");

            assertThat(HlsRules.successorViolations(LIVE, bad)).singleElement().asString()
                    .startsWith("next line 5: [" + HlsRules.DISCONTINUITY_SEQUENCE + "]");
        }

        @Test
        void rejectsAMediaSequenceThatDoesNotMatchTheSegmentsRemoved() {
            // two segments removed from the head, but the sequence says one
            String bad = AFTER_NEXT.replace("#EXT-X-MEDIA-SEQUENCE:12", "#EXT-X-MEDIA-SEQUENCE:11")
                    .replace("#EXT-X-DISCONTINUITY-SEQUENCE:1", "#EXT-X-DISCONTINUITY-SEQUENCE:0");

            assertThat(HlsRules.successorViolations(LIVE, bad)).singleElement().asString()
                    .startsWith("next line 7: [" + HlsRules.MEDIA_SEQUENCE + "]")
                    .contains("media sequence 11 is `s12.ts`, but was `s11.ts` (previous line 11)");
        }

        @Test
        void rejectsASegmentRemovedFromTheMiddleOrChanged() {
            String middleRemoved = LIVE.replace("#EXTINF:5.960,\ns12.ts\n", "");
            assertThat(HlsRules.successorViolations(LIVE, middleRemoved)).singleElement().asString()
                    .startsWith("previous line 13: [" + HlsRules.HEAD_ONLY + "]");

            String changed = LIVE.replace("#EXTINF:5.960,", "#EXTINF:5.961,");
            assertThat(HlsRules.successorViolations(LIVE, changed)).singleElement().asString()
                    .startsWith("next line 13: [" + HlsRules.HEAD_ONLY + "]")
                    .contains("EXTINF from 5.960 to 5.961");

            String gapAdded = LIVE.replace("#EXTINF:5.960,", "#EXT-X-GAP\n#EXTINF:5.960,");
            assertThat(HlsRules.successorViolations(LIVE, gapAdded)).singleElement().asString()
                    .contains("EXT-X-GAP from false to true");
        }

        @Test
        void rejectsRemovalBelowThreeTargetDurations() {
            String shortWindow = lines(
                    "#EXTM3U",
                    "#EXT-X-VERSION:3",
                    "#EXT-X-TARGETDURATION:6",
                    "#EXT-X-MEDIA-SEQUENCE:11",
                    "#EXT-X-DISCONTINUITY-SEQUENCE:0",
                    "#EXT-X-DISCONTINUITY",
                    "#EXTINF:6.000,",
                    "s11.ts",
                    "#EXTINF:5.960,",
                    "s12.ts");

            assertThat(HlsRules.successorViolations(LIVE, shortWindow)).singleElement().asString()
                    .startsWith("next line 4: [" + HlsRules.THREE_TARGET_DURATIONS + "]")
                    .contains("1 segment(s) removed, leaving 11.960 s, less than 3 × 6 = 18 s");
            // allowed once the playlist has ended
            assertThat(HlsRules.successorViolations(LIVE, shortWindow + "#EXT-X-ENDLIST\n")).isEmpty();
        }

        @Test
        void rejectsAnyChangeAfterEndlist() {
            String ended = LIVE + "#EXT-X-ENDLIST\n";
            String appended = LIVE + "#EXTINF:6.000,\ns13.ts\n#EXT-X-ENDLIST\n";

            assertThat(HlsRules.successorViolations(ended, ended)).isEmpty();
            assertThat(HlsRules.successorViolations(ended, appended)).singleElement().asString()
                    .startsWith("next line 14: [" + HlsRules.ENDED_IS_FINAL + "]")
                    .contains("previous has EXT-X-ENDLIST (line 14)");
            assertThat(HlsRules.successorViolations(ended, LIVE)).singleElement().asString()
                    .contains(HlsRules.ENDED_IS_FINAL).contains("`<end of playlist>`");
        }

        @Test
        void checksBothPlaylistsFirst() {
            String bad = LIVE.replace("#EXTINF:5.960,", "#EXTINF:9.000,");

            assertThat(HlsRules.successorViolations(bad, LIVE)).singleElement().asString()
                    .startsWith("previous line 12 ").contains(HlsRules.EXTINF_WITHIN_TARGET);
            assertThat(HlsRules.successorViolations(LIVE, bad)).singleElement().asString()
                    .startsWith("next line 12 ").contains(HlsRules.EXTINF_WITHIN_TARGET);
        }

        @Test
        void afterALongPauseEverySegmentMayHaveSlidOut() {
            String muchLater = lines(
                    "#EXTM3U",
                    "#EXT-X-VERSION:3",
                    "#EXT-X-TARGETDURATION:6",
                    "#EXT-X-MEDIA-SEQUENCE:50",
                    "#EXT-X-DISCONTINUITY-SEQUENCE:4",
                    "#EXTINF:6.000,",
                    "s50.ts",
                    "#EXTINF:6.000,",
                    "s51.ts",
                    "#EXTINF:6.000,",
                    "s52.ts");
            assertThat(HlsRules.successorViolations(LIVE, muchLater)).isEmpty();
            assertThat(HlsRules.successorViolations(LIVE, muchLater.replace("SEQUENCE:4", "SEQUENCE:0")))
                    .singleElement().asString().contains("must be at least 1");
        }
    }

    @Nested
    class MasterRules {

        static final String MASTER = lines(
                "#EXTM3U",
                "#EXT-X-STREAM-INF:BANDWIDTH=2500000,AVERAGE-BANDWIDTH=2200000,RESOLUTION=1280x720,"
                        + "CODECS=\"avc1.64001f,mp4a.40.2\",FRAME-RATE=25.000",
                "720p.m3u8",
                "#EXT-X-STREAM-INF:BANDWIDTH=128000",
                "audio.m3u8");

        @Test
        void acceptsAValidMasterPlaylist() {
            assertThat(HlsRules.masterPlaylistViolations(MASTER)).isEmpty();
        }

        @Test
        void rejectsBadStreamInf() {
            assertViolation(HlsRules.masterPlaylistViolations(MASTER.replace("BANDWIDTH=128000", "AVERAGE-BANDWIDTH=1")),
                    4, HlsRules.STREAM_INF);
            assertViolation(HlsRules.masterPlaylistViolations(MASTER.replace("BANDWIDTH=128000",
                    "BANDWIDTH=1,BANDWIDTH=2")), 4, HlsRules.STREAM_INF);
            assertViolation(HlsRules.masterPlaylistViolations(MASTER.replace("1280x720", "1280*720")), 2,
                    HlsRules.STREAM_INF);
            assertViolation(HlsRules.masterPlaylistViolations(MASTER.replace("mp4a.40.2\"", "mp4a.40.2")), 2,
                    HlsRules.STREAM_INF);
            assertViolation(HlsRules.masterPlaylistViolations(MASTER.replace("audio.m3u8\n", "")), 4,
                    HlsRules.STREAM_INF);
            assertViolation(HlsRules.masterPlaylistViolations(MASTER.replace("#EXTM3U\n", "#EXTM3U\n#EXT-X-VERSION:3\n")),
                    2, HlsRules.VERSION);
            assertViolation(HlsRules.masterPlaylistViolations(MASTER + "#EXTINF:2.000,\n"), 6, HlsRules.MEDIA_OR_MASTER);
        }

        /** Two audio languages and subtitles, as RFC 8216 §4.3.4.1 and its example in §8.6 write them. */
        static final String GROUPS = lines(
                "#EXTM3U",
                "#EXT-X-VERSION:4",
                "#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID=\"aac\",NAME=\"English\",LANGUAGE=\"en\",DEFAULT=YES,"
                        + "AUTOSELECT=YES,URI=\"en.m3u8\"",
                "#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID=\"aac\",NAME=\"Deutsch\",LANGUAGE=\"de\",AUTOSELECT=YES,"
                        + "URI=\"de.m3u8\"",
                "#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID=\"subs\",NAME=\"English\",LANGUAGE=\"en\",FORCED=NO,"
                        + "URI=\"subs.m3u8\"",
                "#EXT-X-STREAM-INF:BANDWIDTH=900000,CODECS=\"avc1.4d401e,mp4a.40.2\",AUDIO=\"aac\",SUBTITLES=\"subs\"",
                "360p.m3u8");

        @Test
        void acceptsAlternativeRenditionsInGroups() {
            assertThat(HlsRules.masterPlaylistViolations(GROUPS)).isEmpty();
            // Version 4 is allowed with EXT-X-MEDIA, not required (RFC 8216 §7).
            assertThat(HlsRules.masterPlaylistViolations(GROUPS.replace("#EXT-X-VERSION:4\n", ""))).isEmpty();
        }

        /** {@link #GROUPS} with {@code from} replaced by {@code to} breaks {@code rule} on line {@code line}. */
        private static void assertBroken(String from, String to, int line, String rule) {
            assertThat(GROUPS).contains(from);
            assertViolation(HlsRules.masterPlaylistViolations(GROUPS.replace(from, to)), line, rule);
        }

        @Test
        void rejectsAVariantNamingAGroupThatIsNotThere() {
            assertBroken("AUDIO=\"aac\"", "AUDIO=\"ac3\"", 6, HlsRules.GROUP_REFERENCES);
            // A group of another TYPE does not count.
            assertBroken("AUDIO=\"aac\"", "AUDIO=\"subs\"", 6, HlsRules.GROUP_REFERENCES);
            assertBroken("SUBTITLES=\"subs\"", "SUBTITLES=subs", 6, HlsRules.GROUP_REFERENCES);
        }

        @Test
        void rejectsGroupsWhoseMembersClash() {
            assertBroken("NAME=\"Deutsch\"", "NAME=\"English\"", 4, HlsRules.RENDITION_GROUPS);
            assertBroken("LANGUAGE=\"de\",", "LANGUAGE=\"de\",DEFAULT=YES,", 4, HlsRules.RENDITION_GROUPS);
            assertBroken("LANGUAGE=\"de\"", "LANGUAGE=\"EN\"", 4, HlsRules.RENDITION_GROUPS);
            // The same NAME in another group is fine.
            assertThat(HlsRules.masterPlaylistViolations(GROUPS)).noneMatch(v -> v.startsWith("line 5 "));
        }

        @Test
        void rejectsBadMediaAttributes() {
            assertBroken("TYPE=SUBTITLES", "TYPE=TEXT", 5, HlsRules.MEDIA);
            assertBroken(",NAME=\"Deutsch\"", "", 4, HlsRules.MEDIA);
            assertBroken("LANGUAGE=\"de\"", "LANGUAGE=de", 4, HlsRules.MEDIA);
            assertBroken("DEFAULT=YES,AUTOSELECT=YES", "DEFAULT=YES,AUTOSELECT=NO", 3, HlsRules.MEDIA);
            assertBroken("AUTOSELECT=YES,URI=\"de", "FORCED=NO,URI=\"de", 4, HlsRules.MEDIA);
            assertBroken("FORCED=NO", "FORCED=TRUE", 5, HlsRules.MEDIA);
            assertBroken("TYPE=SUBTITLES", "TYPE=CLOSED-CAPTIONS", 5, HlsRules.MEDIA);
        }

        @Test
        void rejectsAVersionAboveWhatTheTagsAllow() {
            assertBroken("#EXT-X-VERSION:4", "#EXT-X-VERSION:5", 2, HlsRules.VERSION);
            String keyed = GROUPS.replace("#EXT-X-VERSION:4\n", "#EXT-X-VERSION:4\n"
                    + "#EXT-X-SESSION-KEY:METHOD=SAMPLE-AES,URI=\"skd://k\",KEYFORMAT=\"com.apple.streamingkeydelivery\"\n");
            assertViolation(HlsRules.masterPlaylistViolations(keyed), 2, HlsRules.VERSION);
            assertThat(HlsRules.masterPlaylistViolations(keyed.replace("#EXT-X-VERSION:4", "#EXT-X-VERSION:5")))
                    .isEmpty();
        }
    }

    @Nested
    class Parser {

        @Test
        void readsWhatAPlayerReads() {
            ParsedMediaPlaylist p = HlsPlaylistParser.parseMedia(LIVE);

            assertThat(p.version()).isEqualTo(3);
            assertThat(p.targetDuration()).isEqualTo(6);
            assertThat(p.mediaSequence()).isEqualTo(10);
            assertThat(p.discontinuitySequence()).isZero();
            assertThat(p.ended()).isFalse();
            assertThat(p.uris()).containsExactly("s10.ts", "s11.ts", "s12.ts");
            assertThat(p.totalDuration()).isEqualByComparingTo("17.960");
            assertThat(p.segments()).containsExactly(
                    new ParsedSegment(10, 0, "s10.ts", new BigDecimal("6.000"), false, false,
                            Instant.parse("2026-11-21T20:00:00Z"), 7, 8),
                    new ParsedSegment(11, 1, "s11.ts", new BigDecimal("6.000"), true, false, null, 10, 11),
                    new ParsedSegment(12, 1, "s12.ts", new BigDecimal("5.960"), false, false, null, 12, 13));
            assertThat(p.segments().get(2).durationMillis()).isEqualTo(5960);
            assertThat(p.lineOf("EXT-X-TARGETDURATION")).isEqualTo(3);
            assertThat(HlsPlaylistParser.parseMedia(LIVE + "#EXT-X-ENDLIST\n").ended()).isTrue();
        }

        @Test
        void readsGapsAndAMasterPlaylist() {
            ParsedMediaPlaylist p = HlsPlaylistParser.parseMedia(LIVE.replace("#EXTINF:5.960,", "#EXT-X-GAP\n#EXTINF:5.960,"));
            assertThat(p.segments().get(2).gap()).isTrue();

            ParsedMasterPlaylist m = HlsPlaylistParser.parseMaster(MasterRules.MASTER);
            assertThat(m.version()).isNull();
            assertThat(m.variants()).hasSize(2);
            assertThat(m.variants().get(0).attribute("CODECS")).isEqualTo("avc1.64001f,mp4a.40.2");
            assertThat(m.variants().get(0).attributes()).containsKeys("BANDWIDTH", "AVERAGE-BANDWIDTH",
                    "RESOLUTION", "CODECS", "FRAME-RATE");
            assertThat(m.variants().get(1).uri()).isEqualTo("audio.m3u8");
        }

        @Test
        void refusesWhatAPlayerCannotRead() {
            assertThatThrownBy(() -> HlsPlaylistParser.parseMedia("s.ts\n")).hasMessageContaining("line 1");
            assertThatThrownBy(() -> HlsPlaylistParser.parseMedia(LIVE.replace("#EXTINF:6.000,\ns10.ts", "s10.ts")))
                    .hasMessageContaining("line 7").hasMessageContaining("no EXTINF");
            assertThatThrownBy(() -> HlsPlaylistParser.parseMedia(LIVE.replace("#EXTINF:5.960,", "#EXTINF:abc,")))
                    .hasMessageContaining("line 12");
            assertThatThrownBy(() -> HlsPlaylistParser.parseMedia(LIVE.replace("#EXT-X-TARGETDURATION:6\n", "")))
                    .hasMessageContaining("EXT-X-TARGETDURATION");
        }
    }

    @Nested
    class DateRangeRules {

        /** An ad break of three segments airing, with its date range and cue (target 2, sequence 5). */
        static final String AD = lines(
                "#EXTM3U",                                                          // 1
                "#EXT-X-VERSION:3",                                                 // 2
                "#EXT-X-TARGETDURATION:2",                                          // 3
                "#EXT-X-MEDIA-SEQUENCE:5",                                          // 4
                "#EXT-X-DISCONTINUITY-SEQUENCE:0",                                  // 5
                "#EXT-X-PROGRAM-DATE-TIME:2026-11-21T20:00:10.000Z",                // 6
                "#EXT-X-DATERANGE:ID=\"ad-5\",START-DATE=\"2026-11-21T20:00:10.000Z\",PLANNED-DURATION=6.000,"
                        + "SCTE35-OUT=0xFC30",                                      // 7
                "#EXT-X-CUE-OUT:6.000",                                             // 8
                "#EXTINF:2.000,",                                                   // 9
                "ad0.ts",                                                           // 10
                "#EXTINF:2.000,",                                                   // 11
                "ad1.ts",                                                           // 12
                "#EXTINF:2.000,",                                                   // 13
                "ad2.ts");                                                          // 14

        /** AD one poll later: ad0 slid out, the programme is back, the range closed. */
        static final String AD_CLOSED = lines(
                "#EXTM3U",                                                          // 1
                "#EXT-X-VERSION:3",                                                 // 2
                "#EXT-X-TARGETDURATION:2",                                          // 3
                "#EXT-X-MEDIA-SEQUENCE:6",                                          // 4
                "#EXT-X-DISCONTINUITY-SEQUENCE:0",                                  // 5
                "#EXT-X-PROGRAM-DATE-TIME:2026-11-21T20:00:12.000Z",                // 6
                "#EXT-X-DATERANGE:ID=\"ad-5\",START-DATE=\"2026-11-21T20:00:10.000Z\",PLANNED-DURATION=6.000,"
                        + "DURATION=6.000,SCTE35-OUT=0xFC30,SCTE35-IN=0xFC31",      // 7
                "#EXT-X-CUE-OUT-CONT:ElapsedTime=2.000,Duration=6.000",             // 8
                "#EXTINF:2.000,",                                                   // 9
                "ad1.ts",                                                           // 10
                "#EXTINF:2.000,",                                                   // 11
                "ad2.ts",                                                           // 12
                "#EXT-X-DISCONTINUITY",                                             // 13
                "#EXT-X-CUE-IN",                                                    // 14
                "#EXTINF:2.000,",                                                   // 15
                "ep0.ts");                                                          // 16

        /** AD_CLOSED two polls later: the break has slid out, so its range [10 s, 16 s) ends where this starts. */
        static final String AD_GONE = lines(
                "#EXTM3U",
                "#EXT-X-VERSION:3",
                "#EXT-X-TARGETDURATION:2",
                "#EXT-X-MEDIA-SEQUENCE:8",
                "#EXT-X-DISCONTINUITY-SEQUENCE:0",
                "#EXT-X-DISCONTINUITY",
                "#EXT-X-PROGRAM-DATE-TIME:2026-11-21T20:00:16.000Z",
                "#EXTINF:2.000,",
                "ep0.ts",
                "#EXTINF:2.000,",
                "ep1.ts",
                "#EXTINF:2.000,",
                "ep2.ts");

        @Test
        void acceptsDateRangesAndCuesAcrossTheWholeBreak() {
            assertThat(HlsRules.mediaPlaylistViolations(AD)).isEmpty();
            assertThat(HlsRules.mediaPlaylistViolations(AD_CLOSED)).isEmpty();
            assertThat(HlsRules.successorViolations(AD, AD_CLOSED)).isEmpty();
            assertThat(HlsRules.successorViolations(AD_CLOSED, AD_GONE)).isEmpty();
            // The same ID twice in one playlist, agreeing where both say something (the RFC's OUT/IN pair).
            String pair = AD_CLOSED.replace("#EXT-X-CUE-IN\n", "#EXT-X-DATERANGE:ID=\"ad-5\",DURATION=6.000,"
                    + "START-DATE=\"2026-11-21T20:00:10.000Z\",SCTE35-IN=0xFC31\n");
            assertThat(HlsRules.mediaPlaylistViolations(pair)).isEmpty();
        }

        @Test
        void rejectsADateRangeWithoutIdOrStartDate() {
            assertViolation(HlsRules.mediaPlaylistViolations(AD.replace("ID=\"ad-5\",", "")), 7,
                    HlsRules.DATERANGE_ATTRIBUTES);
            assertViolation(HlsRules.mediaPlaylistViolations(AD.replace("ID=\"ad-5\"", "ID=ad-5")), 7,
                    HlsRules.DATERANGE_ATTRIBUTES);
            assertViolation(HlsRules.mediaPlaylistViolations(AD.replace("ID=\"ad-5\"", "ID=\"\"")), 7,
                    HlsRules.DATERANGE_ATTRIBUTES);
            assertViolation(HlsRules.mediaPlaylistViolations(
                    AD.replace("START-DATE=\"2026-11-21T20:00:10.000Z\",", "")), 7, HlsRules.DATERANGE_ATTRIBUTES);
            assertViolation(HlsRules.mediaPlaylistViolations(
                    AD.replace("\"2026-11-21T20:00:10.000Z\"", "2026-11-21T20:00:10.000Z")), 7,
                    HlsRules.DATERANGE_ATTRIBUTES);
            assertViolation(HlsRules.mediaPlaylistViolations(
                    AD.replace("\"2026-11-21T20:00:10.000Z\"", "\"yesterday\"")), 7, HlsRules.DATERANGE_ATTRIBUTES);
        }

        @Test
        void rejectsMalformedDateRangeAttributes() {
            assertViolation(HlsRules.mediaPlaylistViolations(AD.replace("PLANNED-DURATION=6.000", "PLANNED-DURATION=-6")),
                    7, HlsRules.DATERANGE_ATTRIBUTES);
            assertViolation(HlsRules.mediaPlaylistViolations(AD.replace("SCTE35-OUT=0xFC30", "SCTE35-OUT=FC30")), 7,
                    HlsRules.DATERANGE_ATTRIBUTES);
            assertViolation(HlsRules.mediaPlaylistViolations(AD.replace("SCTE35-OUT=0xFC30",
                    "END-DATE=\"2026-11-21T20:00:09.000Z\"")), 7, HlsRules.DATERANGE_ATTRIBUTES);
            assertViolation(HlsRules.mediaPlaylistViolations(AD.replace("SCTE35-OUT=0xFC30",
                    "DURATION=6.000,END-DATE=\"2026-11-21T20:00:17.000Z\"")), 7, HlsRules.DATERANGE_ATTRIBUTES);
            assertThat(HlsRules.mediaPlaylistViolations(AD.replace("SCTE35-OUT=0xFC30",
                    "DURATION=6.000,END-DATE=\"2026-11-21T20:00:16.000Z\""))).isEmpty();
            assertViolation(HlsRules.mediaPlaylistViolations(AD.replace("ID=\"ad-5\"", "ID=\"ad-5")), 7,
                    HlsRules.DATERANGE_ATTRIBUTES);
        }

        @Test
        void rejectsOneIdWithDisagreeingTags() {
            String twice = AD.replace("#EXT-X-CUE-OUT:6.000\n", "#EXT-X-DATERANGE:ID=\"ad-5\","
                    + "START-DATE=\"2026-11-21T20:00:12.000Z\"\n");
            List<String> violations = HlsRules.mediaPlaylistViolations(twice);

            assertViolation(violations, 8, HlsRules.DATERANGE_ONE_ID);
            assertThat(violations).singleElement().asString().contains("at line 7");
        }

        @Test
        void rejectsADateRangeInAPlaylistWithoutProgramDateTime() {
            String withoutPdt = AD.replace("#EXT-X-PROGRAM-DATE-TIME:2026-11-21T20:00:10.000Z\n", "");

            assertViolation(HlsRules.mediaPlaylistViolations(withoutPdt), 6,
                    HlsRules.DATERANGE_NEEDS_PROGRAM_DATE_TIME);
        }

        @Test
        void cuesAreToleratedButCueInTakesNoValue() {
            assertViolation(HlsRules.mediaPlaylistViolations(AD_CLOSED.replace("#EXT-X-CUE-IN", "#EXT-X-CUE-IN:1")),
                    14, HlsRules.TAG_VALUES);
            // Neither date ranges nor cues need more than version 3.
            assertViolation(HlsRules.mediaPlaylistViolations(AD_CLOSED.replace("#EXT-X-VERSION:3", "#EXT-X-VERSION:4")),
                    2, HlsRules.VERSION);
        }

        @Test
        void rejectsADateRangeThatChangesOrLosesAnAttributeAcrossPolls() {
            String changed = AD_CLOSED.replace("PLANNED-DURATION=6.000", "PLANNED-DURATION=8.000");
            assertThat(HlsRules.successorViolations(AD, changed)).singleElement().asString()
                    .startsWith("next line 7: [" + HlsRules.DATERANGE_STABLE + "]")
                    .contains("changed PLANNED-DURATION from 6.000 to 8.000");

            String lost = AD_CLOSED.replace("SCTE35-OUT=0xFC30,", "");
            assertThat(HlsRules.successorViolations(AD, lost)).singleElement().asString()
                    .startsWith("next line 7: [" + HlsRules.DATERANGE_STABLE + "]")
                    .contains("dropped SCTE35-OUT=0xFC30");
        }

        @Test
        void rejectsADateRangeDroppedWhileItsDatesMapIntoThePlaylist() {
            String dropped = AD_CLOSED.replace("#EXT-X-DATERANGE:ID=\"ad-5\",START-DATE=\"2026-11-21T20:00:10.000Z\","
                    + "PLANNED-DURATION=6.000,DURATION=6.000,SCTE35-OUT=0xFC30,SCTE35-IN=0xFC31\n", "");
            assertThat(HlsRules.mediaPlaylistViolations(dropped)).isEmpty();

            assertThat(HlsRules.successorViolations(AD, dropped)).singleElement().asString()
                    .startsWith("previous line 7: [" + HlsRules.DATERANGE_KEPT + "]")
                    .contains("is gone from next, whose segments span [2026-11-21T20:00:12Z, 2026-11-21T20:00:18Z)");
            // Without DURATION the range is open: it maps into every later playlist.
            assertThat(HlsRules.successorViolations(AD, AD_GONE)).singleElement().asString()
                    .contains(HlsRules.DATERANGE_KEPT).contains("[2026-11-21T20:00:10Z, open)");
        }

        @Test
        void theParserReadsDateRangesAndWhereTheyStand() {
            ParsedMediaPlaylist p = HlsPlaylistParser.parseMedia(AD_CLOSED);

            assertThat(p.dateRanges()).singleElement().satisfies(r -> {
                assertThat(r.id()).isEqualTo("ad-5");
                assertThat(r.line()).isEqualTo(7);
                assertThat(r.segmentIndex()).isZero();
                assertThat(r.startDate()).isEqualTo(Instant.parse("2026-11-21T20:00:10Z"));
                assertThat(r.decimal("DURATION")).isEqualByComparingTo("6");
                assertThat(r.attributes()).containsKeys("ID", "START-DATE", "PLANNED-DURATION", "DURATION",
                        "SCTE35-OUT", "SCTE35-IN");
                assertThat(r.attributes().get("ID")).isEqualTo("\"ad-5\"");
            });
            assertThat(HlsPlaylistParser.parseMedia(LIVE).dateRanges()).isEmpty();
        }
    }

    @Test
    void tagsNeedTheVersionsTheRfcGivesThem() {
        String map = lines("#EXTM3U", "#EXT-X-VERSION:5", "#EXT-X-TARGETDURATION:2", "#EXT-X-MEDIA-SEQUENCE:0",
                "#EXT-X-DISCONTINUITY-SEQUENCE:0", "#EXT-X-MAP:URI=\"init.mp4\"", "#EXTINF:2.000,", "a.m4s");
        String range = lines("#EXTM3U", "#EXT-X-VERSION:3", "#EXT-X-TARGETDURATION:2", "#EXT-X-MEDIA-SEQUENCE:0",
                "#EXT-X-DISCONTINUITY-SEQUENCE:0", "#EXTINF:2.000,", "#EXT-X-BYTERANGE:10@0", "a.ts");

        assertThat(HlsRules.mediaPlaylistViolations(map)).anyMatch(v -> v.contains("needs version 6"));
        assertThat(HlsRules.mediaPlaylistViolations(range)).anyMatch(v -> v.contains("needs version 4"));
        assertThat(HlsRules.mediaPlaylistViolations(map.replace("VERSION:5", "VERSION:6"))).isEmpty();
    }
}
