package org.hlspipeline.tools.tail;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.hlspipeline.processor.rules.RenditionForm;
import org.hlspipeline.schemas.stream.StreamEvent;
import org.hlspipeline.tools.cli.ToolFailure;
import org.hlspipeline.tools.hls.AlternateRendition;
import org.hlspipeline.tools.hls.ParsedMasterPlaylist;
import org.hlspipeline.tools.hls.ParsedRendition;
import org.hlspipeline.tools.hls.ParsedVariant;
import org.hlspipeline.tools.hls.PlaylistLocation;
import org.hlspipeline.tools.publish.StreamEvents;

/**
 * The renditions {@code tail} follows for a master playlist, each with the RenditionInfo that describes it: every
 * variant, and every AUDIO or SUBTITLES alternative with a media playlist of its own, described as the master
 * playlist does (type, group, name, language and the rest), so that the pipeline's master lists the same groups.
 */
final class MasterRenditions {

    /**
     * @param reference the media playlist's URI as the master playlist writes it
     * @param info      the rendition's description as the event the app lists it from
     */
    record Followed(String name, PlaylistLocation location, String reference, StreamEvent info) {
    }

    private MasterRenditions() {
    }

    /**
     * @param note told about what is not followed (alternatives without a URI of their own, VIDEO and
     *             CLOSED-CAPTIONS alternatives)
     * @throws ToolFailure when a rendition is named badly, its attributes break the app's rules, or its URI does
     *                     not resolve
     */
    static List<Followed> of(ParsedMasterPlaylist master, TailOptions options, Consumer<String> note)
            throws ToolFailure {
        PlaylistLocation input = options.input().location();
        for (AlternateRendition alternate : master.alternates()) {
            if (alternate.uri() != null && !alternate.followable()) {
                note.accept(input + " line " + alternate.line() + ": the alternative " + alternate.type()
                        + " rendition " + alternate.name() + " (" + alternate.uri() + ") is not followed: the "
                        + "pipeline's master playlists list AUDIO and SUBTITLES groups only");
            }
        }
        List<Followed> followed = new ArrayList<>();
        for (Map.Entry<String, ParsedRendition> entry : options.input().renditions(master).entrySet()) {
            ParsedRendition rendition = entry.getValue();
            RenditionForm form = rendition instanceof ParsedVariant variant
                    ? RenditionForm.of(variant.variant().description()) : ((AlternateRendition) rendition).form();
            Optional<String> problem = form.problem();
            if (problem.isPresent()) {
                throw ToolFailure.input(input + " line " + rendition.line() + ": " + problem.get());
            }
            PlaylistLocation location;
            try {
                location = input.resolve(rendition.uri());
            } catch (IllegalArgumentException e) {
                throw ToolFailure.input(input + " line " + rendition.line() + ": " + e.getMessage());
            }
            followed.add(new Followed(entry.getKey(), location, rendition.uri(),
                    StreamEvents.renditionInfo(options.stream(), null, entry.getKey(), form.description())));
        }
        return followed;
    }
}
