package org.hlspipeline.processor.channel;

import org.hlspipeline.processor.kafka.DeadLetterReason;
import org.hlspipeline.processor.playout.ChannelSegment;

/** What the channel processor reports, for metrics; the application adapts it to its registry. */
public interface PlayoutListener {

    PlayoutListener NONE = new PlayoutListener() {
    };

    default void segmentAired(String channelId, ChannelSegment segment) {
    }

    default void commandApplied(String channelId, String commandType) {
    }

    default void duplicateCommand(String channelId, String commandId) {
    }

    default void deadLettered(DeadLetterReason reason, String detail) {
    }
}
