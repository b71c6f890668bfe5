package org.hlspipeline.processor.channel;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.hlspipeline.processor.hls.SegmentMedia;
import org.hlspipeline.processor.ingest.WindowKeys;
import org.hlspipeline.processor.kafka.SegmentMediaRecords;
import org.hlspipeline.processor.playout.LiveFeed;
import org.hlspipeline.processor.playout.LiveSegment;
import org.hlspipeline.schemas.stream.LiveWindow;
import org.hlspipeline.schemas.stream.LiveWindowSegment;

/**
 * The live feed a channel task relays from: the global mirror of the live-windows topic. A segment is relayed
 * only once every rendition of the channel's ladder shows it (not while it waits behind a missing one), so all
 * renditions of the channel keep the same boundaries. Each rendition's initialisation section, byte range and key
 * come along, so that a relayed fMP4 or encrypted stream plays in the channel.
 */
final class StoreLiveFeed implements LiveFeed {

    private static final StringSerializer KEYS = new StringSerializer();

    private final ReadOnlyKeyValueStore<String, byte[]> windows;
    private final Deserializer<LiveWindow> deserializer;
    private final String topic;

    StoreLiveFeed(ReadOnlyKeyValueStore<String, byte[]> windows, Deserializer<LiveWindow> deserializer,
                  String topic) {
        this.windows = windows;
        this.deserializer = deserializer;
        this.topic = topic;
    }

    @Override
    public Optional<LiveSegment> segment(String streamId, long sequence, List<String> renditions) {
        Map<String, String> uris = new TreeMap<>();
        Map<String, SegmentMedia> media = new TreeMap<>();
        LiveWindowSegment first = null;
        for (String rendition : renditions) {
            LiveWindow window = window(streamId, rendition);
            if (window == null || sequence < window.getMediaSequence() || sequence >= nextSequence(window)) {
                return Optional.empty();
            }
            LiveWindowSegment shown = window.getSegments().get((int) (sequence - window.getMediaSequence()));
            uris.put(rendition, shown.getUri());
            try {
                media.put(rendition, SegmentMediaRecords.fromRecords(shown.getMap(), shown.getByteRange(),
                        shown.getKey()));
            } catch (IllegalArgumentException e) {
                return Optional.empty(); // checked at ingest; a window that breaks the rules is not relayed
            }
            if (first == null) {
                first = shown;
            }
        }
        if (first == null) {
            return Optional.empty();
        }
        return Optional.of(new LiveSegment(sequence, first.getDurationMicros(), uris, first.getGap(), media));
    }

    @Override
    public Optional<Span> span(String streamId, List<String> renditions) {
        long oldest = Long.MIN_VALUE;
        long newest = Long.MAX_VALUE;
        for (String rendition : renditions) {
            LiveWindow window = window(streamId, rendition);
            if (window == null) {
                return Optional.empty();
            }
            oldest = Math.max(oldest, window.getMediaSequence());
            newest = Math.min(newest, nextSequence(window) - 1);
        }
        return renditions.isEmpty() || oldest > newest ? Optional.empty() : Optional.of(new Span(oldest, newest));
    }

    @Override
    public boolean ended(String streamId) {
        try (KeyValueIterator<String, byte[]> it = windows.prefixScan(WindowKeys.of(streamId, ""), KEYS)) {
            while (it.hasNext()) {
                LiveWindow window = decode(it.next().value);
                if (window != null && window.getEnded()) {
                    return true;
                }
            }
        }
        return false;
    }

    private LiveWindow window(String streamId, String rendition) {
        return decode(windows.get(WindowKeys.of(streamId, rendition)));
    }

    private static long nextSequence(LiveWindow window) {
        return window.getMediaSequence() + window.getSegments().size();
    }

    private LiveWindow decode(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        try {
            return deserializer.deserialize(topic, bytes);
        } catch (RuntimeException e) {
            return null; // a window this release cannot read is a stream it cannot relay, not a failed task
        }
    }
}
