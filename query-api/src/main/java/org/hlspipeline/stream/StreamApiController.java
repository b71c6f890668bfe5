package org.hlspipeline.stream;

import java.util.List;

import org.hlspipeline.http.Problems;
import org.hlspipeline.query.QueryHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** A stream's state as JSON, for operators and dashboards: renditions, their windows, and who answered. */
@RestController
class StreamApiController {

    private final StreamReads reads;

    StreamApiController(StreamReads reads) {
        this.reads = reads;
    }

    @GetMapping("/api/streams/{streamId}")
    Mono<ResponseEntity<StreamView>> stream(@PathVariable String streamId) {
        return reads.stream(streamId).flatMap(served -> {
            StreamState stream = served.value().orElseThrow(() -> Problems.notFound(
                    "No stream '" + streamId + "'"));
            java.util.SortedSet<String> known = new java.util.TreeSet<>(stream.renditions());
            known.addAll(stream.descriptions().keySet());
            return Flux.fromIterable(known)
                    .concatMap(rendition -> reads.window(streamId, rendition)
                            .map(window -> RenditionView.of(stream, rendition, window.value().orElse(null))))
                    .collectList()
                    .map(renditions -> ResponseEntity.ok()
                            .header(QueryHeaders.SERVED_BY, served.instance())
                            .header(QueryHeaders.SERVED_ROLE, served.role().header())
                            .body(new StreamView(streamId, stream.ended(), "/streams/" + streamId + "/master.m3u8",
                                    renditions, served.instance(), served.role().header())));
        });
    }

    record StreamView(String streamId, boolean ended, String master, List<RenditionView> renditions,
                      String servedBy, String role) {
    }

    /**
     * One rendition: its description and a summary of its window. {@code lastSequence} is the newest sequence
     * shown; {@code pendingSegments} are recorded but wait behind a missing one.
     */
    record RenditionView(String name, String playlist, RenditionDescription description,
                         Integer targetDuration, Long mediaSequence, Long discontinuitySequence, Integer segments,
                         Long lastSequence, Integer pendingSegments, Long lostSegments, Long lateSegments,
                         Boolean ended) {

        static RenditionView of(StreamState stream, String rendition, RenditionWindow window) {
            String playlist = "/streams/" + stream.streamId() + "/renditions/" + rendition + "/playlist.m3u8";
            RenditionDescription description = stream.descriptions().get(rendition);
            if (window == null) {
                return new RenditionView(rendition, playlist, description, null, null, null, 0, null, 0, 0L, 0L,
                        stream.ended());
            }
            return new RenditionView(rendition, playlist, description, window.targetDurationSeconds(),
                    window.mediaSequence(), window.discontinuitySequence(), window.segments().size(),
                    window.nextSequence() - 1, window.pending().size(), window.lostSegments(),
                    window.lateSegments(), window.ended());
        }
    }
}
