package org.hlspipeline.queryapi.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.hlspipeline.processor.hls.HlsPlaylistParser;
import org.hlspipeline.processor.hls.ParsedMediaPlaylist;
import org.hlspipeline.queryapi.testing.HttpPlaylists;

/**
 * Viewers of every stream, polling one instance's media playlists round after round, as players refresh them.
 * It keeps what an operator's dashboard and a player would see: how many polls failed and the longest time a
 * stream went without a good answer, and every breach of RFC 8216 §6.2.1 between two polls of a stream (a media
 * sequence that went down, or one that came back with another first segment).
 */
final class PlaylistPoller implements AutoCloseable {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String baseUrl;
    private final List<String> streams;
    private final Thread thread;
    private final AtomicLong polls = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final Map<String, Long> lastGood = new ConcurrentHashMap<>();
    private final Map<String, long[]> lastSequenceAndFirst = new ConcurrentHashMap<>();
    private final Map<String, Map<Long, String>> firstUriBySequence = new ConcurrentHashMap<>();
    private final List<String> breaches = java.util.Collections.synchronizedList(new ArrayList<>());
    private volatile long longestGapMillis;
    private volatile boolean running = true;

    PlaylistPoller(String baseUrl, List<String> streams) {
        this.baseUrl = baseUrl;
        this.streams = List.copyOf(streams);
        this.thread = new Thread(this::run, "playlist-poller");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        while (running) {
            for (String stream : streams) {
                if (!running) {
                    return;
                }
                poll(stream);
            }
        }
    }

    private void poll(String stream) {
        long now = System.currentTimeMillis();
        String body = null;
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            URI.create(baseUrl + HttpPlaylists.mediaPath(stream, SegmentLoad.RENDITION)))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                body = response.body();
            }
        } catch (IOException e) {
            // counted below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
            return;
        }
        polls.incrementAndGet();
        Long previous = lastGood.get(stream);
        if (body == null) {
            // Before its first good answer a stream may not exist yet; after it, every miss is a failed read.
            if (previous != null) {
                failures.incrementAndGet();
            }
            return;
        }
        if (previous != null) {
            longestGapMillis = Math.max(longestGapMillis, now - previous);
        }
        lastGood.put(stream, now);
        check(stream, HlsPlaylistParser.parseMedia(body));
    }

    private void check(String stream, ParsedMediaPlaylist playlist) {
        long sequence = playlist.mediaSequence();
        String first = playlist.uris().isEmpty() ? "" : playlist.uris().get(0);
        long[] before = lastSequenceAndFirst.put(stream, new long[] {sequence});
        if (before != null && sequence < before[0]) {
            breaches.add(stream + ": media sequence went from " + before[0] + " down to " + sequence);
        }
        String earlier = firstUriBySequence.computeIfAbsent(stream, s -> new ConcurrentHashMap<>())
                .putIfAbsent(sequence, first);
        if (earlier != null && !earlier.equals(first)) {
            breaches.add(stream + ": media sequence " + sequence + " began with " + earlier + ", later with " + first);
        }
    }

    /** The longest time between two good answers for one stream; a round of polls over every stream is the floor. */
    long longestGapMillis() {
        return longestGapMillis;
    }

    long polls() {
        return polls.get();
    }

    long failures() {
        return failures.get();
    }

    List<String> breaches() {
        return List.copyOf(breaches);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(10_000);
    }
}
