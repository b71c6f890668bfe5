package org.hlspipeline.tools.asset;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.hlspipeline.processor.hls.ByteRange;
import org.hlspipeline.processor.hls.InitSection;
import org.hlspipeline.processor.hls.SegmentKey;
import org.hlspipeline.processor.rules.InputRules;
import org.hlspipeline.tools.cli.ToolFailure;
import org.hlspipeline.tools.hls.ParsedMediaPlaylist;
import org.hlspipeline.tools.hls.ParsedSegment;
import org.hlspipeline.tools.hls.PublishedUris;

/**
 * What a rendition's segments need besides their URIs, as an item rendition carries it: one initialisation
 * section (EXT-X-MAP), a byte range per segment or none (EXT-X-BYTERANGE, offsets stated, as the parser works them
 * out), and one key (EXT-X-KEY), URIs published as the segments' are. An item rendition has one map and one key,
 * so a playlist that changes either between segments is refused: cut it into two assets where it changes (see
 * docs/architecture.md, Command forms and producer-tools).
 *
 * @param ivSequence for a key whose IV is the media sequence number (RFC 8216 §5.2), the number of the first
 *                   segment, which the asset's {@code startNumber} must then be; else null
 */
record RenditionMedia(InitSection map, List<ByteRange> byteRanges, SegmentKey key, Long ivSequence) {

    /** Reads the media of every segment of {@code playlist}, which {@code location} names in messages. */
    static RenditionMedia of(String rendition, String location, String reference, ParsedMediaPlaylist playlist,
                             PublishedUris uris) throws ToolFailure {
        List<ParsedSegment> segments = playlist.segments();
        InitSection map = published(segments.get(0).map(), location, segments.get(0), reference, uris);
        SegmentKey key = published(segments.get(0).key(), location, segments.get(0), reference, uris);
        List<ByteRange> ranges = new ArrayList<>();
        boolean ranged = segments.get(0).segment().media().byteRange() != null;
        for (int i = 0; i < segments.size(); i++) {
            ParsedSegment segment = segments.get(i);
            String where = location + " line " + segment.line() + ": segment " + i + " of rendition " + rendition;
            if (!Objects.equals(published(segment.map(), location, segment, reference, uris), map)) {
                throw ToolFailure.input(where + " has another initialisation section (#EXT-X-MAP) than segment 0; "
                        + "an item rendition has one: make it two assets where it changes");
            }
            if (!Objects.equals(published(segment.key(), location, segment, reference, uris), key)) {
                throw ToolFailure.input(where + " has another key (#EXT-X-KEY) than segment 0; an item rendition "
                        + "has one: make it two assets where the key changes");
            }
            ByteRange range = segment.segment().media().byteRange();
            if ((range != null) != ranged) {
                throw ToolFailure.input(where + (ranged ? " is a whole resource" : " is a byte range")
                        + " but segment 0 is " + (ranged ? "a byte range" : "a whole resource")
                        + " (#EXT-X-BYTERANGE): an item rendition has byte ranges for every segment or none");
            }
            if (range != null) {
                ranges.add(range);
            }
        }
        return new RenditionMedia(map, ranges, key, key != null && key.ivIsSequence() ? playlist.sequenceOf(0)
                : null);
    }

    /** The descriptor's {@code map}, {@code byteRanges} and {@code key} of the rendition, as the JSON form has them. */
    void addTo(Map<String, Object> source) {
        if (map != null) {
            Map<String, Object> form = new LinkedHashMap<>();
            form.put("uri", map.uri());
            if (map.byteRange() != null) {
                form.put("byteRange", map.byteRange().text());
            }
            source.put("map", form);
        }
        if (!byteRanges.isEmpty()) {
            source.put("byteRanges", byteRanges.stream().map(ByteRange::text).toList());
        }
        if (key != null) {
            Map<String, Object> form = new LinkedHashMap<>();
            form.put("method", key.method());
            form.put("uri", key.uri());
            putIfSet(form, "iv", key.iv());
            putIfSet(form, "keyFormat", key.keyFormat());
            putIfSet(form, "keyFormatVersions", key.keyFormatVersions());
            source.put("key", form);
        }
    }

    private static void putIfSet(Map<String, Object> form, String field, String value) {
        if (value != null) {
            form.put(field, value);
        }
    }

    private static InitSection published(InitSection map, String location, ParsedSegment segment, String reference,
                                         PublishedUris uris) throws ToolFailure {
        return map == null ? null
                : new InitSection(uri(map.uri(), "map URI", location, segment, reference, uris), map.byteRange());
    }

    private static SegmentKey published(SegmentKey key, String location, ParsedSegment segment, String reference,
                                        PublishedUris uris) throws ToolFailure {
        if (key == null) {
            return null;
        }
        String uri = PublishedUris.keyPassesAsWritten(key.uri()) ? key.uri()
                : uri(key.uri(), "key URI", location, segment, reference, uris);
        return new SegmentKey(key.method(), uri, key.iv(), key.keyFormat(), key.keyFormatVersions());
    }

    /** A URI of the playlist as the descriptor publishes it, checked by the segment URI rule. */
    static String uri(String written, String what, String location, ParsedSegment segment, String reference,
                              PublishedUris uris) throws ToolFailure {
        String where = location + " line " + segment.line() + ": ";
        String uri;
        try {
            uri = uris.of(reference, written);
        } catch (IllegalArgumentException e) {
            throw ToolFailure.input(where + what + " " + e.getMessage());
        }
        Optional<String> problem = InputRules.uriProblem(uri);
        if (problem.isPresent()) {
            throw ToolFailure.input(where + what + " '" + uri + "' cannot be used: " + problem.get());
        }
        return uri;
    }
}
