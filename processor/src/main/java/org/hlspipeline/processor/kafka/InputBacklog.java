package org.hlspipeline.processor.kafka;

import java.util.OptionalLong;

/**
 * What an input partition held, unread by this application, when a task took it over: the offset of its last
 * record then. A task that takes over a partition (a standby promoted, an owner restarted) may have to read records
 * published while nobody owned it before the wall clock may decide anything (see docs/architecture.md, Time
 * model). The shell answers from the broker; tests answer what their scenario needs.
 */
@FunctionalInterface
public interface InputBacklog {

    /** Nothing known: a task trusts the wall clock once it has been quiet, as it always has. */
    InputBacklog NONE = (topic, partition) -> OptionalLong.empty();

    /**
     * The offset of the last record of {@code topic}'s {@code partition} past the application's committed
     * position, or empty when there is none or it cannot be known. Called once per task, from its stream thread.
     */
    OptionalLong lastUnread(String topic, int partition);
}
