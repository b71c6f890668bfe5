package org.hlspipeline.queryapi.channel;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.hlspipeline.queryapi.http.Problems;
import org.hlspipeline.processor.playout.ChannelState;
import org.hlspipeline.processor.playout.ProjectedSchedule;
import org.hlspipeline.queryapi.query.QueryHeaders;
import org.hlspipeline.queryapi.query.StoreUnavailableException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Channels as JSON, for operators, dashboards and (later) the EPG: configuration, what airs now and next (a
 * {@link ProjectedSchedule} at the time of the request), the programming, the output window, and who answered.
 */
@RestController
class ChannelApiController {

    /** At most this many channels per listing; {@code after} pages on. */
    static final int MAX_LISTED = 1000;
    /** Channel states read at once while listing. */
    private static final int LISTING_CONCURRENCY = 8;

    private final ChannelReads reads;
    private final Clock clock;

    ChannelApiController(ChannelReads reads) {
        this.reads = reads;
        this.clock = Clock.systemUTC();
    }

    @GetMapping(value = "/api/channels/{channelId}", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<ChannelView>> channel(@PathVariable String channelId) {
        return reads.channel(channelId).map(served -> {
            ChannelState state = served.value().orElseThrow(() -> ChannelProblems.unknownChannel(channelId));
            ProjectedSchedule schedule = ProjectedSchedule.at(state, nowMicros());
            return ResponseEntity.ok()
                    .header(QueryHeaders.SERVED_BY, served.instance())
                    .header(QueryHeaders.SERVED_ROLE, served.role().header())
                    .body(ChannelView.of(state, schedule, served.instance(), served.role().header()));
        });
    }

    /**
     * Every channel across all instances, by id, at most {@code limit} (1 to {@value #MAX_LISTED}) after
     * {@code after}. {@code unavailableInstances} names instances that did not answer: their channels are missing.
     */
    @GetMapping(value = "/api/channels", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<ChannelList>> channels(@RequestParam(required = false) String after,
                                               @RequestParam(defaultValue = "" + MAX_LISTED) int limit) {
        if (limit < 1 || limit > MAX_LISTED) {
            throw Problems.badRequest("limit must be 1 to " + MAX_LISTED);
        }
        long now = nowMicros();
        return reads.channelIds(after, limit).flatMap(listing -> Flux.fromIterable(listing.keys())
                .flatMapSequential(id -> reads.channel(id)
                        .map(served -> served.value().map(state -> ChannelSummary.of(state, now))
                                .orElseGet(() -> ChannelSummary.unavailable(id)))
                        .onErrorResume(StoreUnavailableException.class,
                                e -> Mono.just(ChannelSummary.unavailable(id))), LISTING_CONCURRENCY)
                .collectList()
                .map(summaries -> {
                    String next = listing.truncated() && !listing.keys().isEmpty()
                            ? "/api/channels?after=" + listing.keys().get(listing.keys().size() - 1)
                            + (limit == MAX_LISTED ? "" : "&limit=" + limit)
                            : null;
                    return ResponseEntity.ok(new ChannelList(summaries, listing.truncated(), next,
                            listing.unavailable()));
                }));
    }

    private long nowMicros() {
        return ChronoUnit.MICROS.between(Instant.EPOCH, clock.instant());
    }

    /**
     * @param truncated more channels follow; {@code next} is the path of the next page
     */
    record ChannelList(List<ChannelSummary> channels, boolean truncated, String next,
                       List<String> unavailableInstances) {
    }

    /**
     * One channel in the listing. {@code upNext}: the first item projected after now playing (null when nothing
     * is projected, for instance while a live relay airs). {@code unavailable}: no instance could answer for it
     * just now (its other fields are then null).
     */
    record ChannelSummary(String channelId, Boolean configured, Boolean ended, ChannelView.Playing nowPlaying,
                          ChannelView.UpNext upNext, String api, String master, boolean unavailable) {

        static ChannelSummary of(ChannelState state, long nowMicros) {
            ProjectedSchedule schedule = ProjectedSchedule.at(state, nowMicros, 1);
            ProjectedSchedule.NowPlaying now = schedule.nowPlaying();
            String id = state.channelId();
            return new ChannelSummary(id, state.configured(), state.ended(),
                    now == null ? null : new ChannelView.Playing(now.itemId(), now.title(), now.kind().name()),
                    schedule.upNext().isEmpty() ? null : ChannelView.UpNext.of(schedule.upNext().get(0)),
                    "/api/channels/" + id, "/channels/" + id + "/master.m3u8", false);
        }

        static ChannelSummary unavailable(String channelId) {
            return new ChannelSummary(channelId, null, null, null, null, "/api/channels/" + channelId,
                    "/channels/" + channelId + "/master.m3u8", true);
        }
    }
}
