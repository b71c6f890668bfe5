package org.hlspipeline.queryapi.stream;

import java.math.BigDecimal;
import java.time.Instant;

import org.hlspipeline.processor.hls.ByteRange;
import org.hlspipeline.queryapi.http.Problems;
import org.hlspipeline.schemas.stream.InitSection;
import org.hlspipeline.schemas.stream.SegmentKey;

/**
 * The JSON body of {@code POST /streams/{id}/renditions/{r}/segments}: sequence, duration (seconds as a decimal)
 * and path, the optional program date-time and discontinuity flag, and for fMP4/CMAF and encrypted segments the
 * optional {@code map} ({@code {"uri", "byteRange": "720@0"}}), {@code byteRange} and {@code key}
 * ({@code {"method", "uri", "iv", "keyFormat", "keyFormatVersions"}}).
 */
record SegmentRequest(Long sequence, BigDecimal duration, String path, Instant programDateTime,
                      Boolean discontinuity, Map map, String byteRange, Key key) {

    record Map(String uri, String byteRange) {
    }

    record Key(String method, String uri, String iv, String keyFormat, String keyFormatVersions) {
    }

    InitSection mapRecord() {
        return map == null ? null : new InitSection(map.uri(), range("map.byteRange", map.byteRange()));
    }

    org.hlspipeline.schemas.stream.ByteRange byteRangeRecord() {
        return range("byteRange", byteRange);
    }

    SegmentKey keyRecord() {
        return key == null ? null : new SegmentKey(key.method(), key.uri(), key.iv(), key.keyFormat(),
                key.keyFormatVersions());
    }

    /** The text form {@code <length>@<offset>}; its rules are the record's, checked with the rest. */
    private static org.hlspipeline.schemas.stream.ByteRange range(String name, String text) {
        if (text == null) {
            return null;
        }
        try {
            ByteRange range = ByteRange.parse(name, text);
            return new org.hlspipeline.schemas.stream.ByteRange(range.length(), range.offset());
        } catch (IllegalArgumentException e) {
            throw Problems.badRequest(e.getMessage());
        }
    }
}
