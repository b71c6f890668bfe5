package org.hlspipeline.tools.hls;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * Where a playlist is: a local file or an http(s) URL. It reads the playlist's bytes, and resolves a URI written in
 * the playlist (a variant's media playlist) to another location.
 */
public final class PlaylistLocation {

    /** Larger than any sane playlist: a 24-hour event playlist of 2-second segments is about 3 MB. */
    static final int MAX_BYTES = 32 * 1024 * 1024;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final int STABLE_READ_ATTEMPTS = 5;
    private static volatile HttpClient httpClient;

    private final Path file;
    private final URI url;
    private final String display;

    private PlaylistLocation(Path file, URI url, String display) {
        this.file = file;
        this.url = url;
        this.display = display;
    }

    /**
     * A path or an http(s) URL, as the user typed it.
     *
     * @throws IllegalArgumentException when it is a URL of another scheme or not a valid URL
     */
    public static PlaylistLocation of(String text) {
        Objects.requireNonNull(text, "text");
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            try {
                URI uri = new URI(text);
                if (uri.getHost() == null) {
                    throw new IllegalArgumentException("'" + text + "' is not an http(s) URL with a host");
                }
                return new PlaylistLocation(null, uri, text);
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("'" + text + "' is not a valid URL: " + e.getReason());
            }
        }
        if (lower.startsWith("file:")) {
            try {
                return new PlaylistLocation(Path.of(new URI(text)), null, text);
            } catch (URISyntaxException | IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + text + "' is not a valid file URL");
            }
        }
        if (lower.matches("^[a-z][a-z0-9+.-]+://.*")) {
            throw new IllegalArgumentException("'" + text + "': only files and http(s) URLs can be read");
        }
        return new PlaylistLocation(Path.of(text), null, text);
    }

    public static PlaylistLocation of(Path file) {
        return new PlaylistLocation(file, null, file.toString());
    }

    public boolean isUrl() {
        return url != null;
    }

    /** The URL, or null for a file. */
    public URI url() {
        return url;
    }

    /** The file, or null for a URL. */
    public Path file() {
        return file;
    }

    /**
     * The location of {@code reference}, a URI written in this playlist (RFC 3986 resolution against this
     * playlist's URL; for a file, a relative reference is a path relative to the file's folder).
     *
     * @throws IllegalArgumentException when the reference is not a URI reference this tool can follow
     */
    public PlaylistLocation resolve(String reference) {
        URI ref;
        try {
            ref = new URI(reference);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + reference + "' is not a valid URI reference: " + e.getReason());
        }
        if (ref.isAbsolute()) {
            return of(reference);
        }
        if (url != null) {
            URI resolved = url.resolve(ref);
            return new PlaylistLocation(null, resolved, resolved.toString());
        }
        String path = ref.getPath();
        if (path == null || path.isEmpty()) {
            throw new IllegalArgumentException("'" + reference + "' names no file");
        }
        Path base = file.toAbsolutePath().getParent();
        Path resolved = path.startsWith("/") ? Path.of(path) : base.resolve(path).normalize();
        Path shown = file.getParent() == null || path.startsWith("/") ? resolved
                : file.getParent().resolve(path).normalize();
        return new PlaylistLocation(resolved, null, shown.toString());
    }

    /**
     * Reads the playlist's bytes. A file that changes while it is read is read again (a few times), so that what
     * is returned is one state of the file whenever the writer pauses between writes.
     *
     * @throws FetchException when it cannot be read now
     */
    public byte[] read() throws FetchException {
        return url != null ? readUrl() : readFile();
    }

    private byte[] readFile() throws FetchException {
        byte[] content = null;
        for (int attempt = 0; attempt < STABLE_READ_ATTEMPTS; attempt++) {
            try {
                BasicFileAttributes before = Files.readAttributes(file, BasicFileAttributes.class);
                if (before.isDirectory()) {
                    throw new FetchException(display + " is a folder, not a playlist", false);
                }
                if (before.size() > MAX_BYTES) {
                    throw new FetchException(display + " is larger than " + MAX_BYTES + " bytes", false);
                }
                content = Files.readAllBytes(file);
                BasicFileAttributes after = Files.readAttributes(file, BasicFileAttributes.class);
                if (same(before.lastModifiedTime(), after.lastModifiedTime()) && after.size() == content.length
                        && before.size() == content.length && Objects.equals(before.fileKey(), after.fileKey())) {
                    return content;
                }
            } catch (NoSuchFileException e) {
                throw new FetchException(display + " does not exist", true);
            } catch (AccessDeniedException e) {
                throw new FetchException("no permission to read " + display, false);
            } catch (IOException e) {
                throw new FetchException("cannot read " + display + ": " + e.getMessage(), false);
            }
            pause();
        }
        return content; // Still changing: the caller reads complete lines only.
    }

    private static boolean same(FileTime a, FileTime b) {
        return a.equals(b);
    }

    private static void pause() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private byte[] readUrl() throws FetchException {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/vnd.apple.mpegurl, application/x-mpegurl, */*")
                .GET().build();
        try {
            HttpResponse<InputStream> response = client().send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                int status = response.statusCode();
                if (status == 404 || status == 410) {
                    throw new FetchException(display + " was not found (HTTP " + status + ")", true);
                }
                if (status != 200) {
                    throw new FetchException(display + " answered HTTP " + status, false);
                }
                byte[] content = body.readNBytes(MAX_BYTES + 1);
                if (content.length > MAX_BYTES) {
                    throw new FetchException(display + " is larger than " + MAX_BYTES + " bytes", false);
                }
                return Arrays.copyOf(content, content.length);
            }
        } catch (IOException e) {
            throw new FetchException("cannot read " + display + ": " + unreadable(e), false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchException("interrupted while reading " + display, false);
        }
    }

    /** Why the URL could not be read, in words: the JDK's client throws some of these without a message. */
    private String unreadable(IOException e) {
        if (e instanceof HttpConnectTimeoutException) {
            return "no connection to " + url.getAuthority() + " within " + CONNECT_TIMEOUT.toSeconds() + " s";
        }
        if (e instanceof HttpTimeoutException) {
            return "no answer within " + REQUEST_TIMEOUT.toSeconds() + " s";
        }
        if (e instanceof ConnectException) {
            return "connection refused by " + url.getAuthority() + " (is the server running?)";
        }
        if (e instanceof UnknownHostException) {
            return "unknown host " + url.getHost();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName()
                : e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    private static HttpClient client() {
        HttpClient client = httpClient;
        if (client == null) {
            synchronized (PlaylistLocation.class) {
                client = httpClient;
                if (client == null) {
                    client = HttpClient.newBuilder()
                            .connectTimeout(CONNECT_TIMEOUT)
                            .followRedirects(HttpClient.Redirect.NORMAL)
                            .build();
                    httpClient = client;
                }
            }
        }
        return client;
    }

    /** The path or URL as the user gave it (or as resolved from it). */
    @Override
    public String toString() {
        return display;
    }
}
