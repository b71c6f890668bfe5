package org.hlspipeline.processor.ingest;

import org.hlspipeline.processor.hls.RenditionDescription;
import org.hlspipeline.processor.kafka.RenditionRecords;
import java.util.Optional;

import org.hlspipeline.processor.rules.StreamEventRules;
import org.hlspipeline.schemas.stream.ByteRange;
import org.hlspipeline.schemas.stream.InitSection;
import org.hlspipeline.schemas.stream.RenditionInfo;
import org.hlspipeline.schemas.stream.SegmentKey;
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
        Optional<String> problem = StreamEventRules.segmentProblem(segment.getRendition(), segment.getSequence(),
                segment.getDurationMicros(), segment.getUri());
        if (problem.isPresent()) {
            return problem;
        }
        InitSection map = segment.getMap();
        if (map != null) {
            ByteRange range = map.getByteRange();
            problem = StreamEventRules.mapProblem(map.getUri(), range == null ? null : range.getLength(),
                    range == null ? null : range.getOffset());
        }
        ByteRange range = segment.getByteRange();
        if (problem.isEmpty() && range != null) {
            problem = StreamEventRules.byteRangeProblem(range.getLength(), range.getOffset());
        }
        SegmentKey key = segment.getKey();
        if (problem.isEmpty() && key != null) {
            problem = StreamEventRules.keyProblem(key.getMethod(), key.getUri(), key.getIv(), key.getKeyFormat(),
                    key.getKeyFormatVersions(), map != null);
        }
        return problem;
    }

    public static Optional<String> renditionInfoProblem(RenditionInfo info) {
        return StreamEventRules.renditionInfoProblem(info.getRendition(),
                RenditionRecords.form(info, RenditionRecords.NAME));
    }

    /** The description {@code info} gives; call only once {@link #renditionInfoProblem} found nothing. */
    public static RenditionDescription description(RenditionInfo info) {
        return RenditionRecords.form(info, RenditionRecords.NAME).description();
    }
}
