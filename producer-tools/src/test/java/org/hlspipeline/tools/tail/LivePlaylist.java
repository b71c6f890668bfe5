package org.hlspipeline.tools.tail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes a live media playlist the way ffmpeg's HLS muxer does ({@code -hls_list_size}, {@code -hls_flags
 * delete_segments+program_date_time}, {@code -start_number}): header, a sliding window of segments, and finally
 * {@code #EXT-X-ENDLIST}. Each write is either in place (truncate, then write, as ffmpeg does by default) or through
 * a temporary file and a rename ({@code -hls_flags temp_file}).
 */
final class LivePlaylist {

    /** A segment as a transcoder made it, and as {@code tail} must publish it. */
    record Made(long sequence, String uri, long durationMicros, Instant programDateTime, boolean discontinuity) {
    }

    /** ffmpeg's program date-time format: milliseconds and a +hhmm offset. */
    private static final DateTimeFormatter FFMPEG_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxx", Locale.ROOT).withZone(ZoneOffset.ofHours(1));

    private final Path file;
    private final String prefix;
    private final int listSize;
    private final boolean programDateTime;
    private final List<Made> made = new ArrayList<>();
    private long nextSequence;
    private Instant clock = Instant.parse("2026-11-21T20:00:00Z");
    private boolean ended;
    private String map;

    LivePlaylist(Path file, String prefix, int listSize, long startNumber, boolean programDateTime) {
        this.file = file;
        this.prefix = prefix;
        this.listSize = listSize;
        this.nextSequence = startNumber;
        this.programDateTime = programDateTime;
    }

    LivePlaylist withMap(String initUri) {
        this.map = initUri;
        return this;
    }

    Path file() {
        return file;
    }

    /** Adds a finished segment (the file itself is not needed by {@code tail}). */
    LivePlaylist add(String seconds, boolean discontinuity) {
        long micros = new java.math.BigDecimal(seconds).movePointRight(6).longValueExact();
        String extension = map == null ? ".ts" : ".m4s";
        made.add(new Made(nextSequence, prefix + nextSequence + extension, micros,
                programDateTime ? clock.truncatedTo(java.time.temporal.ChronoUnit.MILLIS) : null, discontinuity));
        clock = clock.plusNanos(micros * 1000);
        nextSequence++;
        return this;
    }

    LivePlaylist add(String seconds) {
        return add(seconds, false);
    }

    LivePlaylist end() {
        ended = true;
        return this;
    }

    List<Made> made() {
        return List.copyOf(made);
    }

    /** The segments the playlist shows now. */
    List<Made> window() {
        return made.subList(Math.max(0, made.size() - listSize), made.size());
    }

    String text() {
        List<Made> window = window();
        long target = 0;
        for (Made segment : made) {
            target = Math.max(target, Math.round(segment.durationMicros() / 1e6));
        }
        StringBuilder out = new StringBuilder("#EXTM3U\n#EXT-X-VERSION:").append(map == null ? 3 : 7).append('\n')
                .append("#EXT-X-TARGETDURATION:").append(Math.max(1, target)).append('\n')
                .append("#EXT-X-MEDIA-SEQUENCE:").append(window.isEmpty() ? nextSequence : window.get(0).sequence())
                .append('\n');
        if (map != null) {
            out.append("#EXT-X-MAP:URI=\"").append(map).append("\"\n");
        }
        for (Made segment : window) {
            if (segment.discontinuity()) {
                out.append("#EXT-X-DISCONTINUITY\n");
            }
            if (segment.programDateTime() != null) {
                out.append("#EXT-X-PROGRAM-DATE-TIME:").append(FFMPEG_TIME.format(segment.programDateTime()))
                        .append('\n');
            }
            out.append(String.format(Locale.ROOT, "#EXTINF:%.6f,", segment.durationMicros() / 1e6)).append('\n')
                    .append(segment.uri()).append('\n');
        }
        if (ended) {
            out.append("#EXT-X-ENDLIST\n");
        }
        return out.toString();
    }

    /** Truncates the file and writes the playlist into it. */
    LivePlaylist writeInPlace() {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, text(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Writes a temporary file and renames it over the playlist. */
    LivePlaylist writeAtomically() {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(temporary, text(), StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }
}
