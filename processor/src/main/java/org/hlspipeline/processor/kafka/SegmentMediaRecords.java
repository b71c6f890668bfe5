package org.hlspipeline.processor.kafka;

import org.hlspipeline.processor.hls.ByteRange;
import org.hlspipeline.processor.hls.InitSection;
import org.hlspipeline.processor.hls.SegmentKey;
import org.hlspipeline.processor.hls.SegmentMedia;

/**
 * A segment's initialisation section, byte range and key between the pure model and the Avro records that carry
 * them: the stream events, the live windows, the window store, a channel item's renditions and the channel store
 * all use the same three records.
 */
public final class SegmentMediaRecords {

    private SegmentMediaRecords() {
    }

    /** @throws IllegalArgumentException when a value breaks a rule (the event check refuses those first) */
    public static SegmentMedia fromRecords(org.hlspipeline.schemas.stream.InitSection map,
                                           org.hlspipeline.schemas.stream.ByteRange byteRange,
                                           org.hlspipeline.schemas.stream.SegmentKey key) {
        if (map == null && byteRange == null && key == null) {
            return SegmentMedia.NONE;
        }
        return new SegmentMedia(initSection(map), byteRange(byteRange), key(key));
    }

    public static org.hlspipeline.schemas.stream.InitSection mapRecord(SegmentMedia media) {
        return initSectionRecord(media.map());
    }

    public static org.hlspipeline.schemas.stream.ByteRange byteRangeRecord(SegmentMedia media) {
        return byteRangeRecord(media.byteRange());
    }

    public static org.hlspipeline.schemas.stream.SegmentKey keyRecord(SegmentMedia media) {
        return keyRecord(media.key());
    }

    public static InitSection initSection(org.hlspipeline.schemas.stream.InitSection map) {
        return map == null ? null : new InitSection(map.getUri(), byteRange(map.getByteRange()));
    }

    public static org.hlspipeline.schemas.stream.InitSection initSectionRecord(InitSection map) {
        return map == null ? null : new org.hlspipeline.schemas.stream.InitSection(map.uri(),
                byteRangeRecord(map.byteRange()));
    }

    public static SegmentKey key(org.hlspipeline.schemas.stream.SegmentKey key) {
        return key == null ? null : new SegmentKey(key.getMethod(), key.getUri(), key.getIv(), key.getKeyFormat(),
                key.getKeyFormatVersions());
    }

    public static org.hlspipeline.schemas.stream.SegmentKey keyRecord(SegmentKey key) {
        return key == null ? null : new org.hlspipeline.schemas.stream.SegmentKey(key.method(), key.uri(), key.iv(),
                key.keyFormat(), key.keyFormatVersions());
    }

    public static ByteRange byteRange(org.hlspipeline.schemas.stream.ByteRange range) {
        return range == null ? null : new ByteRange(range.getLength(), range.getOffset());
    }

    public static org.hlspipeline.schemas.stream.ByteRange byteRangeRecord(ByteRange range) {
        return range == null ? null : new org.hlspipeline.schemas.stream.ByteRange(range.length(), range.offset());
    }
}
