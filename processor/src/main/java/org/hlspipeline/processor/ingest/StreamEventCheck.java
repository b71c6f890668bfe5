package org.hlspipeline.processor.ingest;

import java.util.Optional;

import org.hlspipeline.processor.rules.StreamEventRules;
import org.hlspipeline.schemas.stream.RenditionInfo;
import org.hlspipeline.schemas.stream.Segment;
import org.hlspipeline.schemas.stream.StreamEvent;

/**
 * Whether a stream event record (the Avro contract of {@code hls.stream-events}) may enter the pipeline: hands
 * its fields to {@link StreamEventRules}. The ingest topology and the HTTP gateway check here (see
 * docs/input-rules.md, Stream events).
 */
public final class StreamEventCheck {

    private StreamEventCheck() {
    }

    public static Optional<String> problem(String recordKey, StreamEvent event) {
        Optional<String> key = StreamEventRules.keyProblem(recordKey, event.getStreamId());
        if (key.isPresent()) {
            return key;
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
        return StreamEventRules.segmentProblem(segment.getRendition(), segment.getSequence(),
                segment.getDurationMicros(), segment.getUri());
    }

    public static Optional<String> renditionInfoProblem(RenditionInfo info) {
        return StreamEventRules.renditionInfoProblem(info.getRendition(), info.getBandwidth(),
                info.getAverageBandwidth(), info.getResolution(), info.getCodecs(), info.getFrameRate());
    }
}
