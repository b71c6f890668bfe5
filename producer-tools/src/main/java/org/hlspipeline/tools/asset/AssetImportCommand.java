package org.hlspipeline.tools.asset;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.hlspipeline.tools.cli.ExitCodes;
import org.hlspipeline.tools.cli.InputChecks;
import org.hlspipeline.tools.cli.ToolFailure;
import org.hlspipeline.tools.cli.VersionProvider;
import org.hlspipeline.tools.hls.FetchException;
import org.hlspipeline.tools.hls.ParsedMasterPlaylist;
import org.hlspipeline.tools.hls.ParsedMediaPlaylist;
import org.hlspipeline.tools.hls.ParsedSegment;
import org.hlspipeline.tools.hls.ParsedVariant;
import org.hlspipeline.tools.hls.Playlist;
import org.hlspipeline.tools.hls.PlaylistException;
import org.hlspipeline.tools.hls.PlaylistLocation;
import org.hlspipeline.tools.hls.PlaylistInput;
import org.hlspipeline.tools.hls.PlaylistOptions;
import org.hlspipeline.tools.hls.PlaylistParser;
import org.hlspipeline.tools.hls.PublishedUris;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.json.JsonMapper;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "import", sortOptions = false, mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Read a VOD HLS playlist (a master playlist and its media playlists, or one media playlist), a file or "
                    + "an http(s) URL, and write its asset descriptor: the \"vod\" object of a channel item "
                    + "(renditions with a uriTemplate or uris, segmentCount, segmentDuration or durations, "
                    + "startNumber) with, for fMP4 and encrypted assets, each rendition's map (#EXT-X-MAP), "
                    + "byteRanges (#EXT-X-BYTERANGE, offsets stated) and key (#EXT-X-KEY).",
            "",
            "A rendition gets \"uriTemplate\" when its URIs count up in one place from startNumber (seg{n}.ts), "
                    + "else the list \"uris\". \"segmentDuration\" is given when every segment lasts the same to the "
                    + "millisecond, else \"durations\". Every rendition must have the same segments: the same count "
                    + "and durations within 1 ms. Variants are named as by `tail` (folder or file name, or "
                    + "--rendition-names); name them as the channel's ladder does. A rendition has one map and one "
                    + "key: a playlist that changes either between segments is refused (make it two assets). A key "
                    + "without an IV takes it from the media sequence number, so the asset's startNumber is then "
                    + "the playlist's #EXT-X-MEDIA-SEQUENCE.",
            "",
            "Relative segment URIs are written resolved against --base-url, or against the playlist's URL, or "
                    + "else relative to the playlist's folder. Reads nothing from Kafka and sends nothing."
        },
        footer = {
            "",
            "Example:",
            "  ffmpeg -i ep1.mp4 -c:v libx264 -g 50 -c:a aac -f hls -hls_time 2 \\",
            "      -hls_playlist_type vod /srv/media/ep1/720p/index.m3u8",
            "  producer-tools asset import /srv/media/ep1/720p/index.m3u8 \\",
            "      --rendition 720p --output ep1.json \\",
            "      --base-url http://127.0.0.1:8080/media/ep1/720p/"
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the descriptor was written",
            "2:invalid command line",
            "5:a playlist is missing, malformed, not finished (no #EXT-X-ENDLIST), or the renditions differ"
        })
final class AssetImportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    PlaylistOptions source;

    @Option(names = "--output", paramLabel = "<file>", order = 5,
            description = "Write the descriptor to this file instead of stdout.")
    Path output;

    @Override
    public Integer call() {
        source.problem().ifPresent(problem -> {
            throw new ParameterException(spec.commandLine(), problem);
        });
        PlaylistInput input;
        try {
            input = source.input();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        try {
            Map<String, Object> descriptor = AssetDescriptor.build(read(input));
            String json = json(descriptor);
            if (output == null) {
                PrintWriter out = spec.commandLine().getOut();
                out.print(json);
                out.flush();
            } else {
                write(output, json);
                PrintWriter out = spec.commandLine().getOut();
                @SuppressWarnings("unchecked")
                Map<String, Object> renditions = (Map<String, Object>) descriptor.get("renditions");
                out.println("wrote " + output + ": " + renditions.size() + " rendition"
                        + (renditions.size() == 1 ? "" : "s") + " (" + String.join(", ", renditions.keySet())
                        + ") of " + descriptor.get("segmentCount") + " segments");
                out.flush();
            }
            return ExitCodes.OK;
        } catch (ToolFailure e) {
            return e.report(spec);
        }
    }

    private List<AssetDescriptor.Rendition> read(PlaylistInput input) throws ToolFailure {
        PlaylistLocation master = input.location();
        Playlist playlist = load(master);
        List<AssetDescriptor.Rendition> renditions = new ArrayList<>();
        if (playlist instanceof ParsedMediaPlaylist media) {
            renditions.add(rendition(input.mediaRendition(), master, null, media, input.uris()));
            return renditions;
        }
        for (Map.Entry<String, ParsedVariant> entry : input.variants((ParsedMasterPlaylist) playlist).entrySet()) {
            ParsedVariant variant = entry.getValue();
            PlaylistLocation location;
            try {
                location = master.resolve(variant.uri());
            } catch (IllegalArgumentException e) {
                throw ToolFailure.input(master + " line " + variant.line() + ": " + e.getMessage());
            }
            Playlist media = load(location);
            if (!(media instanceof ParsedMediaPlaylist mediaPlaylist)) {
                throw ToolFailure.input(location + " is a master playlist, but " + master + " line " + variant.line()
                        + " lists it as a variant's media playlist");
            }
            renditions.add(rendition(entry.getKey(), location, variant.uri(), mediaPlaylist, input.uris()));
        }
        return renditions;
    }

    private static Playlist load(PlaylistLocation location) throws ToolFailure {
        try {
            return PlaylistParser.parse(location.read(), location.toString(), PlaylistParser.Mode.COMPLETE);
        } catch (FetchException e) {
            throw ToolFailure.input(e.getMessage());
        } catch (PlaylistException e) {
            throw ToolFailure.input(e.getMessage());
        }
    }

    private AssetDescriptor.Rendition rendition(String name, PlaylistLocation location, String reference,
                                                ParsedMediaPlaylist media, PublishedUris uris) throws ToolFailure {
        if (!media.endList()) {
            throw ToolFailure.input(location + " has no #EXT-X-ENDLIST: it is a live or unfinished playlist, and an "
                    + "asset must be complete");
        }
        if (media.segments().isEmpty()) {
            throw ToolFailure.input(location + " has no segments");
        }
        List<String> segmentUris = new ArrayList<>();
        List<Long> durations = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        for (int i = 0; i < media.segments().size(); i++) {
            ParsedSegment segment = media.segments().get(i);
            String where = location + " line " + segment.line() + ": ";
            if (segment.segment().discontinuity() && i > 0) {
                throw ToolFailure.input(where + "segment " + i + " starts a discontinuity (#EXT-X-DISCONTINUITY); "
                        + "a descriptor cannot carry one inside an asset: make it two assets");
            }
            if (segment.segment().gap()) {
                throw ToolFailure.input(where + "segment " + i + " is marked #EXT-X-GAP; an asset must have media "
                        + "for every segment");
            }
            Optional<String> duration = InputChecks.durationProblem(segment.segment().durationMicros());
            if (duration.isPresent()) {
                throw ToolFailure.input(where + "segment " + i + ": " + duration.get());
            }
            segmentUris.add(RenditionMedia.uri(segment.segment().uri(), "segment URI", location.toString(), segment,
                    reference, uris));
            durations.add(segment.segment().durationMicros());
            lines.add(segment.line());
        }
        return new AssetDescriptor.Rendition(name, location.toString(), segmentUris, durations, lines,
                RenditionMedia.of(name, location.toString(), reference, media, uris));
    }

    static String json(Map<String, Object> descriptor) {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withSeparators(Separators.createDefaultInstance()
                        .withObjectNameValueSpacing(Separators.Spacing.AFTER))
                .withObjectIndenter(indenter)
                .withArrayIndenter(indenter);
        JsonMapper mapper = JsonMapper.builder().enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();
        try {
            return mapper.writer().with(printer).writeValueAsString(descriptor) + "\n";
        } catch (JacksonException e) {
            throw new IllegalStateException("cannot write the descriptor as JSON", e);
        }
    }

    private static void write(Path file, String text) throws ToolFailure {
        Path absolute = file.toAbsolutePath();
        Path temporary = absolute.resolveSibling(absolute.getFileName() + ".tmp");
        try {
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            try {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw ToolFailure.input("cannot write --output " + file + ": " + e.getMessage());
        }
    }
}
