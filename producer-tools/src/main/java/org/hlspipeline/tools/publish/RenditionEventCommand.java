package org.hlspipeline.tools.publish;

import java.util.List;
import java.util.Optional;

import org.hlspipeline.schemas.stream.StreamEvent;

import picocli.CommandLine.Mixin;

/**
 * A command that publishes one event about one rendition of a live stream ({@code segment},
 * {@code rendition-info}): keyed by the stream id, so that the stream's events stay in order on one partition.
 */
abstract class RenditionEventCommand extends PublishCommand {

    @Mixin
    StreamRendition target;

    @Mixin
    EventIdOption eventId;

    /** Problems with this command's own options, checked after the stream and rendition, before the event id. */
    abstract List<Optional<String>> problems();

    abstract StreamEvent event(String stream, String rendition, String eventId);

    /** How the one-line report names the event, given {@code stream/rendition}. */
    abstract String description(String streamRendition);

    @Override
    final Outgoing event() {
        check(target.streamProblem(), target.renditionProblem());
        problems().forEach(this::check);
        check(eventId.problem());
        return new Outgoing(target.stream, event(target.stream, target.rendition, eventId.eventId),
                description(target.stream + "/" + target.rendition));
    }
}
