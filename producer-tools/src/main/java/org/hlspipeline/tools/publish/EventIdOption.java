package org.hlspipeline.tools.publish;

import java.util.Optional;

import org.hlspipeline.tools.cli.InputChecks;

import picocli.CommandLine.Option;

/** {@code --event-id}, the same optional option on each command that publishes one stream event. */
final class EventIdOption {

    @Option(names = "--event-id", paramLabel = "<id>", order = 8,
            description = "Optional id carried in the event for tracing, same pattern as the stream id.")
    String eventId;

    Optional<String> problem() {
        return eventId == null ? Optional.empty() : InputChecks.idProblem("event id", eventId);
    }
}
