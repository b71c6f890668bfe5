package org.hlspipeline.tools.publish;

import java.util.List;
import java.util.Optional;

import org.hlspipeline.processor.rules.InputRules;
import org.hlspipeline.schemas.stream.StreamEvent;
import org.hlspipeline.tools.cli.VersionProvider;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "rendition-info", sortOptions = false, mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Describe one rendition of a live stream for its master playlist (a RenditionInfo event on "
                    + "hls.stream-events, keyed by the stream id). The app lists it in "
                    + "/streams/<stream>/master.m3u8 as an EXT-X-STREAM-INF with these attributes.",
            "",
            "Sending it again replaces the rendition's description; `tail` sends it for every variant of a master "
                    + "playlist by itself."
        },
        footer = {
            "",
            "Example:",
            "  producer-tools rendition-info --stream news --rendition 720p --bandwidth 2500000 \\",
            "      --resolution 1280x720 --codecs avc1.4d401f,mp4a.40.2 --frame-rate 25"
        })
public final class RenditionInfoCommand extends RenditionEventCommand {

    @Option(names = "--bandwidth", required = true, paramLabel = "<bits/s>", order = 3,
            description = "Peak bits per second (BANDWIDTH), greater than 0.")
    long bandwidth;

    @Option(names = "--average-bandwidth", paramLabel = "<bits/s>", order = 4,
            description = "Average bits per second (AVERAGE-BANDWIDTH), greater than 0.")
    Long averageBandwidth;

    @Option(names = "--resolution", paramLabel = "<WxH>", order = 5,
            description = "Picture size (RESOLUTION), e.g. 1280x720.")
    String resolution;

    @Option(names = "--codecs", paramLabel = "<list>", order = 6,
            description = "RFC 6381 codec list (CODECS), e.g. avc1.4d401f,mp4a.40.2.")
    String codecs;

    @Option(names = "--frame-rate", paramLabel = "<fps>", order = 7,
            description = "Maximum frame rate (FRAME-RATE), greater than 0 and at most 1000, e.g. 25 or 29.97.")
    Double frameRate;

    @Override
    List<Optional<String>> problems() {
        return List.of(InputRules.renditionAttributesProblem(bandwidth, averageBandwidth, resolution, codecs,
                frameRate));
    }

    @Override
    StreamEvent event(String stream, String rendition, String eventId) {
        return StreamEvents.renditionInfo(stream, eventId, rendition, bandwidth, averageBandwidth, resolution, codecs,
                frameRate);
    }

    @Override
    String description(String streamRendition) {
        return "rendition info " + streamRendition;
    }
}
