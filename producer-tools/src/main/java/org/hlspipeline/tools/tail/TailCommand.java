package org.hlspipeline.tools.tail;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.hlspipeline.tools.cli.ClientSettings;
import org.hlspipeline.tools.cli.Converters;
import org.hlspipeline.tools.cli.ExitCodes;
import org.hlspipeline.tools.cli.InputChecks;
import org.hlspipeline.tools.cli.ToolFailure;
import org.hlspipeline.tools.cli.VersionProvider;
import org.hlspipeline.tools.hls.PlaylistInput;
import org.hlspipeline.tools.hls.PlaylistOptions;
import org.hlspipeline.tools.publish.EventPublisher;
import org.hlspipeline.tools.publish.KafkaCommand;
import org.hlspipeline.tools.publish.PublishException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "tail", sortOptions = false, mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Follow an HLS playlist that a transcoder (ffmpeg, GPAC, ...) is writing, a file or an http(s) URL, and "
                    + "publish each new segment as a Segment event on hls.stream-events, keyed by the stream id.",
            "",
            "A media playlist is one rendition (--rendition names it). A master playlist publishes a RenditionInfo "
                    + "per variant (BANDWIDTH, AVERAGE-BANDWIDTH, RESOLUTION, CODECS, FRAME-RATE) and per AUDIO or "
                    + "SUBTITLES rendition (EXT-X-MEDIA with a URI), and follows each one's media playlist; a "
                    + "rendition is named after its folder (720p/index.m3u8 is 720p) or file (stream_1.m3u8 is "
                    + "stream_1), a second one in a folder after both (720p/index_vtt.m3u8 is 720p_index_vtt), or by "
                    + "--rendition-names.",
            "",
            "Each segment's sequence is EXT-X-MEDIA-SEQUENCE plus its position in the playlist, its duration its "
                    + "EXTINF; EXT-X-PROGRAM-DATE-TIME and EXT-X-DISCONTINUITY carry over. At #EXT-X-ENDLIST in every "
                    + "rendition it publishes EndOfStream and exits 0.",
            "",
            "Restarts are safe: on start it publishes everything in the current playlist, and what an earlier run "
                    + "sent arrives as duplicates that the pipeline ignores (--state-file avoids even those). Only "
                    + "complete lines of a playlist being written are read. A playlist that is missing (after "
                    + "--wait), malformed, or starts its numbering over ends the run with exit code 5."
        },
        footer = {
            "",
            "Examples:",
            "  ffmpeg -re -i in.mp4 -c:v libx264 -g 50 -c:a aac -f hls \\",
            "      -hls_time 2 -hls_list_size 6 -hls_flags delete_segments \\",
            "      /srv/media/live/index.m3u8 &",
            "  producer-tools tail /srv/media/live/index.m3u8 --stream news \\",
            "      --rendition 720p --base-url http://127.0.0.1:8080/media/live/",
            "  producer-tools tail http://origin.example/live/master.m3u8 \\",
            "      --stream news --state-file news.state \\",
            "      --rendition-names hi/index.m3u8=720p,lo/index.m3u8=360p"
        })
public final class TailCommand extends KafkaCommand {

    @Mixin
    PlaylistOptions source;

    @Option(names = "--stream", required = true, paramLabel = "<id>", order = 1,
            description = "Stream id: [A-Za-z0-9][A-Za-z0-9._-]{0,127}.")
    String stream;

    @Option(names = "--interval", paramLabel = "<seconds>", order = 5,
            converter = Converters.SecondsToMicros.class,
            description = "How often to read the playlist. Default: half its EXT-X-TARGETDURATION (at least 0.1 s).")
    Long intervalMicros;

    @Option(names = "--wait", paramLabel = "<seconds>", order = 6, defaultValue = "30",
            converter = Converters.SecondsToMicros.class,
            description = "How long a playlist may be missing or unreadable (not written yet, a server restarting) "
                    + "before the run fails with exit code 5. Default: ${DEFAULT-VALUE}.")
    long waitMicros;

    @Option(names = "--idle-timeout", paramLabel = "<seconds>", order = 7,
            converter = Converters.SecondsToMicros.class,
            description = "Fail with exit code 5 when no rendition gets a new segment for this long. Default: wait "
                    + "for ever (the stream is ended by #EXT-X-ENDLIST or the `end` command).")
    Long idleTimeoutMicros;

    @Option(names = "--state-file", paramLabel = "<file>", order = 8,
            description = "Remember the last sequence published per rendition in this file, so that a restart "
                    + "sends only newer segments. One file per stream.")
    Path stateFile;

    @Option(names = "--once", order = 9,
            description = "Publish what the playlists hold now and exit 0 instead of following them.")
    boolean once;

    @Option(names = "--quiet", order = 10,
            description = "Print no line per published event, only the summary at the end.")
    boolean quiet;

    @Override
    public Integer call() {
        check(InputChecks.idProblem("stream", stream),
                source.problem(),
                intervalMicros == null || intervalMicros > 0 ? Optional.empty()
                        : Optional.of("--interval must be greater than 0"),
                waitMicros >= 0 ? Optional.empty() : Optional.of("--wait must not be negative"),
                idleTimeoutMicros == null || idleTimeoutMicros > 0 ? Optional.empty()
                        : Optional.of("--idle-timeout must be greater than 0"));
        PlaylistInput input;
        try {
            input = source.input();
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        TailState state;
        try {
            state = stateFile == null ? TailState.none(stream) : TailState.load(stateFile, stream);
        } catch (ToolFailure e) {
            return e.report(commandSpec());
        }
        TailOptions options = new TailOptions(stream, input,
                intervalMicros == null ? null : Duration.ofNanos(intervalMicros * 1000),
                Duration.ofNanos(waitMicros * 1000),
                idleTimeoutMicros == null ? null : Duration.ofNanos(idleTimeoutMicros * 1000), once, quiet);
        ClientSettings settings = settings();
        try (EventPublisher publisher = tools().publishers().open(settings)) {
            return new PlaylistTail(options, publisher, settings.topic(), state, out(), err(), commandSpec().qualifiedName(),
                    tools().clock()).run();
        } catch (PublishException e) {
            return failed(e);
        } catch (ToolFailure e) {
            return e.report(commandSpec());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err().println(commandSpec().qualifiedName() + ": interrupted");
            err().flush();
            return ExitCodes.INTERRUPTED;
        }
    }
}
