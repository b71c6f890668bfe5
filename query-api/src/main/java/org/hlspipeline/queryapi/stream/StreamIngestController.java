package org.hlspipeline.queryapi.stream;

import org.hlspipeline.processor.hls.RenditionDescription;
import org.hlspipeline.processor.ingest.StreamEventCheck;
import org.hlspipeline.processor.kafka.RenditionRecords;
import org.hlspipeline.processor.rules.RenditionForm;
import org.hlspipeline.queryapi.http.RenditionJson;
import org.hlspipeline.processor.window.StreamState;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

import org.hlspipeline.queryapi.http.Problems;
import org.hlspipeline.queryapi.query.ReadYourWrite;
import org.hlspipeline.queryapi.query.StoreUnavailableException;
import org.hlspipeline.schemas.stream.EndOfStream;
import org.hlspipeline.schemas.stream.RenditionInfo;
import org.hlspipeline.schemas.stream.Segment;
import org.hlspipeline.schemas.stream.StreamEvent;
import org.hlspipeline.processor.rules.InputRules;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;

/**
 * The HTTP gateway for transcoders. A write is validated with the same rules the processor applies, published to
 * Kafka, and answered once the store shows it ({@link ReadYourWrite}): 201 when recorded, 202 when accepted but
 * not visible yet (see docs/architecture.md, Read-your-write).
 */
@RestController
class StreamIngestController {

    private final StreamEventPublisher publisher;
    private final StreamReads reads;
    private final ReadYourWrite readYourWrite;

    StreamIngestController(StreamEventPublisher publisher, StreamReads reads, ReadYourWrite readYourWrite) {
        this.publisher = publisher;
        this.reads = reads;
        this.readYourWrite = readYourWrite;
    }

    @PostMapping(value = "/streams/{streamId}/renditions/{rendition}/segments",
            produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Map<String, Object>>> registerSegment(@PathVariable String streamId,
                                                              @PathVariable String rendition,
                                                              @RequestBody SegmentRequest request) {
        Segment segment = toSegment(streamId, rendition, request);
        long sequence = segment.getSequence();
        String uri = segment.getUri();
        return rejectIfEnded(streamId)
                .then(publisher.publish(new StreamEvent(streamId, null, segment)))
                .then(readYourWrite.await(() -> reads.window(streamId, rendition)
                        .map(served -> SegmentVisibility.of(served.value(), sequence, uri)),
                        v -> v != SegmentVisibility.NOT_YET, SegmentVisibility.NOT_YET))
                .map(visibility -> answer(streamId, rendition, sequence, visibility));
    }

    private ResponseEntity<Map<String, Object>> answer(String streamId, String rendition, long sequence,
                                                       SegmentVisibility visibility) {
        Map<String, Object> body = Map.of("streamId", streamId, "rendition", rendition, "sequence", sequence,
                "status", visibility == SegmentVisibility.RECORDED ? "recorded" : "accepted");
        URI playlist = URI.create("/streams/" + streamId + "/renditions/" + rendition + "/playlist.m3u8");
        return switch (visibility) {
            case RECORDED -> ResponseEntity.created(playlist).body(body);
            case NOT_YET -> ResponseEntity.accepted().location(playlist).body(body);
            case ENDED -> throw streamEnded(streamId);
            case CONFLICT -> throw Problems.conflict("segment-conflict", "Conflicting segment", "Sequence "
                    + sequence + " of " + streamId + "/" + rendition + " is already recorded with another path");
            case LATE -> throw Problems.conflict("segment-late", "Segment too late", "Sequence " + sequence
                    + " of " + streamId + "/" + rendition + " was declared lost or has left the live window");
        };
    }

    @PutMapping(value = "/streams/{streamId}/renditions/{rendition}", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Map<String, Object>>> describeRendition(@PathVariable String streamId,
                                                                @PathVariable String rendition,
                                                                @RequestBody RenditionRequest request) {
        requireId("streamId", streamId);
        requireId("rendition", rendition);
        RenditionForm form = request.form();
        form.problem().ifPresent(problem -> {
            throw Problems.badRequest(problem);
        });
        RenditionDescription description = form.description();
        RenditionInfo info = new RenditionInfo();
        info.setRendition(rendition);
        RenditionRecords.write(description, info, RenditionRecords.NAME);
        // Group rules depend on the stream's other renditions: checked against its state before publishing, and
        // again by the topology, which dead-letters what a concurrent writer made invalid.
        return reads.stream(streamId).doOnNext(served -> served.value().flatMap(stream -> stream
                        .describingProblem(rendition, description)).ifPresent(problem -> {
                            throw Problems.badRequest(problem);
                        }))
                .then(publisher.publish(new StreamEvent(streamId, null, info)))
                .then(readYourWrite.await(() -> reads.stream(streamId).map(served -> served.value()
                                .map(s -> s.descriptions().containsKey(rendition)).orElse(false)),
                        Boolean::booleanValue, false))
                .thenReturn(ResponseEntity.ok(Map.of("streamId", streamId, "rendition", rendition,
                        "description", RenditionJson.of(description))));
    }

    @PostMapping(value = "/streams/{streamId}/end", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Map<String, Object>>> end(@PathVariable String streamId) {
        requireId("streamId", streamId);
        return publisher.publish(new StreamEvent(streamId, null, new EndOfStream(null)))
                .then(readYourWrite.await(() -> reads.stream(streamId).map(served -> served.value()
                        .map(StreamState::ended).orElse(false)), Boolean::booleanValue, false))
                .thenReturn(ResponseEntity.ok(Map.of("streamId", streamId, "ended", true)));
    }

    /** Answers 409 before publishing when the stream has visibly ended; the processor still has the last word. */
    private Mono<Void> rejectIfEnded(String streamId) {
        return reads.stream(streamId)
                .onErrorResume(StoreUnavailableException.class, e -> Mono.empty())
                .flatMap(served -> served.value().filter(StreamState::ended).isPresent()
                        ? Mono.error(streamEnded(streamId)) : Mono.empty());
    }

    private static Segment toSegment(String streamId, String rendition, SegmentRequest request) {
        requireId("streamId", streamId);
        requireId("rendition", rendition);
        if (request.sequence() == null) {
            throw Problems.badRequest("sequence is required");
        }
        if (request.duration() == null) {
            throw Problems.badRequest("duration is required (seconds, decimal)");
        }
        if (request.path() == null) {
            throw Problems.badRequest("path is required");
        }
        Segment segment = Segment.newBuilder()
                .setRendition(rendition)
                .setSequence(request.sequence())
                .setDurationMicros(micros(request.duration()))
                .setUri(request.path())
                .setProgramDateTime(request.programDateTime())
                .setDiscontinuity(Boolean.TRUE.equals(request.discontinuity()))
                .setMap(request.mapRecord())
                .setByteRange(request.byteRangeRecord())
                .setKey(request.keyRecord())
                .build();
        StreamEventCheck.segmentProblem(segment).ifPresent(problem -> {
            throw Problems.badRequest(problem);
        });
        return segment;
    }

    private static long micros(BigDecimal seconds) {
        if (seconds.signum() <= 0 || seconds.compareTo(BigDecimal.valueOf(60)) > 0) {
            throw Problems.badRequest("duration must be greater than 0 and at most 60 s");
        }
        return seconds.movePointRight(6).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    private static void requireId(String what, String value) {
        Optional<String> problem = InputRules.idProblem(what, value);
        problem.ifPresent(p -> {
            throw Problems.badRequest(p);
        });
    }

    private static RuntimeException streamEnded(String streamId) {
        return Problems.conflict("stream-ended", "Stream ended", "Stream '" + streamId + "' has ended");
    }
}
