package org.hlspipeline.queryapi.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.hlspipeline.processor.hls.MediaPlaylist;
import org.hlspipeline.processor.hls.MediaSegment;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class RenderedPlaylistCacheTest {

    private static final long SECOND = 1_000_000L;

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final RenderedPlaylistCache cache = new RenderedPlaylistCache(registry);

    /** A window of two 2 s segments starting at {@code mediaSequence}. */
    private static MediaPlaylist window(long mediaSequence) {
        return new MediaPlaylist(2, mediaSequence, 0, List.of(MediaSegment.of(mediaSequence + ".ts", 2 * SECOND),
                MediaSegment.of((mediaSequence + 1) + ".ts", 2 * SECOND)), false);
    }

    private static String text(RenderedPlaylist playlist) {
        return new String(playlist.bytes(), StandardCharsets.UTF_8);
    }

    @Test
    void anOlderCopyThanTheOneServedGetsTheOneServedAndIsCounted() {
        cache.media("s/720p", 7, 7, () -> window(5));

        String served = text(cache.media("s/720p", 6, 6, () -> window(4)));

        assertThat(served).contains("#EXT-X-MEDIA-SEQUENCE:5\n").doesNotContain("#EXT-X-MEDIA-SEQUENCE:4\n");
        assertThat(registry.counter("hls.playlist.older.state").count()).isEqualTo(1);
    }

    @Test
    void aNewerCopyIsRenderedAndThenHeldToo() {
        cache.media("s/720p", 7, 7, () -> window(5));

        assertThat(text(cache.media("s/720p", 8, 8, () -> window(6)))).contains("#EXT-X-MEDIA-SEQUENCE:6\n");
        assertThat(text(cache.media("s/720p", 7, 7, () -> window(5)))).contains("#EXT-X-MEDIA-SEQUENCE:6\n");
        assertThat(registry.counter("hls.playlist.older.state").count()).isEqualTo(1);
    }

    /** A channel re-configured without airing: same progress, another version, so the new bytes are served. */
    @Test
    void anotherVersionAtTheSameProgressIsRenderedAgain() {
        cache.media("channel/c/720p", 16 * 9 + 8, 9, () -> window(5));

        String served = text(cache.media("channel/c/720p", 16 * 9, 9, () -> window(4)));

        assertThat(served).contains("#EXT-X-MEDIA-SEQUENCE:4\n");
        assertThat(registry.counter("hls.playlist.older.state").count()).isZero();
    }

    @Test
    void keysAreHeldApart() {
        cache.media("a/720p", 7, 7, () -> window(5));

        assertThat(text(cache.media("b/720p", 3, 3, () -> window(1)))).contains("#EXT-X-MEDIA-SEQUENCE:1\n");
    }
}
