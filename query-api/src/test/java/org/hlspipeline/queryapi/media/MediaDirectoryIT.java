package org.hlspipeline.queryapi.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.hlspipeline.queryapi.testing.PipelineInstance;
import org.hlspipeline.queryapi.testing.TestPipeline;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * {@code HLS_MEDIA_DIR} as a walk-through uses it: one instance in embedded mode (its own broker, no
 * {@code KAFKA_BOOTSTRAP_SERVERS}) serving a folder under {@code /media/}. Requests that try to leave the folder
 * are sent byte for byte over a socket, so no client normalizes them first.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MediaDirectoryIT {

    private static final String SECRET = "outside the media folder";
    private static final byte[] SEGMENT = new byte[64 * 1024];

    private PipelineInstance app;
    private WebTestClient http;

    @BeforeAll
    void start(@TempDir Path base) throws Exception {
        Path media = Files.createDirectories(base.resolve("media"));
        Files.createDirectories(media.resolve("live/720p"));
        Files.writeString(media.resolve("live/index.m3u8"), "#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=1\n720p/index.m3u8\n");
        for (int i = 0; i < SEGMENT.length; i++) {
            SEGMENT[i] = (byte) (i * 31);
        }
        Files.write(media.resolve("live/720p/seg0.ts"), SEGMENT);
        Files.write(media.resolve("live/720p/init.mp4"), new byte[] {0, 0, 0, 8, 'f', 't', 'y', 'p'});
        Files.write(media.resolve("live/720p/chunk0.m4s"), new byte[] {0, 0, 0, 8, 'm', 'o', 'o', 'f'});
        Files.writeString(media.resolve(".hidden.ts"), SECRET);
        Files.writeString(base.resolve("secret.txt"), SECRET);
        Files.createSymbolicLink(media.resolve("link.ts"), base.resolve("secret.txt"));
        app = PipelineInstance.start(TestPipeline.unique("media"), Files.createDirectories(base.resolve("data")),
                Map.of("spring.kafka.bootstrap-servers", "", "hls.kafka-port", "0",
                        "hls.media-dir", media.toString()));
        http = app.http();
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void servesPlaylistsAndSegmentsWithTheirHlsContentTypesAndCors() {
        EntityExchangeResult<byte[]> playlist = get("/media/live/index.m3u8");
        assertThat(playlist.getStatus()).isEqualTo(HttpStatus.OK);
        assertThat(playlist.getResponseHeaders().getContentType()).hasToString("application/vnd.apple.mpegurl");
        assertThat(new String(playlist.getResponseBody(), StandardCharsets.UTF_8)).startsWith("#EXTM3U\n");
        assertThat(playlist.getResponseHeaders().getFirst(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)).isEqualTo("*");
        assertThat(playlist.getResponseHeaders().getCacheControl()).isEqualTo("no-cache");

        EntityExchangeResult<byte[]> segment = get("/media/live/720p/seg0.ts");
        assertThat(segment.getStatus()).isEqualTo(HttpStatus.OK);
        assertThat(segment.getResponseHeaders().getContentType()).hasToString("video/mp2t");
        assertThat(segment.getResponseBody()).isEqualTo(SEGMENT);
        assertThat(segment.getResponseHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(segment.getResponseHeaders().getFirst(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)).isEqualTo("*");

        assertThat(get("/media/live/720p/init.mp4").getResponseHeaders().getContentType()).hasToString("video/mp4");
        assertThat(get("/media/live/720p/chunk0.m4s").getResponseHeaders().getContentType())
                .hasToString("video/iso.segment");
    }

    @Test
    void answersRangesHeadAndRevalidation() {
        EntityExchangeResult<byte[]> range = http.get().uri("/media/live/720p/seg0.ts")
                .header(HttpHeaders.RANGE, "bytes=100-199").exchange().expectBody(byte[].class).returnResult();
        assertThat(range.getStatus()).isEqualTo(HttpStatus.PARTIAL_CONTENT);
        assertThat(range.getResponseBody()).isEqualTo(java.util.Arrays.copyOfRange(SEGMENT, 100, 200));
        assertThat(range.getResponseHeaders().getFirst(HttpHeaders.CONTENT_RANGE))
                .isEqualTo("bytes 100-199/" + SEGMENT.length);

        http.head().uri("/media/live/720p/seg0.ts").exchange().expectStatus().isOk()
                .expectHeader().contentLength(SEGMENT.length)
                .expectHeader().contentType("video/mp2t");

        EntityExchangeResult<byte[]> first = get("/media/live/720p/seg0.ts");
        String lastModified = first.getResponseHeaders().getFirst(HttpHeaders.LAST_MODIFIED);
        assertThat(lastModified).isNotBlank();
        http.get().uri("/media/live/720p/seg0.ts").header(HttpHeaders.IF_MODIFIED_SINCE, lastModified).exchange()
                .expectStatus().isNotModified().expectBody(Void.class);
    }

    @Test
    void nothingOutsideTheFolderNorHiddenNorAListingIsServed() throws Exception {
        for (String target : new String[] {"/media/../secret.txt", "/media/%2e%2e/secret.txt",
                "/media/..%2fsecret.txt", "/media/%2e%2e%2fsecret.txt", "/media/live/../../secret.txt",
                "/media/live/%2e%2e/%2e%2e/secret.txt", "/media/..%5csecret.txt", "/media/link.ts",
                "/media/.hidden.ts", "/media//../secret.txt"}) {
            RawResponse response = raw("GET", target);
            assertThat(response.status()).as(target).isIn(400, 404);
            assertThat(response.text()).as(target).doesNotContain(SECRET);
        }
        for (String listing : new String[] {"/media/", "/media/live/", "/media/live", "/media"}) {
            RawResponse response = raw("GET", listing);
            assertThat(response.status()).as(listing).isEqualTo(404);
            assertThat(response.text()).as(listing).doesNotContain("seg0.ts").doesNotContain("index.m3u8");
        }
        EntityExchangeResult<byte[]> missing = get("/media/live/720p/seg9.ts");
        assertThat(missing.getStatus()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(missing.getResponseHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .isTrue();
    }

    @Test
    void itIsReadOnly() throws Exception {
        for (String method : new String[] {"PUT", "POST", "DELETE"}) {
            RawResponse response = raw(method, "/media/live/720p/seg0.ts");
            assertThat(response.status()).as(method).isBetween(400, 499);
        }
        assertThat(get("/media/live/720p/seg0.ts").getResponseBody()).isEqualTo(SEGMENT);
    }

    private EntityExchangeResult<byte[]> get(String path) {
        return http.get().uri(path).exchange().expectBody(byte[].class).returnResult();
    }

    private record RawResponse(int status, String text) {
    }

    /** One HTTP/1.1 request with the target exactly as given. */
    private RawResponse raw(String method, String target) throws Exception {
        int port = Integer.parseInt(app.baseUrl().substring(app.baseUrl().lastIndexOf(':') + 1));
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout((int) Duration.ofSeconds(10).toMillis());
            OutputStream out = socket.getOutputStream();
            out.write((method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
                    + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String text = all.toString(StandardCharsets.ISO_8859_1);
            String statusLine = text.substring(0, text.indexOf("\r\n"));
            return new RawResponse(Integer.parseInt(statusLine.split(" ")[1]), text);
        }
    }
}
