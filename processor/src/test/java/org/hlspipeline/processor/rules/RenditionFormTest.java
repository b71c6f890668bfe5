package org.hlspipeline.processor.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.hlspipeline.processor.hls.AlternativeDescription;
import org.hlspipeline.processor.hls.RenditionType;
import org.hlspipeline.processor.hls.VariantDescription;
import org.junit.jupiter.api.Test;

/** One form for every input that describes a rendition, and its rules (docs/input-rules.md, Renditions). */
class RenditionFormTest {

    private static RenditionForm audio(String groupId, String name, String language, Boolean forced,
                                       String channels, String characteristics) {
        return new RenditionForm(RenditionType.AUDIO, null, null, null, null, null, null, null, null, groupId, name,
                language, null, null, forced, channels, characteristics);
    }

    @Test
    void eachTypeTakesItsOwnFieldsOnly() {
        assertThat(new RenditionForm(null, 1_000_000L, null, null, null, null, null, null, null, "aac", null, null,
                null, null, null, null, null).problem())
                .hasValue("groupId is for AUDIO and SUBTITLES renditions, not VIDEO");
        assertThat(new RenditionForm(RenditionType.SUBTITLES, null, null, null, "wvtt", null, null, null, null,
                "subs", "English", null, null, null, null, null, null).problem())
                .hasValueSatisfying(p -> assertThat(p).startsWith("codecs is for VIDEO renditions, not SUBTITLES"));
        assertThat(RenditionForm.variant(null, null, null, null, null).problem())
                .hasValue("bandwidth is required for a VIDEO rendition");
    }

    @Test
    void anAlternativeNeedsAGroupAndANameAndWellFormedAttributes() {
        assertThat(audio(null, "English", null, null, null, null).problem())
                .hasValue("groupId is required for AUDIO and SUBTITLES renditions");
        assertThat(audio("aac", null, null, null, null, null).problem())
                .hasValue("name is required for AUDIO and SUBTITLES renditions (EXT-X-MEDIA NAME)");
        assertThat(audio("a a c", "English", null, null, null, null).problem())
                .hasValue("groupId must be a group id of 1 to 64 letters, digits, '.', '_' or '-'");
        assertThat(audio("aac", "Eng\"lish", null, null, null, null).problem()).hasValueSatisfying(p ->
                assertThat(p).startsWith("name contains a double quote"));
        assertThat(audio("aac", "English", "en_US", null, null, null).problem()).hasValueSatisfying(p ->
                assertThat(p).startsWith("language must be an RFC 5646 tag"));
        assertThat(audio("aac", "English", "en", true, null, null).problem())
                .hasValue("forced is only for SUBTITLES renditions (RFC 8216 §4.3.4.1)");
        assertThat(audio("aac", "English", "en", null, "stereo", null).problem()).hasValueSatisfying(p ->
                assertThat(p).startsWith("channels must start with the channel count"));
        assertThat(audio("aac", "English", "en", null, "6", "public.accessibility describes-video").problem())
                .hasValueSatisfying(p -> assertThat(p).startsWith("characteristics must be Uniform Type"));
        assertThat(audio("aac", "Audio description", "en-GB", null, "16/JOC",
                "public.accessibility.describes-video").problem()).isEmpty();
    }

    @Test
    void aDescriptionReadsBackAsTheFormThatGaveIt() {
        VariantDescription variant = new VariantDescription(2_500_000, 2_000_000L, "1280x720", "avc1.4d401f",
                25.0, "aac", "subs", false);
        AlternativeDescription alternative = new AlternativeDescription(RenditionType.SUBTITLES, "subs", "English",
                "en", true, true, true, null, "public.accessibility.transcribes-spoken-dialog");

        assertThat(RenditionForm.of(variant).description()).isEqualTo(variant);
        assertThat(RenditionForm.of(alternative).description()).isEqualTo(alternative);
    }
}
