package org.hlspipeline.tools;

import java.util.Optional;

import org.hlspipeline.schemas.stream.EndOfStream;
import org.hlspipeline.schemas.stream.StreamEvent;

import picocli.CommandLine.Command;
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
final class EndCommand extends PublishCommand {

    @Option(names = "--stream", required = true, paramLabel = "<id>", order = 1,
            description = "Stream id: [A-Za-z0-9][A-Za-z0-9._-]{0,127}.")
    String stream;

    @Option(names = "--reason", paramLabel = "<text>", order = 2,
            description = "Why the stream ended, for the record (at most 1024 characters, one line).")
    String reason;

    @Option(names = "--event-id", paramLabel = "<id>", order = 3,
            description = "Optional id carried in the event for tracing, same pattern as the stream id.")
    String eventId;

    @Override
    Outgoing event() {
        check(EventRules.idProblem("stream", stream),
                EventRules.reasonProblem(reason),
                eventId == null ? Optional.empty() : EventRules.idProblem("event id", eventId));
        StreamEvent event = StreamEvent.newBuilder()
                .setStreamId(stream)
                .setEventId(eventId)
                .setPayload(EndOfStream.newBuilder().setReason(reason).build())
                .build();
        return new Outgoing(stream, event, "end of stream " + stream);
    }
}
