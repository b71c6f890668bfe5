package org.hlspipeline.tools.publish;

import java.util.Optional;

import org.hlspipeline.tools.cli.InputChecks;

import picocli.CommandLine.Option;

/** The stream and rendition a single-event command publishes for: the same two options on each such command. */
final class StreamRendition {

    @Option(names = "--stream", required = true, paramLabel = "<id>", order = 1,
            description = "Stream id: [A-Za-z0-9][A-Za-z0-9._-]{0,127}.")
    String stream;

    @Option(names = "--rendition", required = true, paramLabel = "<name>", order = 2,
            description = "Rendition name, same pattern as the stream id (e.g. 720p).")
    String rendition;

    Optional<String> streamProblem() {
        return InputChecks.idProblem("stream", stream);
    }

    Optional<String> renditionProblem() {
        return InputChecks.idProblem("rendition", rendition);
    }
}
