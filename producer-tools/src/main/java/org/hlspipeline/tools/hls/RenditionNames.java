package org.hlspipeline.tools.hls;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.hlspipeline.tools.cli.InputChecks;
import org.hlspipeline.tools.cli.ToolFailure;

/**
 * Names the variants of a master playlist: from {@code --rendition-names} ({@code <variant URI>=<name>}), else from
 * the variant URI: its parent folder ({@code 720p/index.m3u8} is {@code 720p}) or, without one, its file name
 * without the extension ({@code stream_1.m3u8} is {@code stream_1}). A second playlist in a folder already named
 * after adds its file name ({@code 720p/index_vtt.m3u8} is {@code 720p_index_vtt}).
 */
public final class RenditionNames {

    private RenditionNames() {
    }

    /**
     * One entry per distinct variant URI, in the master playlist's order (a media playlist listed twice, for instance
     * once per audio group, is followed once, described by its first EXT-X-STREAM-INF).
     *
     * @throws ToolFailure (usage) when a mapping names no variant, or a name is invalid or taken twice
     */
    public static Map<String, ParsedVariant> assign(ParsedMasterPlaylist master, Map<String, String> mapping, String source)
            throws ToolFailure {
        return assign(master.variants(), mapping, source);
    }

    /**
     * The same for any renditions with media playlists of their own: the variants and the alternatives a command
     * follows.
     */
    public static <R extends ParsedRendition> Map<String, R> assign(List<R> renditions, Map<String, String> mapping,
                                                                    String source) throws ToolFailure {
        Map<String, R> byUri = new LinkedHashMap<>();
        for (R rendition : renditions) {
            byUri.putIfAbsent(rendition.uri(), rendition);
        }
        List<String> unknown = new ArrayList<>();
        for (String key : mapping.keySet()) {
            if (!byUri.containsKey(key)) {
                unknown.add(key);
            }
        }
        if (!unknown.isEmpty()) {
            throw ToolFailure.usage("--rendition-names names " + String.join(", ", unknown) + ", which "
                    + source + " does not list; its variants are " + String.join(", ", byUri.keySet()));
        }
        Map<String, R> named = new LinkedHashMap<>();
        Set<String> taken = new HashSet<>();
        for (R variant : byUri.values()) {
            String given = mapping.get(variant.uri());
            String name = given != null ? given : derive(variant.uri());
            R namesake = named.get(name);
            if (given == null && namesake != null && folder(namesake.uri()).equals(folder(variant.uri()))) {
                // Two playlists of one folder, as ffmpeg writes a variant's subtitles beside it
                // (720p/index_vtt.m3u8): the file tells the second apart.
                name = name + "_" + stem(variant.uri());
            }
            Optional<String> problem = InputChecks.idProblem("rendition name", name);
            if (problem.isPresent()) {
                throw ToolFailure.usage(source + " line " + variant.line() + ": " + problem.get()
                        + (given != null ? "" : " (derived from the variant URI " + variant.uri()
                        + "); name it with --rendition-names " + variant.uri() + "=<name>"));
            }
            if (!taken.add(name)) {
                throw ToolFailure.usage(source + " line " + variant.line() + ": the variant " + variant.uri()
                        + " would be named " + name + " like an earlier one; name the variants with "
                        + "--rendition-names <variant URI>=<name>,...");
            }
            named.put(name, variant);
        }
        return named;
    }

    /** The URI up to its last {@code /}. */
    private static String folder(String uri) {
        return uri.substring(0, uri.lastIndexOf('/') + 1);
    }

    /** The file name of the URI's path without its extension. */
    private static String stem(String uri) {
        return derive(uri.substring(uri.lastIndexOf('/') + 1));
    }

    /** {@code 720p/index.m3u8} gives {@code 720p}; {@code stream_1.m3u8} gives {@code stream_1}. */
    public static String derive(String variantUri) {
        String path;
        try {
            URI uri = new URI(variantUri);
            path = uri.getPath() != null ? uri.getPath() : variantUri;
        } catch (URISyntaxException e) {
            path = variantUri;
        }
        List<String> parts = new ArrayList<>();
        for (String part : path.split("/")) {
            if (!part.isEmpty() && !part.equals(".")) {
                parts.add(part);
            }
        }
        if (parts.isEmpty()) {
            return variantUri;
        }
        if (parts.size() >= 2 && !parts.get(parts.size() - 2).equals("..")) {
            return parts.get(parts.size() - 2);
        }
        String file = parts.get(parts.size() - 1);
        int dot = file.lastIndexOf('.');
        return dot > 0 ? file.substring(0, dot) : file;
    }
}
