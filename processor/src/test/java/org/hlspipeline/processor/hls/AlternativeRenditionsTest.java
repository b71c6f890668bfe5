package org.hlspipeline.processor.hls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Master playlists with groups of alternative renditions, I-frame playlists and session keys. The expected text is
 * written from RFC 8216 §4.3.4.1 to §4.3.4.5, and each playlist also passes the test-side checker.
 */
class AlternativeRenditionsTest {

    private static final AlternativeDescription ENGLISH = new AlternativeDescription(RenditionType.AUDIO, "aac",
            "English", "en", true, true, false, "2", null);
    private static final AlternativeDescription GERMAN = new AlternativeDescription(RenditionType.AUDIO, "aac",
            "Deutsch", "de", false, true, false, "2", null);
    private static final AlternativeDescription FORCED = new AlternativeDescription(RenditionType.SUBTITLES, "subs",
            "English (forced)", "en", false, false, true, null, null);
    private static final VariantDescription HD = new VariantDescription(2_500_000, null, "1280x720",
            "avc1.4d401f,mp4a.40.2", null, "aac", "subs", false);
    private static final VariantDescription TRICK = new VariantDescription(200_000, null, "1280x720", "avc1.4d401f",
            null, null, null, true);

    private static Map<String, RenditionDescription> ladder(Object... nameAndDescription) {
        Map<String, RenditionDescription> ladder = new LinkedHashMap<>();
        for (int i = 0; i < nameAndDescription.length; i += 2) {
            ladder.put((String) nameAndDescription[i], (RenditionDescription) nameAndDescription[i + 1]);
        }
        return ladder;
    }

    private static MasterPlaylist listing(Map<String, RenditionDescription> ladder, List<SegmentKey> keys) {
        return MasterPlaylist.listing(ladder, name -> name + ".m3u8", keys).orElseThrow();
    }

    @Test
    void groupsComeBeforeTheVariantsThatNameThemAndIFramePlaylistsLast() {
        String text = PlaylistRenderer.renderMaster(listing(ladder("720p", HD, "trick", TRICK, "en", ENGLISH,
                "de", GERMAN, "forced", FORCED), List.of()));

        assertThat(text).isEqualTo("""
                #EXTM3U
                #EXT-X-VERSION:4
                #EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="aac",NAME="English",LANGUAGE="en",DEFAULT=YES,AUTOSELECT=YES,\
                CHANNELS="2",URI="en.m3u8"
                #EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="aac",NAME="Deutsch",LANGUAGE="de",AUTOSELECT=YES,CHANNELS="2",\
                URI="de.m3u8"
                #EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID="subs",NAME="English (forced)",LANGUAGE="en",FORCED=YES,\
                URI="forced.m3u8"
                #EXT-X-STREAM-INF:BANDWIDTH=2500000,RESOLUTION=1280x720,CODECS="avc1.4d401f,mp4a.40.2",AUDIO="aac",\
                SUBTITLES="subs"
                720p.m3u8
                #EXT-X-I-FRAME-STREAM-INF:BANDWIDTH=200000,RESOLUTION=1280x720,CODECS="avc1.4d401f",URI="trick.m3u8"
                """);
        HlsRules.assertValidMasterPlaylist(text);
    }

    @Test
    void aVariantWaitsForItsGroupAndAGroupNoListedVariantNamesIsLeftOut() {
        MasterPlaylist withoutAudio = listing(ladder("720p", HD, "sd", VariantDescription.of(800_000, null, null,
                null, null), "forced", FORCED), List.of());

        assertThat(withoutAudio.variants()).extracting(Variant::uri).containsExactly("sd.m3u8");
        assertThat(withoutAudio.alternatives()).isEmpty();
        assertThat(PlaylistRenderer.renderMaster(withoutAudio)).doesNotContain("EXT-X-VERSION");
        assertThat(MasterPlaylist.listing(ladder("720p", HD, "trick", TRICK), n -> n, List.of())).isEmpty();
    }

    @Test
    void sessionKeysTakeTheVersionTheirAttributesNeed() {
        SegmentKey fairPlay = new SegmentKey("SAMPLE-AES", "skd://key-1", null, "com.apple.streamingkeydelivery",
                "1");
        String text = PlaylistRenderer.renderMaster(listing(ladder("sd", VariantDescription.of(800_000, null, null,
                null, null)), List.of(fairPlay)));

        assertThat(text).isEqualTo("""
                #EXTM3U
                #EXT-X-VERSION:5
                #EXT-X-SESSION-KEY:METHOD=SAMPLE-AES,URI="skd://key-1",KEYFORMAT="com.apple.streamingkeydelivery",\
                KEYFORMATVERSIONS="1"
                #EXT-X-STREAM-INF:BANDWIDTH=800000
                sd.m3u8
                """);
        HlsRules.assertValidMasterPlaylist(text);
    }

    @Test
    void aGroupKeepsItsNamesApartAndOneDefault() {
        Map<String, RenditionDescription> described = ladder("en", ENGLISH);

        assertThat(RenditionGroups.joiningProblem(described, "en2", new AlternativeDescription(RenditionType.AUDIO,
                "aac", "English", null, false, false, false, null, null)))
                .hasValue("AUDIO group 'aac' already has a rendition named 'English' ('en'); names are unique in a "
                        + "group (RFC 8216 §4.3.4.1.1)");
        assertThat(RenditionGroups.joiningProblem(described, "de", new AlternativeDescription(RenditionType.AUDIO,
                "aac", "Deutsch", null, true, true, false, null, null)))
                .hasValue("AUDIO group 'aac' already has a default rendition ('en'); a group has at most one "
                        + "(RFC 8216 §4.3.4.1.1)");
        // Describing a rendition again replaces it; a SUBTITLES group of the same id is another group.
        assertThat(RenditionGroups.joiningProblem(described, "en", ENGLISH)).isEmpty();
        assertThat(RenditionGroups.joiningProblem(described, "subs-en", new AlternativeDescription(
                RenditionType.SUBTITLES, "aac", "English", "en", true, true, false, null, null))).isEmpty();
    }

    @Test
    void aLadderDescribedAtOnceNeedsEveryGroupItNamesAndNoGroupItDoesNot() {
        assertThat(RenditionGroups.completeProblem(ladder("720p", HD, "en", ENGLISH)))
                .hasValue("rendition '720p' names subtitles group 'subs', which has no SUBTITLES rendition");
        assertThat(RenditionGroups.completeProblem(ladder("sd", VariantDescription.of(800_000, null, null, null,
                null), "en", ENGLISH)))
                .hasValue("no VIDEO rendition names AUDIO group 'aac' (rendition 'en'), so no variant can use it");
        assertThat(RenditionGroups.completeProblem(ladder("trick", TRICK)))
                .hasValue("a ladder needs at least one VIDEO rendition that is not iFramesOnly");
        assertThat(RenditionGroups.completeProblem(ladder("720p", HD, "en", ENGLISH, "forced", FORCED))).isEmpty();
    }

    @Test
    void theModelRefusesWhatTheRulesRefuse() {
        assertThatThrownBy(() -> new AlternativeDescription(RenditionType.AUDIO, "aac", "English", "en", false,
                false, true, null, null)).hasMessage("forced is only for SUBTITLES renditions (RFC 8216 §4.3.4.1)");
        assertThatThrownBy(() -> new AlternativeDescription(RenditionType.SUBTITLES, "s", "English", "english!",
                false, false, false, null, null)).hasMessageStartingWith("language must be an RFC 5646 tag");
        assertThatThrownBy(() -> new VariantDescription(1, null, null, null, 25.0, null, null, true))
                .hasMessageStartingWith("an iFramesOnly rendition has no frameRate, audio or subtitles");
        assertThatThrownBy(() -> new MasterPlaylist(List.of(new Variant("v.m3u8", HD))))
                .hasMessageContaining("names audio group 'aac', which has no AUDIO rendition");
    }

    @Test
    void theCheckerCatchesASecondSessionKeyAndAnIFrameVariantWithAudio() {
        assertThat(HlsRules.masterPlaylistViolations("""
                #EXTM3U
                #EXT-X-SESSION-KEY:METHOD=AES-128,URI="k1"
                #EXT-X-SESSION-KEY:METHOD=AES-128,URI="k1"
                #EXT-X-STREAM-INF:BANDWIDTH=1
                v.m3u8
                #EXT-X-I-FRAME-STREAM-INF:BANDWIDTH=1,AUDIO="aac",URI="i.m3u8"
                """)).anyMatch(v -> v.contains("a second session key with this URI"))
                .anyMatch(v -> v.contains("AUDIO is not an EXT-X-I-FRAME-STREAM-INF attribute"));
    }
}
