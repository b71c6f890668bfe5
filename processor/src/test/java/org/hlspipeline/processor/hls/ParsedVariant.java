package org.hlspipeline.processor.hls;

import java.util.Map;

/**
 * One EXT-X-STREAM-INF of a master playlist (test fixture, see {@link HlsPlaylistParser}).
 *
 * @param uri        the URI line after the tag
 * @param attributes the attribute list in order, values as written (quoted-strings keep their quotes)
 * @param line       the 1-based line number of the EXT-X-STREAM-INF tag
 */
public record ParsedVariant(String uri, Map<String, String> attributes, int line) {

    public ParsedVariant {
        attributes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(attributes));
    }

    /** The attribute's value with the quotes of a quoted-string removed, or null when absent. */
    public String attribute(String name) {
        String value = attributes.get(name);
        if (value != null && value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }
}
