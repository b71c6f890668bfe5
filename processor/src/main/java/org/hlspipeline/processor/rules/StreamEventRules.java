package org.hlspipeline.processor.rules;

import static org.hlspipeline.processor.rules.InputRules.durationProblem;
import static org.hlspipeline.processor.rules.InputRules.first;
import static org.hlspipeline.processor.rules.InputRules.idProblem;
import static org.hlspipeline.processor.rules.InputRules.renditionAttributesProblem;
import static org.hlspipeline.processor.rules.InputRules.sequenceProblem;
import static org.hlspipeline.processor.rules.InputRules.uriProblem;

import java.util.Optional;

import org.hlspipeline.schemas.stream.RenditionInfo;
import org.hlspipeline.schemas.stream.Segment;
import org.hlspipeline.schemas.stream.StreamEvent;

/** Whether a stream event may enter the pipeline; the reason when it may not. */
public final class StreamEventRules {

    private StreamEventRules() {
    }

    public static Optional<String> problem(String recordKey, StreamEvent event) {
        Optional<String> id = idProblem("streamId", event.getStreamId());
        if (id.isPresent()) {
            return id;
        }
        if (!event.getStreamId().equals(recordKey)) {
            return Optional.of("record key '" + recordKey + "' differs from streamId '" + event.getStreamId()
                    + "'; the key must be the stream id so a stream's events stay in order on one partition");
        }
        Object payload = event.getPayload();
        if (payload instanceof Segment segment) {
            return segmentProblem(segment);
        }
        if (payload instanceof RenditionInfo info) {
            return renditionInfoProblem(info);
        }
        return Optional.empty();
    }

    public static Optional<String> segmentProblem(Segment segment) {
        return first(
                idProblem("rendition", segment.getRendition()),
                sequenceProblem(segment.getSequence()),
                durationProblem(segment.getDurationMicros()),
                uriProblem(segment.getUri()));
    }

    public static Optional<String> renditionInfoProblem(RenditionInfo info) {
        Optional<String> rendition = idProblem("rendition", info.getRendition());
        if (rendition.isPresent()) {
            return rendition;
        }
        return renditionAttributesProblem(info.getBandwidth(), info.getAverageBandwidth(), info.getResolution(),
                info.getCodecs(), info.getFrameRate());
    }
}
