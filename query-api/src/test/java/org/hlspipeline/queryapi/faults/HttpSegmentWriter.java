package org.hlspipeline.queryapi.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.hlspipeline.queryapi.testing.HttpPlaylists;

/**
 * A packager posting one stream's segments to the app, one after the other, as fast as they are taken. A refused
 * post (the app answers 503 when Kafka does not take the event) is retried with the same sequence and path, which
 * the pipeline applies once however often it arrives.
 */
final class HttpSegmentWriter {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final URI uri;
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong firstAcceptedAfter = new AtomicLong(Long.MAX_VALUE);
    private volatile long watchFrom = Long.MAX_VALUE;
    private volatile long longestMillis;
    private volatile long lastAccepted = -1;
    private volatile boolean running;
    private Thread thread;

    HttpSegmentWriter(String baseUrl, String stream, String rendition) {
        this.uri = URI.create(baseUrl + HttpPlaylists.mediaPath(stream, rendition)
                .replace("/playlist.m3u8", "/segments"));
    }

    void start() {
        running = true;
        thread = new Thread(this::run, "http-segment-writer");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        long sequence = 0;
        while (running) {
            long began = System.currentTimeMillis();
            int status = post(sequence);
            long ended = System.currentTimeMillis();
            longestMillis = Math.max(longestMillis, ended - began);
            if (status == 201 || status == 202) {
                accepted.incrementAndGet();
                lastAccepted = sequence++;
                if (began >= watchFrom) {
                    firstAcceptedAfter.compareAndSet(Long.MAX_VALUE, ended);
                }
            } else {
                refused.incrementAndGet();
                LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
            }
        }
    }

    private int post(long sequence) {
        String body = "{\"sequence\":" + sequence + ",\"duration\":1.0,\"path\":\"seg" + sequence + ".ts\"}";
        try {
            return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
            return -1;
        }
    }

    /** From now on, note when the first post sent after this moment is accepted. */
    void watchFrom(long epochMillis) {
        watchFrom = epochMillis;
    }

    void stop() throws InterruptedException {
        running = false;
        thread.join(40_000);
    }

    long accepted() {
        return accepted.get();
    }

    long refused() {
        return refused.get();
    }

    long longestMillis() {
        return longestMillis;
    }

    long lastAccepted() {
        return lastAccepted;
    }

    /** When the first post sent after {@link #watchFrom} was accepted, epoch millis. */
    long firstAcceptedAfter() {
        return firstAcceptedAfter.get();
    }
}
