package org.hlspipeline.processor.ingest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.processor.StreamPartitioner;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.hlspipeline.processor.kafka.KeyPartitions;
import org.hlspipeline.processor.kafka.SegmentMediaRecords;
import org.hlspipeline.processor.window.RenditionWindow;
import org.hlspipeline.processor.window.WindowSegment;
import org.hlspipeline.schemas.stream.LiveWindow;
import org.hlspipeline.schemas.stream.LiveWindowSegment;

/**
 * Publishes the windows to the live-windows topic, so live relays (and anyone else) read an explicit topic
 * instead of a store's changelog (see docs/architecture.md, Live relays).
 *
 * <p>A window is published only when what its playlist shows changes (its {@code version}), which is exactly
 * what a relay can see; arrivals that only wait as pending segments cost nothing. A removed window leaves a
 * tombstone, so the compacted topic holds the live streams only. With exactly-once, the record is written in
 * the same transaction as the store update that caused it.
 */
final class LiveWindowPublisher {

    static final String CHILD = "live-windows-sink";

    /**
     * Records go to the stream id's partition, as {@code hls.stream-events} does with its key: all renditions of
     * a stream stay in one partition, in the order ingest applied them, so a relay never sees one rendition
     * ahead of the others because two partitions were read at different speeds.
     */
    static final StreamPartitioner<String, byte[]> BY_STREAM_ID = (topic, key, value, partitions) ->
            Optional.of(Set.of(KeyPartitions.of(WindowKeys.streamId(key), partitions)));

    private final ProcessorContext<String, byte[]> context;
    private final Serializer<LiveWindow> serializer;
    private final String topic;

    LiveWindowPublisher(ProcessorContext<String, byte[]> context, Serializer<LiveWindow> serializer, String topic) {
        this.context = context;
        this.serializer = serializer;
        this.topic = topic;
    }

    void saved(String key, RenditionWindow before, RenditionWindow after) {
        if (before != null && before.version() == after.version()) {
            return;
        }
        forward(key, serializer.serialize(topic, toLiveWindow(key, after)));
    }

    void removed(String key) {
        forward(key, null);
    }

    private void forward(String key, byte[] value) {
        context.forward(new Record<>(key, value, context.currentStreamTimeMs()), CHILD);
    }

    static LiveWindow toLiveWindow(String key, RenditionWindow window) {
        List<LiveWindowSegment> segments = new ArrayList<>(window.segments().size());
        for (WindowSegment s : window.segments()) {
            Instant programDateTime = s.programDateTimeMillis() == null ? null
                    : Instant.ofEpochMilli(s.programDateTimeMillis());
            segments.add(new LiveWindowSegment(s.sequence(), s.uri(), s.durationMicros(), s.discontinuity(),
                    s.gap(), programDateTime, SegmentMediaRecords.mapRecord(s.media()),
                    SegmentMediaRecords.byteRangeRecord(s.media()), SegmentMediaRecords.keyRecord(s.media())));
        }
        return new LiveWindow(WindowKeys.streamId(key), WindowKeys.rendition(key), window.targetDurationSeconds(),
                window.mediaSequence(), window.discontinuitySequence(), segments, window.ended(), window.version());
    }
}
