package org.hlspipeline.tools.tail;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.hlspipeline.processor.hls.Variant;
import org.hlspipeline.processor.rules.InputRules;
import org.hlspipeline.schemas.stream.StreamEvent;
import org.hlspipeline.tools.cli.ToolFailure;
import org.hlspipeline.tools.hls.AlternateRendition;
import org.hlspipeline.tools.hls.ParsedMasterPlaylist;
import org.hlspipeline.tools.hls.ParsedVariant;
import org.hlspipeline.tools.hls.PlaylistLocation;
import org.hlspipeline.tools.publish.StreamEvents;

/** The renditions {@code tail} follows for a master playlist, each with the RenditionInfo that describes it. */
final class MasterRenditions {

    /**
     * @param reference the media playlist's URI as the master playlist writes it
     * @param info      the rendition's EXT-X-STREAM-INF attributes as the event the app lists it from
     */
    record Followed(String name, PlaylistLocation location, String reference, StreamEvent info) {
    }

    private MasterRenditions() {
    }

    /**
     * @param note told about what is not followed (alternative renditions)
     * @throws ToolFailure when a variant is named badly, its attributes break the app's rules, or its URI does
     *                     not resolve
     */
    static List<Followed> of(ParsedMasterPlaylist master, TailOptions options, Consumer<String> note)
            throws ToolFailure {
        PlaylistLocation input = options.input().location();
        Map<String, ParsedVariant> named = options.input().variants(master);
        for (AlternateRendition alternate : master.alternates()) {
            if (alternate.uri() != null) {
                note.accept(input + " line " + alternate.line() + ": the alternative " + alternate.type()
                        + " rendition " + alternate.name() + " (" + alternate.uri() + ") is not followed: the "
                        + "pipeline's master playlists list variants only");
            }
        }
        List<Followed> followed = new ArrayList<>();
        for (Map.Entry<String, ParsedVariant> entry : named.entrySet()) {
            ParsedVariant variant = entry.getValue();
            Variant v = variant.variant();
            Optional<String> problem = InputRules.renditionAttributesProblem(v.bandwidth(), v.averageBandwidth(),
                    v.resolution(), v.codecs(), v.frameRate());
            if (problem.isPresent()) {
                throw ToolFailure.input(input + " line " + variant.line() + ": " + problem.get());
            }
            PlaylistLocation location;
            try {
                location = input.resolve(variant.uri());
            } catch (IllegalArgumentException e) {
                throw ToolFailure.input(input + " line " + variant.line() + ": " + e.getMessage());
            }
            followed.add(new Followed(entry.getKey(), location, variant.uri(), StreamEvents.renditionInfo(
                    options.stream(), null, entry.getKey(), v.bandwidth(), v.averageBandwidth(), v.resolution(),
                    v.codecs(), v.frameRate())));
        }
        return followed;
    }
}
