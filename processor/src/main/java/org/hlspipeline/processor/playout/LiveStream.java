package org.hlspipeline.processor.playout;

import java.util.Objects;

/** A live stream relayed into a channel, until its end or {@code maxDurationMicros} (0: no limit). */
public record LiveStream(String streamId, long maxDurationMicros) implements SegmentSource {

    public LiveStream {
        Objects.requireNonNull(streamId, "streamId");
        if (maxDurationMicros < 0) {
            throw new IllegalArgumentException("maxDuration must be >= 0");
        }
    }
}
