package org.hlspipeline.queryapi.stream;

import java.util.Arrays;

import org.hlspipeline.processor.hls.RenditionType;
import org.hlspipeline.processor.rules.RenditionForm;
import org.hlspipeline.queryapi.http.Problems;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The JSON body of {@code PUT /streams/{id}/renditions/{r}}: what the master playlist says of the rendition, in
 * the fields of {@link RenditionForm} (see the README's API section).
 */
record RenditionRequest(String type, Long bandwidth, Long averageBandwidth, String resolution, String codecs,
                        Double frameRate, String audio, String subtitles, Boolean iFramesOnly, String groupId,
                        String name, String language, @JsonProperty("default") Boolean isDefault, Boolean autoselect,
                        Boolean forced, String channels, String characteristics) {

    /** The form, its type read; a type that is none of the three is a 400. */
    RenditionForm form() {
        RenditionType parsed = null;
        if (type != null) {
            parsed = Arrays.stream(RenditionType.values()).filter(t -> t.name().equals(type)).findFirst()
                    .orElseThrow(() -> Problems.badRequest("type must be VIDEO, AUDIO or SUBTITLES, was '"
                            + type + "'"));
        }
        return new RenditionForm(parsed, bandwidth, averageBandwidth, resolution, codecs, frameRate, audio,
                subtitles, iFramesOnly, groupId, name, language, isDefault, autoselect, forced, channels,
                characteristics);
    }
}
