package org.hlspipeline.queryapi.stream;

import java.math.BigDecimal;
import java.time.Instant;

import org.hlspipeline.queryapi.http.Problems;
import org.hlspipeline.schemas.json.SegmentMediaJson;
import org.hlspipeline.schemas.stream.InitSection;
import org.hlspipeline.schemas.stream.SegmentKey;

/**
 * The JSON body of {@code POST /streams/{id}/renditions/{r}/segments}: sequence, duration (seconds as a decimal)
 * and path, the optional program date-time and discontinuity flag, and for fMP4/CMAF and encrypted segments the
 * optional {@code map} ({@code {"uri", "byteRange": "720@0"}}), {@code byteRange} and {@code key}
 * ({@code {"method", "uri", "iv", "keyFormat", "keyFormatVersions"}}), read by {@link SegmentMediaJson} as a
 * channel item's renditions are.
 */
record SegmentRequest(Long sequence, BigDecimal duration, String path, Instant programDateTime,
                      Boolean discontinuity, Map map, String byteRange, Key key) {

    record Map(String uri, String byteRange) {
    }

    record Key(String method, String uri, String iv, String keyFormat, String keyFormatVersions) {
    }

    InitSection mapRecord() {
        return map == null ? null : form(() -> SegmentMediaJson.map("map", map.uri(), map.byteRange()));
    }

    org.hlspipeline.schemas.stream.ByteRange byteRangeRecord() {
        return byteRange == null ? null : form(() -> SegmentMediaJson.byteRange("byteRange", byteRange));
    }

    SegmentKey keyRecord() {
        return key == null ? null : SegmentMediaJson.key(key.method(), key.uri(), key.iv(), key.keyFormat(),
                key.keyFormatVersions());
    }

    /** The form's text, read as every JSON form reads it; its rules are the record's, checked with the rest. */
    private static <T> T form(java.util.function.Supplier<T> read) {
        try {
            return read.get();
        } catch (IllegalArgumentException e) {
            throw Problems.badRequest(e.getMessage());
        }
    }
}
