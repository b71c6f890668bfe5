package org.hlspipeline.processor.hls;

import java.util.Optional;

/**
 * The Media Initialization Section a segment needs (EXT-X-MAP, RFC 8216 §4.3.2.5): the fMP4/CMAF init segment of
 * its rendition, or a sub-range of a resource.
 *
 * @param byteRange the sub-range of {@code uri}, or null for the whole resource
 */
public record InitSection(String uri, ByteRange byteRange) {

    public InitSection {
        problem(uri, byteRange).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
    }

    /** Why this is not an initialisation section's URI: the segment URI rule, and a quoted-string's. */
    public static Optional<String> problem(String uri, ByteRange byteRange) {
        Optional<String> problem = HlsText.uriProblem(uri).map(p -> "map " + p);
        return problem.isPresent() ? problem : HlsText.quotedStringProblem("map URI", uri);
    }
}
