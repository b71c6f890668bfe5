package org.hlspipeline.tools.publish;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.hlspipeline.processor.rules.InputRules;
import org.hlspipeline.schemas.stream.StreamEvent;
import org.hlspipeline.tools.cli.Converters;
import org.hlspipeline.tools.cli.InputChecks;
import org.hlspipeline.tools.cli.VersionProvider;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "segment", sortOptions = false, mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Publish one finished media segment of a live stream (a Segment event on hls.stream-events, keyed by "
                    + "the stream id). The app adds it to the rendition's live playlist at "
                    + "/streams/<stream>/renditions/<rendition>/playlist.m3u8.",
            "",
            "Publishing the same sequence with the same path again is harmless; the same sequence with another "
                    + "path is a conflict that the pipeline dead-letters.",
            "",
            "With --app-url, the app is asked first whether the stream has ended: a segment of an ended stream is "
                    + "refused (exit code 7, nothing sent) rather than published and dead-lettered."
        },
        footer = {
            "",
            "Example:",
            "  producer-tools segment --stream news --rendition 720p \\",
            "      --sequence 42 --duration 2.002 --path seg42.ts \\",
            "      --program-date-time 2026-11-21T20:00:00Z --app-url http://127.0.0.1:8080"
        })
public final class SegmentCommand extends RenditionEventCommand {

    @Option(names = "--sequence", required = true, paramLabel = "<n>", order = 3,
            description = "The transcoder's media sequence number of this segment, 0 to 2^53.")
    long sequence;

    @Option(names = "--duration", required = true, paramLabel = "<seconds>", order = 4,
            converter = Converters.SecondsToMicros.class,
            description = "Segment duration in seconds, a decimal (e.g. 2.002): greater than 0, at most 60. "
                    + "Sent as microseconds.")
    long durationMicros;

    @Option(names = "--path", required = true, paramLabel = "<uri>", order = 5,
            description = "Segment URI as the playlist should show it: absolute http(s) or relative "
                    + "(e.g. seg42.ts); at most 2048 characters, no whitespace or control characters.")
    String path;

    @Option(names = "--program-date-time", paramLabel = "<instant>", order = 6,
            converter = Converters.IsoInstant.class,
            description = "Wall-clock time of the segment's first sample, ISO-8601 (e.g. 2026-11-21T20:00:00.000Z); "
                    + "kept to the millisecond.")
    Instant programDateTime;

    @Option(names = "--discontinuity", order = 7,
            description = "This segment starts a discontinuity (new timestamps, encoder restart, format change).")
    boolean discontinuity;

    @Mixin
    AppStateCheck app;

    @Override
    AppStateCheck.Verdict verdict(Outgoing outgoing) {
        return app.segmentVerdict(outgoing.key(), tools().environment());
    }

    @Override
    List<Optional<String>> problems() {
        return List.of(InputRules.sequenceProblem(sequence), InputChecks.durationProblem(durationMicros),
                InputRules.uriProblem(path));
    }

    @Override
    StreamEvent event(String stream, String rendition, String eventId) {
        return StreamEvents.segment(stream, eventId, rendition, sequence, durationMicros, path, programDateTime,
                discontinuity);
    }

    @Override
    String description(String streamRendition) {
        return "segment " + streamRendition + " #" + sequence;
    }
}
