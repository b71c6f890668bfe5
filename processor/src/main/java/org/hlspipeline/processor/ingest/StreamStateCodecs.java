package org.hlspipeline.processor.ingest;

import org.hlspipeline.processor.hls.RenditionDescription;
import org.hlspipeline.processor.hls.SegmentKey;
import org.hlspipeline.processor.kafka.RenditionRecords;
import org.hlspipeline.processor.window.PendingSegment;
import org.hlspipeline.processor.window.RenditionWindow;
import org.hlspipeline.processor.window.StreamState;
import org.hlspipeline.processor.window.WindowSegment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.hlspipeline.schemas.state.PendingSegmentState;
import org.hlspipeline.schemas.state.RenditionDescriptionState;
import org.hlspipeline.schemas.state.RenditionWindowState;
import org.hlspipeline.schemas.state.StreamStateRecord;
import org.hlspipeline.schemas.state.WindowSegmentState;
import org.hlspipeline.processor.kafka.SegmentMediaRecords;
import org.hlspipeline.processor.kafka.StateCodec;

/** Store codecs for the stream stores: domain values on one side, Avro state records on the other. */
public final class StreamStateCodecs {

    public static final StateCodec<RenditionWindow, RenditionWindowState> WINDOW = new StateCodec<>(
            RenditionWindowState.getEncoder(), StateCodec.decoderOf(RenditionWindowState.getClassSchema(),
                    RenditionWindowState.class, "RenditionWindowState-v1.avsc", "RenditionWindowState-v2.avsc"),
            StreamStateCodecs::toRecord, StreamStateCodecs::fromRecord);

    public static final StateCodec<StreamState, StreamStateRecord> STREAM = new StateCodec<>(
            StreamStateRecord.getEncoder(), StateCodec.decoderOf(StreamStateRecord.getClassSchema(),
                    StreamStateRecord.class, "StreamStateRecord-v1.avsc"),
            StreamStateCodecs::toRecord, StreamStateCodecs::fromRecord);

    private StreamStateCodecs() {
    }

    private static RenditionWindowState toRecord(RenditionWindow w) {
        List<WindowSegmentState> segments = new ArrayList<>(w.segments().size());
        for (WindowSegment s : w.segments()) {
            segments.add(toRecord(s));
        }
        List<PendingSegmentState> pending = new ArrayList<>(w.pending().size());
        for (PendingSegment p : w.pending()) {
            pending.add(new PendingSegmentState(toRecord(p.segment()), p.arrivedAtMillis()));
        }
        return new RenditionWindowState(w.targetDurationSeconds(), w.windowSize(), w.maxPendingSegments(),
                w.mediaSequence(), w.discontinuitySequence(), segments, pending, w.ended(),
                w.targetDurationExceeded(), w.lastActivityMillis(), w.version(), w.lostSegments(),
                w.lateSegments(), w.iFramesOnly());
    }

    private static RenditionWindow fromRecord(RenditionWindowState r) {
        List<WindowSegment> segments = new ArrayList<>(r.getSegments().size());
        for (WindowSegmentState s : r.getSegments()) {
            segments.add(fromRecord(s));
        }
        List<PendingSegment> pending = new ArrayList<>(r.getPending().size());
        for (PendingSegmentState p : r.getPending()) {
            pending.add(new PendingSegment(fromRecord(p.getSegment()), p.getArrivedAtMillis()));
        }
        return new RenditionWindow(r.getTargetDurationSeconds(), r.getWindowSize(), r.getMaxPendingSegments(),
                r.getMediaSequence(), r.getDiscontinuitySequence(), segments, pending, r.getEnded(),
                r.getTargetDurationExceeded(), r.getLastActivityMillis(), r.getVersion(), r.getLostSegments(),
                r.getLateSegments(), r.getIFramesOnly());
    }

    private static WindowSegmentState toRecord(WindowSegment s) {
        return new WindowSegmentState(s.sequence(), s.uri(), s.durationMicros(), s.discontinuity(), s.gap(),
                s.programDateTimeMillis(), SegmentMediaRecords.mapRecord(s.media()),
                SegmentMediaRecords.byteRangeRecord(s.media()), SegmentMediaRecords.keyRecord(s.media()));
    }

    private static WindowSegment fromRecord(WindowSegmentState s) {
        return new WindowSegment(s.getSequence(), s.getUri(), s.getDurationMicros(), s.getDiscontinuity(),
                s.getGap(), s.getProgramDateTimeMillis(),
                SegmentMediaRecords.fromRecords(s.getMap(), s.getByteRange(), s.getKey()));
    }

    private static StreamStateRecord toRecord(StreamState s) {
        Map<String, RenditionDescriptionState> descriptions = new TreeMap<>();
        s.descriptions().forEach((rendition, d) -> descriptions.put(rendition,
                RenditionRecords.write(d, new RenditionDescriptionState(), RenditionRecords.NAME)));
        Map<String, org.hlspipeline.schemas.stream.SegmentKey> keys = new TreeMap<>();
        s.keys().forEach((rendition, key) -> keys.put(rendition, SegmentMediaRecords.keyRecord(key)));
        return new StreamStateRecord(s.streamId(), new ArrayList<>(s.renditions()), descriptions, keys, s.ended(),
                s.lastActivityMillis());
    }

    private static StreamState fromRecord(StreamStateRecord r) {
        TreeMap<String, RenditionDescription> descriptions = new TreeMap<>();
        r.getDescriptions().forEach((rendition, d) -> descriptions.put(rendition,
                RenditionRecords.form(d, RenditionRecords.NAME).description()));
        TreeMap<String, SegmentKey> keys = new TreeMap<>();
        r.getKeys().forEach((rendition, key) -> keys.put(rendition, SegmentMediaRecords.key(key)));
        return new StreamState(r.getStreamId(), new TreeSet<>(r.getRenditions()), descriptions, keys, r.getEnded(),
                r.getLastActivityMillis());
    }
}
