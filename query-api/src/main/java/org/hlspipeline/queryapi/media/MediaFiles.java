package org.hlspipeline.queryapi.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.MediaType;

/**
 * The files of the development media directory ({@code HLS_MEDIA_DIR}) that may be served, and their content
 * types. Only regular, readable files inside the directory: no directory (so no listing), no {@code .} or
 * {@code ..} segment, no hidden file or folder (a name starting with a dot), no backslash or NUL, and nothing
 * that a symbolic link leads outside the directory.
 */
public final class MediaFiles {

    /** By extension; anything else is {@code application/octet-stream} (served with {@code nosniff}). */
    static final Map<String, MediaType> TYPES = Map.ofEntries(
            Map.entry("m3u8", MediaType.parseMediaType("application/vnd.apple.mpegurl")),
            Map.entry("m3u", MediaType.parseMediaType("audio/mpegurl")),
            Map.entry("ts", MediaType.parseMediaType("video/mp2t")),
            Map.entry("m4s", MediaType.parseMediaType("video/iso.segment")),
            Map.entry("mp4", MediaType.parseMediaType("video/mp4")),
            Map.entry("m4v", MediaType.parseMediaType("video/mp4")),
            Map.entry("cmfv", MediaType.parseMediaType("video/mp4")),
            Map.entry("m4a", MediaType.parseMediaType("audio/mp4")),
            Map.entry("cmfa", MediaType.parseMediaType("audio/mp4")),
            Map.entry("aac", MediaType.parseMediaType("audio/aac")),
            Map.entry("ac3", MediaType.parseMediaType("audio/ac3")),
            Map.entry("ec3", MediaType.parseMediaType("audio/eac3")),
            Map.entry("mp3", MediaType.parseMediaType("audio/mpeg")),
            Map.entry("vtt", MediaType.parseMediaType("text/vtt;charset=UTF-8")),
            Map.entry("webvtt", MediaType.parseMediaType("text/vtt;charset=UTF-8")),
            Map.entry("mpd", MediaType.parseMediaType("application/dash+xml")),
            Map.entry("json", MediaType.APPLICATION_JSON),
            Map.entry("jpg", MediaType.IMAGE_JPEG),
            Map.entry("jpeg", MediaType.IMAGE_JPEG),
            Map.entry("png", MediaType.IMAGE_PNG),
            Map.entry("webp", MediaType.parseMediaType("image/webp")));

    private final Path root;

    private MediaFiles(Path root) {
        this.root = root;
    }

    /** The directory, resolved once (symbolic links followed); it must exist and be a directory. */
    public static MediaFiles of(Path directory) {
        try {
            Path real = directory.toAbsolutePath().toRealPath();
            if (!Files.isDirectory(real)) {
                throw new IllegalArgumentException("HLS_MEDIA_DIR " + directory + " is not a directory");
            }
            return new MediaFiles(real);
        } catch (IOException e) {
            throw new IllegalArgumentException("HLS_MEDIA_DIR " + directory + " does not exist or cannot be read: "
                    + e.getMessage(), e);
        }
    }

    public Path root() {
        return root;
    }

    /**
     * The file that {@code requestPath} (the decoded path under {@code /media/}, slashes separating folders) names,
     * or empty when it names nothing that may be served. Touches the file system.
     */
    public Optional<Path> resolve(String requestPath) {
        if (requestPath == null || requestPath.indexOf('\\') >= 0 || requestPath.indexOf('\0') >= 0) {
            return Optional.empty();
        }
        List<String> segments = new ArrayList<>();
        for (String segment : requestPath.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            if (segment.startsWith(".")) {
                return Optional.empty();
            }
            segments.add(segment);
        }
        if (segments.isEmpty()) {
            return Optional.empty();
        }
        try {
            Path candidate = root.resolve(String.join("/", segments)).normalize();
            if (!candidate.startsWith(root)) {
                return Optional.empty();
            }
            Path real = candidate.toRealPath();
            if (!real.startsWith(root) || !Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)
                    || !Files.isReadable(real)) {
                return Optional.empty();
            }
            return Optional.of(real);
        } catch (InvalidPathException | IOException e) {
            return Optional.empty();
        }
    }

    /** The content type players expect for a file of this name. */
    public static MediaType typeOf(String fileName) {
        int dot = fileName.lastIndexOf('.');
        if (dot < 0) {
            return MediaType.APPLICATION_OCTET_STREAM;
        }
        return TYPES.getOrDefault(fileName.substring(dot + 1).toLowerCase(Locale.ROOT),
                MediaType.APPLICATION_OCTET_STREAM);
    }
}
