package org.hlspipeline.tools.hls;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.hlspipeline.tools.cli.InputChecks;

import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The playlist and naming options of the commands that read a transcoder's playlist ({@code tail},
 * {@code asset import}): one declaration, so that both take and explain them the same way. Option orders 2 to 4
 * are taken; a command's own options go around them.
 */
public final class PlaylistOptions {

    @Parameters(index = "0", paramLabel = "<playlist>",
            description = "The media or master playlist: a file path or an http(s) URL.")
    String playlist;

    @Option(names = "--rendition", paramLabel = "<name>", order = 2,
            description = "Rendition name of a media playlist (e.g. 720p). Not for a master playlist.")
    String rendition;

    @Option(names = "--rendition-names", split = ",", paramLabel = "<variant-uri>=<name>", order = 3,
            description = "Names for a master playlist's variants, by their URI as the master playlist writes it: "
                    + "hi/index.m3u8=720p,lo/index.m3u8=360p. Others keep their derived names.")
    Map<String, String> renditionNames = new LinkedHashMap<>();

    @Option(names = "--base-url", paramLabel = "<url>", order = 4,
            description = "URL of the folder holding <playlist>, as players will reach it: relative segment URIs "
                    + "are given resolved against it (e.g. http://127.0.0.1:8080/media/live/). Default: relative "
                    + "URIs are resolved against <playlist> when it is a URL, else kept relative to its folder.")
    String baseUrl;

    /** The first invalid name given, found before anything is read. */
    public Optional<String> problem() {
        if (rendition != null) {
            Optional<String> problem = InputChecks.idProblem("rendition", rendition);
            if (problem.isPresent()) {
                return problem;
            }
        }
        return renditionNames.entrySet().stream()
                .map(entry -> InputChecks.idProblem("rendition name for " + entry.getKey(), entry.getValue()))
                .flatMap(Optional::stream).findFirst();
    }

    /** @throws IllegalArgumentException when {@code <playlist>} or {@code --base-url} is not a usable location */
    public PlaylistInput input() {
        PlaylistLocation location = PlaylistLocation.of(playlist);
        return new PlaylistInput(location, PublishedUris.of(location, baseUrl), rendition, renditionNames);
    }
}
