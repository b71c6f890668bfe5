package org.hlspipeline.tools.publish;

import java.util.Optional;

import org.hlspipeline.schemas.stream.StreamEvent;
import org.hlspipeline.tools.cli.InputChecks;
import org.hlspipeline.tools.cli.VersionProvider;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "end", sortOptions = false, mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "End a live stream (an EndOfStream event on hls.stream-events, keyed by the stream id): every "
                    + "rendition's playlist gets #EXT-X-ENDLIST, and later segments are dead-lettered with reason "
                    + "stream-ended. Ending a stream twice is harmless."
        },
        footer = {
            "",
            "Example:",
            "  producer-tools end --stream news --reason \"broadcast over\""
        })
public final class EndCommand extends PublishCommand {

    static final int MAX_REASON_LENGTH = 1024;

    @Option(names = "--stream", required = true, paramLabel = "<id>", order = 1,
            description = "Stream id: [A-Za-z0-9][A-Za-z0-9._-]{0,127}.")
    String stream;

    @Option(names = "--reason", paramLabel = "<text>", order = 2,
            description = "Why the stream ended, for the record (at most 1024 characters, one line).")
    String reason;

    @Mixin
    EventIdOption eventId;

    @Override
    Outgoing event() {
        check(InputChecks.idProblem("stream", stream),
                reasonProblem(reason),
                eventId.problem());
        StreamEvent event = StreamEvents.end(stream, eventId.eventId, reason);
        return new Outgoing(stream, event, "end of stream " + stream);
    }

    /**
     * The app takes any reason (it only keeps it for the record), so this check is the tool's own: a reason stays
     * one printable line of bounded length, which is what an operator reading the topic expects.
     */
    static Optional<String> reasonProblem(String reason) {
        if (reason == null) {
            return Optional.empty();
        }
        if (reason.length() > MAX_REASON_LENGTH) {
            return Optional.of("reason is " + reason.length() + " characters long, more than " + MAX_REASON_LENGTH);
        }
        for (int i = 0; i < reason.length(); i++) {
            char c = reason.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                return Optional.of("reason must not contain control characters or line breaks (U+"
                        + String.format("%04X", (int) c) + " at index " + i + ")");
            }
        }
        return Optional.empty();
    }
}
