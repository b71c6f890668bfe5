package org.hlspipeline.queryapi.http;

import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.hlspipeline.processor.hls.MediaPlaylist;
import org.hlspipeline.processor.hls.PlaylistRenderer;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Rendered media playlists by store key and window version. A window changes once per segment while thousands
 * of players poll it, so each version is rendered once per instance and every other poll is a map lookup.
 * Rendering is a pure function of the window, so a cached entry is always the bytes a fresh render would give.
 *
 * <p>It also keeps this instance's answers from going back in time. A read may find an older copy of a window
 * than the one last served: a standby a moment behind its owner, or a restarted owner that restored only what was
 * committed (its store had shown players state that the crash then aborted, and that it is about to redo). Its
 * media sequence may be lower than the one players already have, which RFC 8216 §6.2.1 forbids, so the newer
 * playlist is served again instead until the copy catches up. Why, and what it cannot cover, in
 * docs/operations.md ("An instance goes down").
 */
@Component
public class RenderedPlaylistCache {

    static final int MAX_ENTRIES = 200_000;

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final Timer renderTime;
    private final Counter olderState;

    RenderedPlaylistCache(MeterRegistry registry) {
        this.renderTime = Timer.builder("hls.render").description("Time to render a media playlist")
                .register(registry);
        this.olderState = Counter.builder("hls.playlist.older.state")
                .description("Reads that found an older copy than the playlist last served, and served that one")
                .register(registry);
    }

    /**
     * @param version  what the playlist depends on: equal versions render the same bytes
     * @param progress how far the playlist has moved on (never lower for a later state of the same key); a read
     *                 of lower progress than the one last served gets the one last served
     */
    public RenderedPlaylist media(String key, long version, long progress, Supplier<MediaPlaylist> playlist) {
        Entry cached = entries.get(key);
        if (cached != null && cached.version == version) {
            return cached.playlist;
        }
        if (cached != null && progress < cached.progress) {
            olderState.increment();
            return cached.playlist;
        }
        long start = System.nanoTime();
        RenderedPlaylist rendered = RenderedPlaylist.of(PlaylistRenderer.renderMedia(playlist.get()));
        renderTime.record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
        if (entries.size() >= MAX_ENTRIES) {
            evictSome();
        }
        entries.put(key, new Entry(version, progress, rendered));
        return rendered;
    }

    /** Drops an arbitrary tenth; a miss only costs one render, so precise LRU is not worth its locking. */
    private void evictSome() {
        int toDrop = MAX_ENTRIES / 10;
        Iterator<String> keys = entries.keySet().iterator();
        while (toDrop-- > 0 && keys.hasNext()) {
            keys.next();
            keys.remove();
        }
    }

    private record Entry(long version, long progress, RenderedPlaylist playlist) {
    }
}
