package org.hlspipeline.processor.playout;

/** A command waiting for the boundary it takes effect at; {@code order} keeps arrival order among equal times. */
public record ScheduledCommand(long effectiveMicros, long order, PlayoutCommand command) {
}
