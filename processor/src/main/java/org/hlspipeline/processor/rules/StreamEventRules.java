package org.hlspipeline.processor.rules;

import static org.hlspipeline.processor.rules.InputRules.durationProblem;
import static org.hlspipeline.processor.rules.InputRules.first;
import static org.hlspipeline.processor.rules.InputRules.idProblem;
import static org.hlspipeline.processor.rules.InputRules.sequenceProblem;
import static org.hlspipeline.processor.rules.InputRules.uriProblem;

import java.util.Optional;

import org.hlspipeline.processor.hls.ByteRange;
import org.hlspipeline.processor.hls.InitSection;
import org.hlspipeline.processor.hls.SegmentKey;

/**
 * Whether a stream event may enter the pipeline; the reason when it may not. Over the event's fields, so that
 * the HTTP gateway and the ingest topology read their own forms and ask the same rules (see docs/input-rules.md,
 * Stream events).
 */
public final class StreamEventRules {

    private StreamEventRules() {
    }

    /** The stream id, and the record key that must equal it so that a stream's events stay in order. */
    public static Optional<String> keyProblem(String recordKey, String streamId) {
        return InputRules.keyProblem(recordKey, recordKey, "streamId", streamId,
                "the stream id so a stream's events stay in order on one partition");
    }

    public static Optional<String> segmentProblem(String rendition, long sequence, long durationMicros, String uri) {
        return first(
                idProblem("rendition", rendition),
                sequenceProblem(sequence),
                durationProblem(durationMicros),
                uriProblem(uri));
    }

    /** A segment's initialisation section (EXT-X-MAP), with its byte range when it has one (length null if not). */
    public static Optional<String> mapProblem(String uri, Long length, Long offset) {
        Optional<String> problem = InitSection.problem(uri, null);
        return problem.isPresent() || length == null ? problem
                : ByteRange.problem("map byteRange", length, offset == null ? -1 : offset);
    }

    /** A segment's sub-range of its URI (EXT-X-BYTERANGE). */
    public static Optional<String> byteRangeProblem(long length, long offset) {
        return ByteRange.problem("byteRange", length, offset);
    }

    /**
     * A segment's key (EXT-X-KEY). An AES-128 key that also applies to an initialisation section needs its IV
     * (RFC 8216 §4.3.2.5).
     */
    public static Optional<String> keyProblem(String method, String uri, String iv, String keyFormat,
                                              String keyFormatVersions, boolean appliesToMap) {
        Optional<String> problem = SegmentKey.problem(method, uri, iv, keyFormat, keyFormatVersions);
        if (problem.isEmpty() && appliesToMap && "AES-128".equals(method) && iv == null) {
            problem = Optional.of("key iv is required for an AES-128 key that also applies to the map "
                    + "(RFC 8216 §4.3.2.5)");
        }
        return problem;
    }

    public static Optional<String> renditionInfoProblem(String rendition, RenditionForm form) {
        Optional<String> problem = idProblem("rendition", rendition);
        return problem.isPresent() ? problem : form.problem();
    }
}
