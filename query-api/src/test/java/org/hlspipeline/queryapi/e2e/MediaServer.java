package org.hlspipeline.queryapi.e2e;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The origin that serves the media ffmpeg writes, as a CDN or a web server would in production: the pipeline
 * stores no media, its playlists only point at it. The app's own {@code /media/} exists only in embedded mode,
 * and the tests run the app against an external (the JVM's test) broker, so the tests serve the folder
 * themselves with the JDK's HTTP server on 127.0.0.1. Every answer is recorded, so a test can show that each
 * segment a playlist named was there to fetch. As an origin behind a player must, it answers a {@code Range}
 * request for a byte-range segment with 206 ({@link RangeRequest}), and a browser on another origin with CORS
 * headers.
 */
final class MediaServer implements AutoCloseable {

    /** One request and its status. */
    record Served(String method, String path, int status) {
    }

    /** A part of a file sent (206), as its Content-Range says: {@code bytes <first>-<last>/<length>}. */
    record Part(String path, String contentRange) {
    }

    private final HttpServer server;
    private final ExecutorService workers;
    private final Path root;
    private final List<Served> served = new CopyOnWriteArrayList<>();
    private final List<Part> parts = new CopyOnWriteArrayList<>();

    private MediaServer(Path root) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        // Players fetch a playlist and segments over several connections at once.
        this.workers = Executors.newCachedThreadPool();
        server.setExecutor(workers);
        server.createContext("/", this::answer);
        server.start();
    }

    static MediaServer serve(Path root) throws IOException {
        return new MediaServer(root);
    }

    /** The URL of a file or folder of the root, given relative to it ({@code "ep1/360p/"}). */
    String url(String relative) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + relative;
    }

    List<Served> served() {
        return List.copyOf(served);
    }

    /** Every 206 answer, in order. */
    List<Part> parts() {
        return List.copyOf(parts);
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            // hls.js on the app's page fetches from here, another origin: a CDN answers it with CORS headers.
            exchange.getResponseHeaders().set("Access-Control-Allow-Origin", "*");
            if (method.equals("OPTIONS")) {
                answerPreflight(exchange, path);
                return;
            }
            Path file = root.resolve(path.substring(1)).normalize();
            boolean readable = method.equals("GET") || method.equals("HEAD");
            // Read whole: ffmpeg rewrites its playlists in place, so the length sent must be the bytes sent.
            byte[] body = readable && file.startsWith(root) ? readIfThere(file) : null;
            RangeRequest range = body == null ? null
                    : RangeRequest.of(exchange.getRequestHeaders().getFirst("Range"), body.length);
            int status = !readable ? 405 : range != null ? range.status() : 404;
            served.add(new Served(method, path, status));
            if (range != null) {
                exchange.getResponseHeaders().set("Accept-Ranges", "bytes");
                if (range.contentRange() != null) {
                    exchange.getResponseHeaders().set("Content-Range", range.contentRange());
                }
                if (status == 206) {
                    parts.add(new Part(path, range.contentRange()));
                }
            }
            if (status != 200 && status != 206) {
                exchange.sendResponseHeaders(status, -1);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", contentType(path));
            exchange.getResponseHeaders().set("Cache-Control", "no-cache");
            if (method.equals("HEAD")) {
                exchange.sendResponseHeaders(status, -1);
                return;
            }
            exchange.sendResponseHeaders(status, range.count() == 0 ? -1 : range.count());
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body, (int) range.first(), (int) range.count());
            }
        }
    }

    /** A browser asks first whether a cross-origin request with a Range header may be sent. */
    private void answerPreflight(HttpExchange exchange, String path) throws IOException {
        served.add(new Served("OPTIONS", path, 204));
        exchange.getResponseHeaders().set("Access-Control-Allow-Methods", "GET, HEAD");
        exchange.getResponseHeaders().set("Access-Control-Allow-Headers", "Range");
        exchange.getResponseHeaders().set("Access-Control-Max-Age", "600");
        exchange.sendResponseHeaders(204, -1);
    }

    private static byte[] readIfThere(Path file) throws IOException {
        try {
            return Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
        } catch (NoSuchFileException e) {
            return null; // deleted by the transcoder in between
        }
    }

    private static String contentType(String path) {
        if (path.endsWith(".m3u8")) {
            return "application/vnd.apple.mpegurl";
        }
        if (path.endsWith(".ts")) {
            return "video/mp2t";
        }
        if (path.endsWith(".mp4") || path.endsWith(".m4s")) {
            return "video/mp4";
        }
        return "application/octet-stream";
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
