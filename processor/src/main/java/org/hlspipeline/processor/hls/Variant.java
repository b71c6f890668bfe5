package org.hlspipeline.processor.hls;

import java.util.Objects;

/**
 * One variant stream of a {@link MasterPlaylist} and the URI of its media playlist: an {@code EXT-X-STREAM-INF}
 * tag (RFC 8216 §4.3.4.2), or an {@code EXT-X-I-FRAME-STREAM-INF} tag (§4.3.4.3) when the description says
 * {@code iFramesOnly}.
 *
 * @param uri the media playlist URI, checked by {@link HlsText#uriProblem(String)}
 */
public record Variant(String uri, VariantDescription description) {

    public Variant {
        HlsText.uriProblem(uri).ifPresent(problem -> {
            throw new IllegalArgumentException("variant " + problem);
        });
        Objects.requireNonNull(description, "description");
    }

    /** A variant with only the required BANDWIDTH. */
    public static Variant of(String uri, long bandwidth) {
        return new Variant(uri, VariantDescription.of(bandwidth, null, null, null, null));
    }
}
