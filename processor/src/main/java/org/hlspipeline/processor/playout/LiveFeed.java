package org.hlspipeline.processor.playout;

import java.util.List;
import java.util.Optional;

/**
 * What a channel can see of live streams when it relays one: their contiguous segments, as the stream windows
 * hold them. The engine asks, and never knows where the answer comes from (a store in the processor, a map in
 * a test).
 */
public interface LiveFeed {

    /** No stream is visible: a live item waits, and fills in after a stall. */
    LiveFeed NONE = new LiveFeed() {
        @Override
        public Optional<LiveSegment> segment(String streamId, long sequence, List<String> renditions) {
            return Optional.empty();
        }

        @Override
        public Optional<Span> span(String streamId, List<String> renditions) {
            return Optional.empty();
        }

        @Override
        public boolean ended(String streamId) {
            return false;
        }
    };

    /** Segment {@code sequence} of the stream, once every one of {@code renditions} shows it. */
    Optional<LiveSegment> segment(String streamId, long sequence, List<String> renditions);

    /** The sequences every one of {@code renditions} shows, oldest to newest, if any. */
    Optional<Span> span(String streamId, List<String> renditions);

    /** Whether the stream has ended: no segment will follow the last one shown. */
    boolean ended(String streamId);

    record Span(long oldest, long newest) {
    }
}
