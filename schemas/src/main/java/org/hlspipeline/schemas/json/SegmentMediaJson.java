package org.hlspipeline.schemas.json;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.hlspipeline.schemas.stream.ByteRange;
import org.hlspipeline.schemas.stream.InitSection;
import org.hlspipeline.schemas.stream.SegmentKey;

import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON forms of an initialisation section, a byte range and a key, read into the Avro records that carry them
 * and written back: one reader for a segment's {@code map}, {@code byteRange} and {@code key} (the HTTP segment
 * form) and for a VOD item rendition's {@code map}, {@code byteRanges} and {@code key} (see docs/input-rules.md,
 * JSON forms). Only the form is read here; what the values must be is the rules' part.
 *
 * <ul>
 *   <li>{@code "map": {"uri": "init.mp4", "byteRange": "720@0"}}, the byte range optional;</li>
 *   <li>a byte range is the text {@code <length>@<offset>} in bytes, the offset always given;</li>
 *   <li>{@code "key": {"method": "AES-128", "uri": "...", "iv": "0x...", "keyFormat": "...",
 *       "keyFormatVersions": "1"}}, method and uri required.</li>
 * </ul>
 */
public final class SegmentMediaJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern NUMBER = Pattern.compile("\\d{1,18}");

    private SegmentMediaJson() {
    }

    /**
     * Reads {@code <length>@<offset>}.
     *
     * @param name the field, as the message names it
     * @throws IllegalArgumentException naming the field when the text is not one
     */
    public static ByteRange byteRange(String name, String text) {
        String[] parts = text == null ? new String[0] : text.split("@", -1);
        if (parts.length != 2 || !NUMBER.matcher(parts[0]).matches() || !NUMBER.matcher(parts[1]).matches()) {
            throw new InvalidCommandException(name, name + " must be <length>@<offset> in bytes, e.g. 720@0, was '"
                    + text + "'");
        }
        return new ByteRange(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
    }

    /** An initialisation section; {@code byteRange} is the text of its range, or null. */
    public static InitSection map(String name, String uri, String byteRange) {
        return new InitSection(uri, byteRange == null ? null : byteRange(name + ".byteRange", byteRange));
    }

    public static SegmentKey key(String method, String uri, String iv, String keyFormat, String keyFormatVersions) {
        return new SegmentKey(method, uri, iv, keyFormat, keyFormatVersions);
    }

    /** The object {@code map} of {@code json}, or null when it is left out. */
    static InitSection map(JsonFields json) {
        JsonFields map = json.object("map", false);
        if (map == null) {
            return null;
        }
        map.only("uri", "byteRange");
        return map(map.path(), map.string("uri", true), map.string("byteRange", false));
    }

    /** The array {@code field} of byte range texts, or an empty list when it is left out. */
    static List<ByteRange> byteRanges(JsonFields json, String field) {
        List<ByteRange> ranges = json.array(field, false, (element, path) -> byteRange(path,
                JsonFields.Element.string().read(element, path)));
        return ranges == null ? new ArrayList<>() : ranges;
    }

    /** The object {@code key} of {@code json}, or null when it is left out. */
    static SegmentKey key(JsonFields json) {
        JsonFields key = json.object("key", false);
        if (key == null) {
            return null;
        }
        key.only("method", "uri", "iv", "keyFormat", "keyFormatVersions");
        return key(key.string("method", true), key.string("uri", true), key.string("iv", false),
                key.string("keyFormat", false), key.string("keyFormatVersions", false));
    }

    /** As {@link #byteRange} reads it. */
    public static String text(ByteRange range) {
        return range.getLength() + "@" + range.getOffset();
    }

    static ObjectNode mapForm(InitSection map) {
        ObjectNode form = NODES.objectNode();
        form.put("uri", map.getUri());
        if (map.getByteRange() != null) {
            form.put("byteRange", text(map.getByteRange()));
        }
        return form;
    }

    static ObjectNode keyForm(SegmentKey key) {
        ObjectNode form = NODES.objectNode();
        form.put("method", key.getMethod());
        form.put("uri", key.getUri());
        if (key.getIv() != null) {
            form.put("iv", key.getIv());
        }
        if (key.getKeyFormat() != null) {
            form.put("keyFormat", key.getKeyFormat());
        }
        if (key.getKeyFormatVersions() != null) {
            form.put("keyFormatVersions", key.getKeyFormatVersions());
        }
        return form;
    }
}
