package org.hlspipeline.tools.publish;

import java.util.List;
import java.util.Optional;

import org.hlspipeline.processor.hls.RenditionType;
import org.hlspipeline.processor.rules.RenditionForm;
import org.hlspipeline.schemas.stream.StreamEvent;
import org.hlspipeline.tools.cli.VersionProvider;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "rendition-info", sortOptions = false, mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Describe one rendition of a live stream for its master playlist (a RenditionInfo event on "
                    + "hls.stream-events, keyed by the stream id). The app lists it in "
                    + "/streams/<stream>/master.m3u8 with these attributes: a VIDEO rendition as an EXT-X-STREAM-INF, an "
                    + "AUDIO or SUBTITLES rendition as an EXT-X-MEDIA of its group.",
            "",
            "Sending it again replaces the rendition's description; `tail` sends it for every variant of a master "
                    + "playlist by itself."
        },
        footer = {
            "",
            "Example:",
            "  producer-tools rendition-info --stream news --rendition 720p --bandwidth 2500000 \\",
            "      --resolution 1280x720 --codecs avc1.4d401f,mp4a.40.2 --frame-rate 25 --audio aac",
            "  producer-tools rendition-info --stream news --rendition audio-en --type AUDIO --group-id aac \\",
            "      --name English --language en --default --autoselect --channels 2"
        })
public final class RenditionInfoCommand extends RenditionEventCommand {

    @Option(names = "--type", paramLabel = "<type>", order = 3,
            description = "VIDEO (a variant: the default), AUDIO or SUBTITLES (an alternative in a group that "
                    + "variants name).")
    RenditionType type;

    @Option(names = "--bandwidth", paramLabel = "<bits/s>", order = 4,
            description = "VIDEO: peak bits per second (BANDWIDTH), greater than 0; required.")
    Long bandwidth;

    @Option(names = "--average-bandwidth", paramLabel = "<bits/s>", order = 5,
            description = "VIDEO: average bits per second (AVERAGE-BANDWIDTH), greater than 0.")
    Long averageBandwidth;

    @Option(names = "--resolution", paramLabel = "<WxH>", order = 6,
            description = "VIDEO: picture size (RESOLUTION), e.g. 1280x720.")
    String resolution;

    @Option(names = "--codecs", paramLabel = "<list>", order = 7,
            description = "VIDEO: RFC 6381 codec list (CODECS) of everything played with it, e.g. "
                    + "avc1.4d401f,mp4a.40.2.")
    String codecs;

    @Option(names = "--frame-rate", paramLabel = "<fps>", order = 8,
            description = "VIDEO: maximum frame rate (FRAME-RATE), greater than 0 and at most 1000, e.g. 25.")
    Double frameRate;

    @Option(names = "--audio", paramLabel = "<group>", order = 9,
            description = "VIDEO: the AUDIO group played with it (AUDIO).")
    String audio;

    @Option(names = "--subtitles", paramLabel = "<group>", order = 10,
            description = "VIDEO: the SUBTITLES group offered with it (SUBTITLES).")
    String subtitles;

    @Option(names = "--i-frames-only", order = 11,
            description = "VIDEO: an I-frame playlist (EXT-X-I-FRAME-STREAM-INF).")
    boolean iFramesOnly;

    @Option(names = "--group-id", paramLabel = "<group>", order = 12,
            description = "AUDIO, SUBTITLES: the group (GROUP-ID); required.")
    String groupId;

    @Option(names = "--name", paramLabel = "<text>", order = 13,
            description = "AUDIO, SUBTITLES: what players show (NAME), unique in the group; required.")
    String name;

    @Option(names = "--language", paramLabel = "<tag>", order = 14,
            description = "AUDIO, SUBTITLES: RFC 5646 language tag (LANGUAGE), e.g. en or pt-BR.")
    String language;

    @Option(names = "--default", order = 15, description = "AUDIO, SUBTITLES: DEFAULT=YES.")
    boolean isDefault;

    @Option(names = "--autoselect", order = 16, description = "AUDIO, SUBTITLES: AUTOSELECT=YES.")
    boolean autoselect;

    @Option(names = "--forced", order = 17, description = "SUBTITLES: FORCED=YES.")
    boolean forced;

    @Option(names = "--channels", paramLabel = "<count>", order = 18,
            description = "AUDIO: CHANNELS, the channel count first, e.g. 2 or 6.")
    String channels;

    @Option(names = "--characteristics", paramLabel = "<utis>", order = 19,
            description = "AUDIO, SUBTITLES: CHARACTERISTICS, e.g. public.accessibility.describes-video.")
    String characteristics;

    private RenditionForm form() {
        return new RenditionForm(type, bandwidth, averageBandwidth, resolution, codecs, frameRate, audio, subtitles,
                iFramesOnly, groupId, name, language, isDefault, autoselect, forced, channels, characteristics);
    }

    @Override
    List<Optional<String>> problems() {
        return List.of(form().problem());
    }

    @Override
    StreamEvent event(String stream, String rendition, String eventId) {
        return StreamEvents.renditionInfo(stream, eventId, rendition, form().description());
    }

    @Override
    String description(String streamRendition) {
        return "rendition info " + streamRendition;
    }
}
