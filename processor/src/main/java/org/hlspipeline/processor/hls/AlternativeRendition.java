package org.hlspipeline.processor.hls;

import java.util.Objects;

/**
 * One member of an AUDIO or SUBTITLES group of a {@link MasterPlaylist} and the URI of its media playlist: an
 * {@code EXT-X-MEDIA} tag (RFC 8216 §4.3.4.1).
 *
 * @param uri the media playlist URI, checked by {@link HlsText#uriProblem(String)}
 */
public record AlternativeRendition(String uri, AlternativeDescription description) {

    public AlternativeRendition {
        HlsText.uriProblem(uri).ifPresent(problem -> {
            throw new IllegalArgumentException("alternative rendition " + problem);
        });
        Objects.requireNonNull(description, "description");
    }
}
