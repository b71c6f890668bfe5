package org.hlspipeline.tools.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.hlspipeline.tools.RecordingPublisher;
import org.hlspipeline.tools.ToolRun;
import org.hlspipeline.tools.cli.ExitCodes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

/**
 * {@code segment --app-url}: the tool asks the app's {@code GET /api/streams/{id}}, here a real HTTP server on
 * 127.0.0.1 answering as the app does (the body's fields are those of the app's stream view, which
 * {@code ProducerToolsIT} checks against the app itself), before it publishes.
 */
class SegmentAppCheckTest {

    private static final String[] SEGMENT = {"segment", "--stream", "news", "--rendition", "720p", "--sequence",
        "7", "--duration", "2", "--path", "seg7.ts"};

    private final RecordingPublisher publisher = new RecordingPublisher();
    private final List<String> asked = new CopyOnWriteArrayList<>();
    private HttpServer app;

    /** An app that answers every stream request with {@code status} and {@code body}. */
    private String appAnswering(int status, String body) throws IOException {
        app = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        app.createContext("/", exchange -> {
            asked.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
            exchange.close();
        });
        app.start();
        return "http://127.0.0.1:" + app.getAddress().getPort();
    }

    private static String stream(boolean ended) {
        return "{\"streamId\":\"news\",\"ended\":" + ended + ",\"master\":\"/streams/news/master.m3u8\","
                + "\"renditions\":[],\"servedBy\":\"127.0.0.1:8080\",\"role\":\"active\"}";
    }

    private static String[] with(String... extra) {
        return java.util.stream.Stream.of(SEGMENT, extra).flatMap(java.util.Arrays::stream).toArray(String[]::new);
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.stop(0);
        }
    }

    @Test
    void aSegmentOfAnEndedStreamIsNotSentAndExitsWith7() throws IOException {
        String url = appAnswering(200, stream(true));

        ToolRun run = ToolRun.run(publisher, with("--app-url", url + "/"));

        assertThat(run.exitCode()).isEqualTo(ExitCodes.APP_REFUSES).isEqualTo(7);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("producer-tools segment: stream news has ended (" + url
                + "/api/streams/news says \"ended\": true): the pipeline would dead-letter this segment with reason "
                + "stream-ended; nothing was sent" + System.lineSeparator());
        assertThat(publisher.sent).isEmpty();
        assertThat(asked).containsExactly("GET /api/streams/news");
    }

    @Test
    void aLiveStreamOrOneTheAppDoesNotKnowTakesTheSegmentWithoutANote() throws IOException {
        String url = appAnswering(200, stream(false));
        ToolRun live = ToolRun.run(publisher, with("--app-url", url));
        app.stop(0);
        String unknownUrl = appAnswering(404, "{\"type\":\"/problems/not-found\",\"status\":404}");
        ToolRun unknown = ToolRun.run(publisher, Map.of(AppStateCheck.ENV_APP_URL, unknownUrl), SEGMENT);

        assertThat(live.exitCode()).isZero();
        assertThat(live.out()).startsWith("published segment news/720p #7 to ");
        assertThat(live.err()).isEmpty();
        assertThat(unknown.exitCode()).isZero();
        assertThat(unknown.err()).isEmpty();
        assertThat(publisher.sent).hasSize(2);
        assertThat(asked).containsExactly("GET /api/streams/news", "GET /api/streams/news");
    }

    @Test
    void whenTheAppCannotTellTheSegmentIsPublishedAndTheToolSaysItCouldNotCheck() throws IOException {
        String url = appAnswering(503, "{\"type\":\"/problems/store-unavailable\",\"status\":503}");
        ToolRun unavailable = ToolRun.run(publisher, with("--app-url", url));
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        ToolRun refused = ToolRun.run(publisher, with("--app-url", "http://127.0.0.1:" + closedPort));
        ToolRun noUrl = ToolRun.run(publisher, SEGMENT);

        assertThat(List.of(unavailable.exitCode(), refused.exitCode(), noUrl.exitCode())).containsOnly(0);
        assertThat(publisher.sent).hasSize(3);
        assertThat(unavailable.err()).isEqualTo("producer-tools segment: could not check whether stream news has "
                + "ended (" + url + "/api/streams/news answered HTTP 503); published anyway: a segment of an ended "
                + "stream is dead-lettered with reason stream-ended" + System.lineSeparator());
        assertThat(refused.err()).contains("could not check whether stream news has ended (connection refused by "
                + "127.0.0.1:" + closedPort + ")");
        assertThat(noUrl.err()).contains("could not check whether stream news has ended (no --app-url or "
                + "HLS_APP_URL given)");
        assertThat(noUrl.out()).startsWith("published segment news/720p #7 to ");
    }

    @Test
    void noneSkipsTheCheckAndTheNoteAndAnInvalidSegmentNeverAsks() throws IOException {
        String url = appAnswering(200, stream(true));

        ToolRun skipped = ToolRun.run(publisher, Map.of(AppStateCheck.ENV_APP_URL, url), with("--app-url", "none"));
        ToolRun invalid = ToolRun.run(publisher, "segment", "--stream", "news", "--rendition", "720p", "--sequence",
                "-1", "--duration", "2", "--path", "seg.ts", "--app-url", url);

        assertThat(skipped.exitCode()).isZero();
        assertThat(skipped.err()).isEmpty();
        assertThat(invalid.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(asked).isEmpty();
        assertThat(publisher.sent).hasSize(1);
    }
}
