package org.hlspipeline.queryapi.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.hlspipeline.queryapi.testing.PipelineInstance;
import org.hlspipeline.queryapi.testing.TestPipeline;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A client that closes its connection while its request is in flight is logged at DEBUG, one line, and the
 * server goes on answering. Before, Reactor Netty's "Connection has been closed" ({@code AbortedException}) and
 * "Connection reset by peer" reached the controller advice as unexpected errors: ERROR with a stack trace, and
 * a reset came a second time through Reactor's dropped-error hook, at ERROR too.
 *
 * <p>What reproduced it: a write whose body had not fully arrived when the client closed (headers only, part of
 * the body, an unfinished chunked body, an {@code Expect: 100-continue} left unanswered) with a FIN or a reset.
 * A request sent whole and then closed or half-closed, even one waiting for read-your-write, logged nothing: Reactor
 * Netty cancels its handler when the connection closes. Those shapes are sent too, so that they stay quiet.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClientDisconnectIT {

    private static final String SEGMENT = "{\"sequence\":%d,\"duration\":2.0,\"path\":\"/%d.ts\"}";

    private PipelineInstance app;
    private int port;

    @BeforeAll
    void start(@TempDir Path dataDir) {
        // DEBUG for the class that logs a gone client, so that each early close leaves a line to wait for.
        app = PipelineInstance.start(TestPipeline.unique("disconnect"), dataDir,
                Map.of("logging.level.org.hlspipeline.queryapi.http", "DEBUG"));
        port = Integer.parseInt(app.baseUrl().substring(app.baseUrl().lastIndexOf(':') + 1));
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void aClientThatClosesEarlyIsNoErrorAndTheServerAnswersTheNext(CapturedOutput output) throws Exception {
        // The first write registers the event schema; a close while that runs is another story (the report of
        // issue 11 has it), so the schema is registered before.
        assertThat(RawHttp.exchange(port, segment("first", 0), 15_000).status()).isEqualTo(201);
        int mark = output.getOut().length();
        // Sent whole, then closed: the handler is waiting for read-your-write (sequence 5 waits behind 0 to 4).
        send(segment("whole", 5), Close.FIN);
        send(segment("halfclosed", 5), Close.HALF_THEN_FIN);
        send(post("/streams/ended-early/end", new byte[0]), Close.HALF_THEN_FIN);
        send(post("/streams/reset-early/end", new byte[0]), Close.RESET);

        // The body has not fully arrived when the client goes.
        for (Close close : Close.values()) {
            String stream = "headers-" + close.name().toLowerCase(Locale.ROOT);
            byte[] request = segment(stream, 0);
            sendAndAwaitALine(output, mark, stream, headOf(request), close);
        }
        sendAndAwaitALine(output, mark, "partial", cut(segment("partial", 0), 5), Close.FIN);
        sendAndAwaitALine(output, mark, "partial-reset", cut(segment("partial-reset", 0), 5), Close.RESET);
        sendAndAwaitALine(output, mark, "chunked", ("POST /streams/chunked/renditions/r/segments HTTP/1.1\r\n"
                + "Host: 127.0.0.1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "6\r\n{\"sequ").getBytes(StandardCharsets.US_ASCII), Close.FIN);
        String expect = new String(headOf(segment("expect", 0)), StandardCharsets.US_ASCII)
                .replace("\r\n\r\n", "\r\nExpect: 100-continue\r\n\r\n");
        sendAndAwaitALine(output, mark, "expect", expect.getBytes(StandardCharsets.US_ASCII), Close.FIN);

        // A chunk that breaks off: Reactor Netty answers 400 itself, and the answer of the handler that read the
        // body comes second, when status and headers are already sent (HttpFuzzIT found it).
        for (String path : List.of("/streams/bad-chunk/renditions/r/segments", "/channels/bad-chunk/commands")) {
            byte[] badChunk = ("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n2\r\n{}XX\r\n0\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
            assertThat(RawHttp.exchangeAny(port, badChunk, 15_000, false, false))
                    .hasValueSatisfying(answer -> assertThat(answer.status()).isEqualTo(400));
            await("a log line for " + path).atMost(Duration.ofSeconds(15))
                    .until(() -> output.getOut().substring(mark).contains(path));
        }

        RawHttp.Response next = RawHttp.exchange(port, segment("after", 0), 15_000);
        assertThat(next.status()).as(next.text()).isEqualTo(201);
        assertThat(RawHttp.exchange(port, RawHttp.request("GET", "/streams/after/renditions/r/playlist.m3u8",
                List.of(), null), 15_000).text()).startsWith("#EXTM3U");

        String logged = output.getOut().substring(mark);
        // Netty's leak detector reports when the GC collects a buffer, whichever test in this JVM made it, so a
        // report here cannot be pinned on these requests. The paranoid-level run that traced them to the tests' own
        // clients, and found none in the server, is in docs/operations.md (ClientDisconnectIT).
        assertThat(logged.lines().filter(l -> !l.contains("ResourceLeakDetector"))
                .filter(l -> l.contains(" ERROR ") || l.startsWith("\tat ")
                || (l.contains(" WARN ") && (l.contains("o.h.q.") || l.contains("r.n.http")))).toList())
                .as("ERROR lines, stack traces and HTTP warnings after early closes").isEmpty();
    }

    private void sendAndAwaitALine(CapturedOutput output, int mark, String stream, byte[] bytes, Close close)
            throws Exception {
        send(bytes, close);
        // Whatever the server logs of the request names its path: wait until it has dealt with it.
        await("a log line for /streams/" + stream).atMost(Duration.ofSeconds(15))
                .until(() -> output.getOut().substring(mark).contains("/streams/" + stream + "/"));
    }

    private void send(byte[] bytes, Close close) throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        OutputStream out = socket.getOutputStream();
        out.write(bytes);
        out.flush();
        switch (close) {
            case FIN -> socket.close();
            case HALF_THEN_FIN -> {
                socket.shutdownOutput();
                socket.close();
            }
            case RESET -> {
                socket.setSoLinger(true, 0);
                socket.close();
            }
            default -> throw new IllegalArgumentException(close.name());
        }
    }

    private static byte[] segment(String stream, int sequence) {
        return post("/streams/" + stream + "/renditions/r/segments",
                String.format(SEGMENT, sequence, sequence).getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] post(String path, byte[] body) {
        return RawHttp.request("POST", path, List.of("Content-Type: application/json"), body);
    }

    private static byte[] headOf(byte[] request) {
        String text = new String(request, StandardCharsets.US_ASCII);
        return text.substring(0, text.indexOf("\r\n\r\n") + 4).getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] cut(byte[] request, int last) {
        return Arrays.copyOf(request, request.length - last);
    }

    private enum Close { FIN, HALF_THEN_FIN, RESET }
}
