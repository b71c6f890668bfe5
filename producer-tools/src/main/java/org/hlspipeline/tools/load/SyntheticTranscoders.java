package org.hlspipeline.tools.load;

import java.util.ArrayList;
import java.util.List;

import org.hlspipeline.schemas.stream.EndOfStream;
import org.hlspipeline.schemas.stream.RenditionInfo;
import org.hlspipeline.schemas.stream.Segment;
import org.hlspipeline.schemas.stream.StreamEvent;

/**
 * The events of a {@link LoadPlan}, as its transcoders would publish them: keyed by stream id, with URIs that
 * depend only on the stream, the rendition and the sequence, so that two runs of the same plan send the same
 * bytes.
 */
final class SyntheticTranscoders {

    /** One record to send. */
    record Event(String key, StreamEvent value) {
    }

    /** H.264 High 4.0 and AAC-LC: what a real ladder up to 1080p would declare. */
    static final String CODECS = "avc1.640028,mp4a.40.2";

    private final LoadPlan plan;

    SyntheticTranscoders(LoadPlan plan) {
        this.plan = plan;
    }

    /** A RenditionInfo per rendition of every stream, so that each stream's master playlist lists its ladder. */
    List<Event> renditionInfos() {
        List<Event> events = new ArrayList<>(plan.renditionCount());
        for (int s = 0; s < plan.streams(); s++) {
            String stream = plan.streamId(s);
            for (int r = 0; r < plan.renditions(); r++) {
                RenditionInfo info = RenditionInfo.newBuilder()
                        .setRendition(plan.renditionName(r))
                        .setBandwidth(plan.bandwidth(r))
                        .setResolution(plan.resolution(r).orElse(null))
                        .setCodecs(CODECS)
                        .build();
                events.add(new Event(stream, envelope(stream, info)));
            }
        }
        return events;
    }

    /** Segment event number {@code index} (see {@link LoadPlan} for the numbering). */
    Event segment(long index) {
        int s = plan.streamOf(index);
        int r = plan.renditionOf(index);
        long sequence = plan.sequenceOf(index);
        String stream = plan.streamId(s);
        Segment segment = Segment.newBuilder()
                .setRendition(plan.renditionName(r))
                .setSequence(sequence)
                .setDurationMicros(plan.segmentDurationMicros())
                .setUri(plan.uri(s, r, sequence))
                .setDiscontinuity(false)
                .build();
        return new Event(stream, envelope(stream, segment));
    }

    /** An EndOfStream per stream. */
    List<Event> ends() {
        List<Event> events = new ArrayList<>(plan.streams());
        for (int s = 0; s < plan.streams(); s++) {
            String stream = plan.streamId(s);
            events.add(new Event(stream, envelope(stream, EndOfStream.newBuilder().setReason("load run ended")
                    .build())));
        }
        return events;
    }

    private static StreamEvent envelope(String stream, Object payload) {
        return StreamEvent.newBuilder().setStreamId(stream).setPayload(payload).build();
    }
}
