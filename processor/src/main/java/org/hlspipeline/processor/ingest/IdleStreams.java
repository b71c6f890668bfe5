package org.hlspipeline.processor.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.hlspipeline.processor.kafka.DueIndex;
import org.hlspipeline.processor.window.RenditionWindow;
import org.hlspipeline.processor.window.StreamState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The idle TTL of one ingest task's streams: a stream with no activity for {@link StreamIngestSettings#idleTtl()}
 * is deleted with its windows, on the next record about it or at the idle punctuation, whichever comes first.
 */
final class IdleStreams {

    private static final Logger log = LoggerFactory.getLogger(IdleStreams.class);

    private final StreamIngestSettings settings;
    private final KeyValueStore<String, RenditionWindow> windows;
    private final KeyValueStore<String, StreamState> streams;
    private final DueIndex gapDeadlines;
    /** Null in a topology without the live-windows output. */
    private final LiveWindowPublisher liveWindows;

    IdleStreams(StreamIngestSettings settings, KeyValueStore<String, RenditionWindow> windows,
                KeyValueStore<String, StreamState> streams, DueIndex gapDeadlines, LiveWindowPublisher liveWindows) {
        this.settings = settings;
        this.windows = windows;
        this.streams = streams;
        this.gapDeadlines = gapDeadlines;
        this.liveWindows = liveWindows;
    }

    /**
     * The stream's state, or null when it has none. A stream idle past the TTL at this record's time is gone,
     * whether or not the idle punctuation has swept it yet, so the outcome never depends on when that ran.
     */
    StreamState current(String streamId, long now) {
        StreamState stream = streams.get(streamId);
        if (stream == null) {
            return null;
        }
        long cutoff = now - settings.idleTtl().toMillis();
        if (!stream.idleSince(cutoff) || lastActivity(stream) >= cutoff) {
            return stream;
        }
        remove(stream);
        return null;
    }

    void expire(long nowMillis) {
        long cutoff = nowMillis - settings.idleTtl().toMillis();
        List<StreamState> idle = new ArrayList<>();
        try (KeyValueIterator<String, StreamState> it = streams.all()) {
            while (it.hasNext()) {
                StreamState stream = it.next().value;
                if (stream.idleSince(cutoff) && lastActivity(stream) < cutoff) {
                    idle.add(stream);
                }
            }
        }
        for (StreamState stream : idle) {
            remove(stream);
            log.info("Removed stream {}: idle for more than {}", stream.streamId(), settings.idleTtl());
        }
    }

    /** Deletes a stream and its windows; the changelogs and the live-windows topic carry the tombstones. */
    private void remove(StreamState stream) {
        for (String rendition : stream.renditions()) {
            String key = WindowKeys.of(stream.streamId(), rendition);
            RenditionWindow window = windows.get(key);
            if (window != null) {
                gapDeadlines.update(key, window.gapDeadlineMillis(), OptionalLong.empty());
                windows.delete(key);
                if (liveWindows != null) {
                    liveWindows.removed(key);
                }
            }
        }
        streams.delete(stream.streamId());
        settings.listener().streamExpired(stream.streamId());
    }

    /** The stream record is touched coarsely; the windows know the exact last activity. */
    private long lastActivity(StreamState stream) {
        long last = stream.lastActivityMillis();
        for (String rendition : stream.renditions()) {
            RenditionWindow window = windows.get(WindowKeys.of(stream.streamId(), rendition));
            if (window != null) {
                last = Math.max(last, window.lastActivityMillis());
            }
        }
        return last;
    }
}
