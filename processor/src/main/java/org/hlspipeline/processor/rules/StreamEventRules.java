package org.hlspipeline.processor.rules;

import static org.hlspipeline.processor.rules.InputRules.durationProblem;
import static org.hlspipeline.processor.rules.InputRules.first;
import static org.hlspipeline.processor.rules.InputRules.idProblem;
import static org.hlspipeline.processor.rules.InputRules.renditionAttributesProblem;
import static org.hlspipeline.processor.rules.InputRules.sequenceProblem;
import static org.hlspipeline.processor.rules.InputRules.uriProblem;

import java.util.Optional;

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

    public static Optional<String> renditionInfoProblem(String rendition, long bandwidth, Long averageBandwidth,
                                                        String resolution, String codecs, Double frameRate) {
        Optional<String> problem = idProblem("rendition", rendition);
        if (problem.isPresent()) {
            return problem;
        }
        return renditionAttributesProblem(bandwidth, averageBandwidth, resolution, codecs, frameRate);
    }
}
