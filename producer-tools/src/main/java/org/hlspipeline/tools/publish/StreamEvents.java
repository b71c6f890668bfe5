package org.hlspipeline.tools.publish;

import java.time.Instant;

import org.hlspipeline.processor.hls.RenditionDescription;
import org.hlspipeline.processor.hls.VariantDescription;
import org.hlspipeline.processor.kafka.RenditionRecords;
import org.hlspipeline.processor.hls.SegmentMedia;
import org.hlspipeline.processor.kafka.SegmentMediaRecords;
import org.hlspipeline.schemas.stream.EndOfStream;
import org.hlspipeline.schemas.stream.RenditionInfo;
import org.hlspipeline.schemas.stream.Segment;
import org.hlspipeline.schemas.stream.StreamEvent;

/** The {@code hls.stream-events} envelopes the commands send, keyed by the stream id. */
public final class StreamEvents {

    private StreamEvents() {
    }

    public static StreamEvent segment(String stream, String eventId, String rendition, long sequence, long durationMicros,
                               String uri, Instant programDateTime, boolean discontinuity) {
        return segment(stream, eventId, rendition, sequence, durationMicros, uri, programDateTime, discontinuity,
                SegmentMedia.NONE);
    }

    /** @param media the initialisation section, byte range and key of an fMP4/CMAF or encrypted segment */
    public static StreamEvent segment(String stream, String eventId, String rendition, long sequence, long durationMicros,
                               String uri, Instant programDateTime, boolean discontinuity, SegmentMedia media) {
        return envelope(stream, eventId, Segment.newBuilder()
                .setRendition(rendition)
                .setSequence(sequence)
                .setDurationMicros(durationMicros)
                .setUri(uri)
                .setProgramDateTime(programDateTime)
                .setDiscontinuity(discontinuity)
                .setMap(SegmentMediaRecords.mapRecord(media))
                .setByteRange(SegmentMediaRecords.byteRangeRecord(media))
                .setKey(SegmentMediaRecords.keyRecord(media))
                .build());
    }

    public static StreamEvent renditionInfo(String stream, String eventId, String rendition, long bandwidth,
                                     Long averageBandwidth, String resolution, String codecs, Double frameRate) {
        return renditionInfo(stream, eventId, rendition,
                VariantDescription.of(bandwidth, averageBandwidth, resolution, codecs, frameRate));
    }

    public static StreamEvent renditionInfo(String stream, String eventId, String rendition,
                                            RenditionDescription description) {
        RenditionInfo info = new RenditionInfo();
        info.setRendition(rendition);
        return envelope(stream, eventId, RenditionRecords.write(description, info, RenditionRecords.NAME));
    }

    public static StreamEvent end(String stream, String eventId, String reason) {
        return envelope(stream, eventId, EndOfStream.newBuilder().setReason(reason).build());
    }

    private static StreamEvent envelope(String stream, String eventId, Object payload) {
        return StreamEvent.newBuilder()
                .setStreamId(stream)
                .setEventId(eventId)
                .setPayload(payload)
                .build();
    }
}
