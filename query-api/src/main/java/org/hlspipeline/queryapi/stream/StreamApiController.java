package org.hlspipeline.queryapi.stream;

import org.hlspipeline.queryapi.http.RenditionJson;
import org.hlspipeline.processor.window.RenditionWindow;
import org.hlspipeline.processor.window.StreamState;

import java.util.List;
import java.util.Map;

import org.hlspipeline.queryapi.http.Problems;
import org.hlspipeline.queryapi.query.QueryHeaders;
import org.hlspipeline.queryapi.query.StoreUnavailableException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Streams as JSON, for operators, dashboards and the viewer page: every stream across the instances, and one
 * stream's renditions with their windows and who answered.
 */
@RestController
@Tag(name = "Streams", description = "Live streams as transcoders publish them")
class StreamApiController {

    /** At most this many streams per listing; {@code after} pages on. */
    static final int MAX_LISTED = 1000;
    /** Stream records read at once while listing. */
    private static final int LISTING_CONCURRENCY = 8;

    private final StreamReads reads;

    StreamApiController(StreamReads reads) {
        this.reads = reads;
    }

    /**
     * Every stream across all instances, by id, at most {@code limit} after {@code after}, each read through
     * the query service (its owner, or a standby). A stream whose owner cannot answer is listed as unavailable
     * rather than failing the page.
     */
    @GetMapping(value = "/api/streams", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "List streams",
            description = "Every stream across all instances, sorted by id, at most limit (1 to " + MAX_LISTED
                    + ") after `after`: whether it has ended, its renditions (with their media playlist paths and "
                    + "descriptions), the master playlist path (null until a rendition is both described and has "
                    + "segments), and when its last event was applied. `truncated` and `next` (the next page's "
                    + "path) page on; `unavailableInstances` names instances that did not answer (their streams "
                    + "are missing); a stream whose owner cannot answer is listed with `unavailable: true`. 503 "
                    + "when no instance can list.")
    Mono<ResponseEntity<StreamListing>> streams(
            @Parameter(description = "List the streams whose id sorts after this one")
            @RequestParam(required = false) String after,
            @Parameter(description = "At most this many streams, 1 to " + MAX_LISTED)
            @RequestParam(defaultValue = "" + MAX_LISTED) int limit) {
        if (limit < 1 || limit > MAX_LISTED) {
            throw Problems.badRequest("limit must be 1 to " + MAX_LISTED);
        }
        return reads.streamIds(after, limit).flatMap(listing -> Flux.fromIterable(listing.keys())
                // A stream removed (idle past its TTL) between listing and reading is left out.
                .flatMapSequential(id -> reads.stream(id)
                        .flatMap(served -> Mono.justOrEmpty(served.value().map(StreamListing.Summary::of)))
                        .onErrorResume(StoreUnavailableException.class,
                                e -> Mono.just(StreamListing.Summary.unavailable(id))), LISTING_CONCURRENCY)
                .collectList()
                .map(summaries -> {
                    String next = listing.truncated() && !listing.keys().isEmpty()
                            ? "/api/streams?after=" + listing.keys().get(listing.keys().size() - 1)
                            + (limit == MAX_LISTED ? "" : "&limit=" + limit)
                            : null;
                    return ResponseEntity.ok(new StreamListing(summaries, listing.truncated(), next,
                            listing.unavailable()));
                }));
    }

    @GetMapping(value = "/api/streams/{streamId}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "One stream",
            description = "Whether it has ended, the master playlist path, and per rendition its description, "
                    + "target duration, media and discontinuity sequence, segments shown, last sequence, pending, "
                    + "lost and late counts; servedBy and role name the instance that answered. 404 if unknown.")
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
    record RenditionView(String name, String playlist, Map<String, Object> description,
                         Integer targetDuration, Long mediaSequence, Long discontinuitySequence, Integer segments,
                         Long lastSequence, Integer pendingSegments, Long lostSegments, Long lateSegments,
                         Boolean ended) {

        static RenditionView of(StreamState stream, String rendition, RenditionWindow window) {
            String playlist = "/streams/" + stream.streamId() + "/renditions/" + rendition + "/playlist.m3u8";
            Map<String, Object> description = RenditionJson.of(stream.descriptions().get(rendition));
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
