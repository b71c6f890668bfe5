package org.hlspipeline.processor.channel;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.hlspipeline.processor.playout.LiveFeed;
import org.hlspipeline.processor.playout.LiveSegment;
import org.hlspipeline.processor.window.RenditionWindow;
import org.hlspipeline.processor.ingest.StreamStateCodecs;
import org.hlspipeline.processor.ingest.WindowKeys;
import org.hlspipeline.processor.window.WindowSegment;

/**
 * The live feed a channel task relays from: the stream windows' global mirror. A segment is relayed only once
 * every rendition of the channel's ladder shows it (not while it waits behind a missing one), so all renditions
 * of the channel keep the same boundaries.
 */
final class StoreLiveFeed implements LiveFeed {

    private final ReadOnlyKeyValueStore<String, byte[]> windows;

    StoreLiveFeed(ReadOnlyKeyValueStore<String, byte[]> windows) {
        this.windows = windows;
    }

    @Override
    public Optional<LiveSegment> segment(String streamId, long sequence, List<String> renditions) {
        Map<String, String> uris = new TreeMap<>();
        WindowSegment first = null;
        for (String rendition : renditions) {
            RenditionWindow window = window(streamId, rendition);
            if (window == null || sequence < window.mediaSequence() || sequence >= window.nextSequence()) {
                return Optional.empty();
            }
            WindowSegment shown = window.segments().get((int) (sequence - window.mediaSequence()));
            uris.put(rendition, shown.uri());
            if (first == null) {
                first = shown;
            }
        }
        if (first == null) {
            return Optional.empty();
        }
        return Optional.of(new LiveSegment(sequence, first.durationMicros(), uris, first.gap()));
    }

    @Override
    public Optional<Span> span(String streamId, List<String> renditions) {
        long oldest = Long.MIN_VALUE;
        long newest = Long.MAX_VALUE;
        for (String rendition : renditions) {
            RenditionWindow window = window(streamId, rendition);
            if (window == null) {
                return Optional.empty();
            }
            oldest = Math.max(oldest, window.mediaSequence());
            newest = Math.min(newest, window.nextSequence() - 1);
        }
        return renditions.isEmpty() || oldest > newest ? Optional.empty() : Optional.of(new Span(oldest, newest));
    }

    @Override
    public boolean ended(String streamId) {
        try (KeyValueIterator<String, byte[]> it = windows.prefixScan(streamId + "/",
                new org.apache.kafka.common.serialization.StringSerializer())) {
            while (it.hasNext()) {
                RenditionWindow window = decode(it.next().value);
                if (window != null && window.ended()) {
                    return true;
                }
            }
        }
        return false;
    }

    private RenditionWindow window(String streamId, String rendition) {
        return decode(windows.get(WindowKeys.of(streamId, rendition)));
    }

    private static RenditionWindow decode(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        try {
            return StreamStateCodecs.WINDOW.decode(bytes);
        } catch (RuntimeException e) {
            return null; // a window this release cannot read is a stream it cannot relay, not a failed task
        }
    }
}
