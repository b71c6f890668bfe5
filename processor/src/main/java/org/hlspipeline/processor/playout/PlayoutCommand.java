package org.hlspipeline.processor.playout;

import java.util.List;

/** What a scheduler can tell a channel, in the domain's words; each takes effect at a segment boundary. */
public sealed interface PlayoutCommand {

    record Configure(ChannelConfig config) implements PlayoutCommand {
    }

    record Enqueue(List<Item> items, boolean next) implements PlayoutCommand {
    }

    record Replace(List<Item> items, boolean afterCurrent) implements PlayoutCommand {
    }

    record Interrupt(String id, List<Item> items, int priority, ResumePolicy policy) implements PlayoutCommand {
    }

    record Skip() implements PlayoutCommand {
    }

    record Remove(String itemId) implements PlayoutCommand {
    }

    record End(boolean afterCurrent) implements PlayoutCommand {
    }

    /** An emergency alert on this channel, from its start boundary until {@code endsAtMicros}. */
    record StartAlert(String alertId, List<Item> items, int priority, ResumePolicy after, long endsAtMicros)
            implements PlayoutCommand {
    }

    record CancelAlert(String alertId) implements PlayoutCommand {
    }
}
