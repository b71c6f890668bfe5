package org.hlspipeline.processor.playout;

import java.util.List;

/**
 * Where one rendition of a VOD asset's segments are: a URI template ({@code {n}} is the segment number) or an
 * explicit list, one URI per segment.
 */
public record RenditionUris(String template, List<String> uris) {

    public RenditionUris {
        uris = uris == null ? List.of() : List.copyOf(uris);
        if ((template == null) == uris.isEmpty()) {
            throw new IllegalArgumentException("give either a uriTemplate or a list of uris");
        }
        if (template != null && !template.contains("{n}")) {
            throw new IllegalArgumentException("uriTemplate must contain {n}: " + template);
        }
    }

    public static RenditionUris template(String template) {
        return new RenditionUris(template, List.of());
    }

    /** The URI of the segment at {@code index} (0-based in the asset), numbered {@code number}. */
    public String uri(int index, long number) {
        return template != null ? template.replace("{n}", Long.toString(number)) : uris.get(index);
    }
}
