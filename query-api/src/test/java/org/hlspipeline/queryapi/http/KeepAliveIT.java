package org.hlspipeline.queryapi.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.hlspipeline.queryapi.testing.PipelineInstance;
import org.hlspipeline.queryapi.testing.TestPipeline;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A keep-alive connection keeps being read after a request that arrived while the previous one was still being
 * answered. Reactor Netty 1.3.7 stopped reading such a connection when that request was answered at once, so the
 * next request on it waited for ever (reactor/reactor-netty#4361); IptvIT's POSTs hung for 15 s that way, since
 * WebTestClient reuses its connection as soon as it has read a response. Players reuse connections too.
 *
 * <p>Sent over a raw socket, byte for byte, so that the order is certain: two requests in one write (the first
 * answered on another thread, the second at once), then a third after both answers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeepAliveIT {

    private static final int ANSWER_WITHIN_MILLIS = 5_000;

    private PipelineInstance app;

    @BeforeAll
    void start(@TempDir Path dataDir) {
        app = PipelineInstance.start(TestPipeline.unique("keepalive"), dataDir);
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    /**
     * @param first  answered later, on another thread (the channel list gathers keys off the event loop)
     * @param second answered at once, on the event loop (an unknown stream's playlist is a local store miss)
     */
    @ParameterizedTest(name = "{0} then {1}, then {2}")
    @CsvSource({
        "/api/channels, /streams/none/renditions/720p/playlist.m3u8, /channels.m3u",
        "/api/channels, /streams/none/renditions/720p/playlist.m3u8, /streams/none/renditions/720p/playlist.m3u8",
        "/api/channels, /actuator/health/readiness, /api/channels"
    })
    void theRequestAfterTwoPipelinedOnesIsAnswered(String first, String second, String third) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port())) {
            socket.setSoTimeout(ANSWER_WITHIN_MILLIS);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write((get(first) + get(second)).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Response one = Response.read(in);
            Response two = Response.read(in);

            out.write(get(third).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Response three;
            try {
                three = Response.read(in);
            } catch (SocketTimeoutException e) {
                throw new AssertionError("no answer to " + third + " within " + ANSWER_WITHIN_MILLIS
                        + " ms: the server stopped reading the connection", e);
            }

            assertThat(one.status()).as(first).isEqualTo(200);
            assertThat(List.of(404, 200)).as(second).contains(two.status());
            assertThat(three.status()).as(third).isBetween(200, 499);
        }
    }

    private int port() {
        return Integer.parseInt(app.baseUrl().substring(app.baseUrl().lastIndexOf(':') + 1));
    }

    private static String get(String path) {
        return "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    }

    /** An HTTP/1.1 response read off the socket: status line, headers, and the body (by length or chunked). */
    private record Response(int status, byte[] body) {

        static Response read(InputStream in) throws IOException {
            String statusLine = line(in);
            int length = 0;
            boolean chunked = false;
            for (String header = line(in); !header.isEmpty(); header = line(in)) {
                String lower = header.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Integer.parseInt(lower.substring("content-length:".length()).trim());
                }
                chunked |= lower.startsWith("transfer-encoding:") && lower.contains("chunked");
            }
            byte[] body = chunked ? chunks(in) : in.readNBytes(length);
            return new Response(Integer.parseInt(statusLine.split(" ")[1]), body);
        }

        private static byte[] chunks(InputStream in) throws IOException {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            for (int size = chunkSize(line(in)); size > 0; size = chunkSize(line(in))) {
                body.writeBytes(in.readNBytes(size));
                line(in);
            }
            for (String trailer = line(in); !trailer.isEmpty(); trailer = line(in)) {
                // trailers carry nothing this test needs
            }
            return body.toByteArray();
        }

        private static int chunkSize(String line) {
            int extension = line.indexOf(';');
            return Integer.parseInt((extension < 0 ? line : line.substring(0, extension)).trim(), 16);
        }

        private static String line(InputStream in) throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) != '\n') {
                if (b < 0) {
                    throw new IOException("connection closed in the middle of a response");
                }
                if (b != '\r') {
                    line.write(b);
                }
            }
            return line.toString(StandardCharsets.US_ASCII);
        }
    }
}
