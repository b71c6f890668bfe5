package org.hlspipeline.processor.hls;

import java.util.List;

/**
 * EXT-X-KEY, EXT-X-MAP and EXT-X-BYTERANGE for a media playlist, and the version they require. A key or a map
 * applies to every segment after it (RFC 8216 §4.3.2.4, §4.3.2.5), so each is written where it changes, and before
 * the window's first segment, which must state what is in force for it even after the tag that first declared it
 * has slid out. A map is written again after each discontinuity, where players reset their decoders. Gap
 * segments are never fetched, so they change nothing. See docs/hls-output.md, Initialisation sections, byte
 * ranges and keys.
 */
final class SegmentMediaTags {

    private InitSection map;
    private SegmentKey key;
    private boolean started;

    /**
     * The lowest EXT-X-VERSION the segments' tags allow (RFC 8216 §7), at least {@code base}; an I-frame playlist
     * takes 4 for EXT-X-I-FRAMES-ONLY, and its maps 5 rather than 6.
     */
    static int version(List<MediaSegment> segments, int base, boolean iFramesOnly) {
        int version = iFramesOnly ? Math.max(base, 4) : base;
        for (MediaSegment segment : segments) {
            SegmentMedia media = segment.media();
            if (media.isNone()) {
                continue;
            }
            if (media.byteRange() != null || (media.map() != null && media.map().byteRange() != null)) {
                version = Math.max(version, 4);
            }
            if (media.key() != null) {
                version = Math.max(version, media.key().requiredVersion());
            }
            if (media.map() != null) {
                version = Math.max(version, iFramesOnly ? 5 : 6);
            }
        }
        return version;
    }

    /** Writes the key and the map the segment needs, before its other tags; a gap changes nothing. */
    void appendBefore(StringBuilder out, MediaSegment segment) {
        if (segment.gap()) {
            return;
        }
        SegmentMedia media = segment.media();
        if (!started ? media.key() != null : !java.util.Objects.equals(key, media.key())) {
            appendKey(out, media.key());
        }
        if (media.map() != null && (!started || segment.discontinuity() || !media.map().equals(map))) {
            appendMap(out, media.map());
        }
        key = media.key();
        map = media.map();
        started = true;
    }

    /** EXT-X-BYTERANGE, between EXTINF and the URI. */
    static void appendByteRange(StringBuilder out, MediaSegment segment) {
        ByteRange range = segment.media().byteRange();
        if (range != null) {
            out.append("#EXT-X-BYTERANGE:").append(range.length()).append('@').append(range.offset()).append('\n');
        }
    }

    private static void appendKey(StringBuilder out, SegmentKey key) {
        if (key == null) {
            out.append("#EXT-X-KEY:METHOD=NONE\n");
            return;
        }
        appendKey(out, "#EXT-X-KEY:", key);
    }

    /** A key's attributes after {@code tag}: EXT-X-KEY and EXT-X-SESSION-KEY have the same (RFC 8216 §4.3.4.5). */
    static void appendKey(StringBuilder out, String tag, SegmentKey key) {
        out.append(tag).append("METHOD=").append(key.method()).append(",URI=\"").append(key.uri()).append('"');
        if (key.iv() != null) {
            out.append(",IV=").append(key.iv());
        }
        if (key.keyFormat() != null) {
            out.append(",KEYFORMAT=\"").append(key.keyFormat()).append('"');
        }
        if (key.keyFormatVersions() != null) {
            out.append(",KEYFORMATVERSIONS=\"").append(key.keyFormatVersions()).append('"');
        }
        out.append('\n');
    }

    private static void appendMap(StringBuilder out, InitSection map) {
        out.append("#EXT-X-MAP:URI=\"").append(map.uri()).append('"');
        if (map.byteRange() != null) {
            out.append(",BYTERANGE=\"").append(map.byteRange().text()).append('"');
        }
        out.append('\n');
    }
}
