package org.hlspipeline.tools.hls;

import org.hlspipeline.processor.hls.RenditionType;
import org.hlspipeline.processor.rules.RenditionForm;

/**
 * An {@code EXT-X-MEDIA} of a master playlist (an alternative audio, video, subtitle or caption rendition, RFC 8216
 * 4.3.4.1), its attributes as written; YES/NO attributes are true only when YES.
 *
 * @param uri null when the rendition is in the variants' own media (or for CLOSED-CAPTIONS)
 */
public record AlternateRendition(int line, String type, String groupId, String name, String uri, String language,
                                 boolean isDefault, boolean autoselect, boolean forced, String channels,
                                 String characteristics) implements ParsedRendition {

    /** An AUDIO or SUBTITLES rendition with a media playlist of its own, which the pipeline can list. */
    public boolean followable() {
        return uri != null && ("AUDIO".equals(type) || "SUBTITLES".equals(type));
    }

    /** Its description as the pipeline's rules take it; only for a {@link #followable()} one. */
    public RenditionForm form() {
        return new RenditionForm(RenditionType.valueOf(type), null, null, null, null, null, null, null, null,
                groupId, name, language, isDefault, autoselect, forced, channels, characteristics);
    }
}
