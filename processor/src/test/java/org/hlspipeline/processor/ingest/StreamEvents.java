package org.hlspipeline.processor.ingest;

import org.hlspipeline.schemas.stream.EndOfStream;
import org.hlspipeline.schemas.stream.RenditionInfo;
import org.hlspipeline.schemas.stream.Segment;
import org.hlspipeline.schemas.stream.StreamEvent;

/** Builds stream events for tests, in the words of the domain. */
public final class StreamEvents {

    private StreamEvents() {
    }

    public static StreamEvent segment(String streamId, String rendition, long sequence, double seconds, String uri) {
        return new StreamEvent(streamId, null, Segment.newBuilder().setRendition(rendition).setSequence(sequence)
                .setDurationMicros(Math.round(seconds * 1_000_000)).setUri(uri).build());
    }

    public static StreamEvent segment(String streamId, String rendition, long sequence) {
        return segment(streamId, rendition, sequence, 2.0, "seg" + sequence + ".ts");
    }

    public static StreamEvent discontinuity(String streamId, String rendition, long sequence) {
        StreamEvent event = segment(streamId, rendition, sequence);
        ((Segment) event.getPayload()).setDiscontinuity(true);
        return event;
    }

    /** A CMAF segment: its initialisation section, and a key when given. */
    public static StreamEvent fmp4Segment(String streamId, String rendition, long sequence, String init,
                                          org.hlspipeline.schemas.stream.SegmentKey key) {
        StreamEvent event = segment(streamId, rendition, sequence, 2.0, "seg" + sequence + ".m4s");
        Segment segment = (Segment) event.getPayload();
        segment.setMap(new org.hlspipeline.schemas.stream.InitSection(init, null));
        segment.setKey(key);
        return event;
    }

    public static StreamEvent renditionInfo(String streamId, String rendition, long bandwidth, String resolution) {
        return new StreamEvent(streamId, null, RenditionInfo.newBuilder().setRendition(rendition)
                .setBandwidth(bandwidth).setResolution(resolution).setCodecs("avc1.4d401f,mp4a.40.2").build());
    }

    public static StreamEvent end(String streamId) {
        return new StreamEvent(streamId, null, new EndOfStream(null));
    }
}
