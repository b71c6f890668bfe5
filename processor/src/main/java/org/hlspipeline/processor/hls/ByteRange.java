package org.hlspipeline.processor.hls;

import java.util.Optional;

/**
 * A sub-range of a resource, as EXT-X-BYTERANGE and EXT-X-MAP's BYTERANGE write it (RFC 8216 §4.3.2.2,
 * §4.3.2.5). The offset is always written: a range without one starts after the previous segment's, which a live
 * window may already have dropped (see docs/hls-output.md, Initialisation sections, byte ranges and keys).
 */
public record ByteRange(long length, long offset) {

    public ByteRange {
        problem("byteRange", length, offset).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
    }

    /** Why these are not a byte range, or empty: a length greater than 0 and an offset not negative. */
    public static Optional<String> problem(String name, long length, long offset) {
        if (length <= 0) {
            return Optional.of(name + " length must be greater than 0, was " + length);
        }
        if (offset < 0) {
            return Optional.of(name + " offset must not be negative, was " + offset);
        }
        return Optional.empty();
    }

    /** As the tags write it: {@code 720@0}. */
    public String text() {
        return length + "@" + offset;
    }
}
