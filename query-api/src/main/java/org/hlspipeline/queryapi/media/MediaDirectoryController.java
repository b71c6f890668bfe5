package org.hlspipeline.queryapi.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.hlspipeline.queryapi.http.Problems;
import org.hlspipeline.queryapi.kafka.KafkaConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.ErrorResponseException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Development convenience: with {@code HLS_MEDIA_DIR} set and the embedded broker (no
 * {@code KAFKA_BOOTSTRAP_SERVERS}), the files of that folder under {@code /media/}, so a walk-through plays the
 * segments ffmpeg writes without a second web server. Read-only GET and HEAD (byte ranges too); no directory
 * listing; only what {@link MediaFiles} allows, anything else is a 404; CORS like every read
 * ({@code ReadCorsFilter}). Revalidated on every use (no-cache, Last-Modified): ffmpeg rewrites playlists and may
 * reuse segment names. Against an external Kafka cluster there is no such route ({@link MediaDirectoryConditions}).
 */
@RestController
@Conditional(MediaDirectoryConditions.Serve.class)
@Tag(name = "Development media", description = "Files of HLS_MEDIA_DIR (embedded mode only)")
class MediaDirectoryController {

    private static final Logger log = LoggerFactory.getLogger(MediaDirectoryController.class);

    private final MediaFiles files;

    MediaDirectoryController(@Value("${hls.media-dir}") String mediaDir, KafkaConnection kafka) {
        if (kafka.embedded()) {
            this.files = MediaFiles.of(Path.of(mediaDir.strip()));
            log.info("Serving HLS_MEDIA_DIR {} under /media/", files.root());
        } else {
            // Only if spring.kafka.bootstrap-servers was not where KafkaConfiguration found its servers.
            this.files = null;
            log.warn("HLS_MEDIA_DIR is set but ignored: /media/ is served only with the embedded broker");
        }
    }

    @GetMapping("/media/{*path}")
    @Operation(summary = "A file of HLS_MEDIA_DIR",
            description = "Embedded mode only. Playlists, segments and init segments with their HLS content types; "
                    + "no directory listing; 404 for anything outside the folder, hidden, or missing.")
    Mono<ResponseEntity<Resource>> file(@PathVariable String path) {
        if (files == null) {
            return Mono.error(notFound(path));
        }
        return Mono.fromCallable(() -> files.resolve(path).map(MediaDirectoryController::entity))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(entity -> entity.map(Mono::just).orElseGet(() -> Mono.error(notFound(path))));
    }

    private static ResponseEntity<Resource> entity(Path file) {
        Instant modified;
        try {
            modified = Files.getLastModifiedTime(file).toInstant();
        } catch (IOException e) {
            modified = null;
        }
        ResponseEntity.BodyBuilder builder = ResponseEntity.ok()
                .contentType(MediaFiles.typeOf(file.getFileName().toString()))
                .cacheControl(CacheControl.noCache())
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.ACCEPT_RANGES, "bytes");
        if (modified != null) {
            builder.lastModified(modified);
        }
        return builder.body(new FileSystemResource(file));
    }

    private static ErrorResponseException notFound(String path) {
        return Problems.notFound("No media file '" + path + "'");
    }
}
