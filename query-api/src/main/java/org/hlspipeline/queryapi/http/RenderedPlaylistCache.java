package org.hlspipeline.queryapi.http;

import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.hlspipeline.processor.hls.MediaPlaylist;
import org.hlspipeline.processor.hls.PlaylistRenderer;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Rendered media playlists by store key and window version. A window changes once per segment while thousands
 * of players poll it, so each version is rendered once per instance and every other poll is a map lookup.
 * Rendering is a pure function of the window, so a cached entry is always the bytes a fresh render would give.
 */
@Component
public class RenderedPlaylistCache {

    static final int MAX_ENTRIES = 200_000;

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final Timer renderTime;

    RenderedPlaylistCache(MeterRegistry registry) {
        this.renderTime = Timer.builder("hls.render").description("Time to render a media playlist")
                .register(registry);
    }

    public RenderedPlaylist media(String key, long version, Supplier<MediaPlaylist> playlist) {
        Entry cached = entries.get(key);
        if (cached != null && cached.version == version) {
            return cached.playlist;
        }
        long start = System.nanoTime();
        RenderedPlaylist rendered = RenderedPlaylist.of(PlaylistRenderer.renderMedia(playlist.get()));
        renderTime.record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
        if (entries.size() >= MAX_ENTRIES) {
            evictSome();
        }
        entries.put(key, new Entry(version, rendered));
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

    private record Entry(long version, RenderedPlaylist playlist) {
    }
}
