package org.hlspipeline.tools.publish;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import picocli.CommandLine.Option;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code --app-url}: asks the app, before a segment is sent, whether its stream has ended, because the pipeline
 * dead-letters a segment of an ended stream (reason {@code stream-ended}) after Kafka has acknowledged it, where
 * the tool could only say "published". {@code GET <app>/api/streams/<stream>} answers {@code "ended": true} then.
 * Without an answer the tool cannot know, and says so after publishing (see README, producer-tools).
 */
final class AppStateCheck {

    static final String ENV_APP_URL = "HLS_APP_URL";
    /** {@code --app-url none}: do not ask, and do not say that nothing was asked. */
    static final String NONE = "none";
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();

    /** What the app's state says of the event: a reason not to send it, or a note to print after sending it. */
    record Verdict(String refusal, String note) {
        static final Verdict SEND = new Verdict(null, null);

        static Verdict sendWithNote(String note) {
            return new Verdict(null, note);
        }
    }

    @Option(names = "--app-url", paramLabel = "<url>", order = 9,
            description = "The app's HTTP address (e.g. http://127.0.0.1:8080), asked before publishing whether "
                    + "the stream has ended: a segment of an ended stream is refused with exit code 7 instead of "
                    + "being dead-lettered. Env: HLS_APP_URL. Without it, or when the app does not answer, the "
                    + "segment is published and a note says the stream was not checked; 'none' skips the check "
                    + "and the note.")
    String appUrl;

    /** Whether {@code stream} may take a segment, as far as the app can tell. */
    Verdict segmentVerdict(String stream, Map<String, String> environment) {
        String url = appUrl != null ? appUrl : environment.get(ENV_APP_URL);
        if (url != null && url.strip().equalsIgnoreCase(NONE)) {
            return Verdict.SEND;
        }
        if (url == null || url.isBlank()) {
            return Verdict.sendWithNote(notChecked(stream, "no --app-url or " + ENV_APP_URL + " given"));
        }
        String base = url.strip().replaceAll("/+$", "");
        URI uri;
        try {
            uri = URI.create(base + "/api/streams/" + URLEncoder.encode(stream, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return Verdict.sendWithNote(notChecked(stream, "the app URL '" + url + "' is not a URL"));
        }
        return ask(uri, stream);
    }

    private static Verdict ask(URI uri, String stream) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json").GET().build();
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 404) {
                return Verdict.SEND; // a stream the app does not know yet: this segment starts it
            }
            if (response.statusCode() != 200) {
                return Verdict.sendWithNote(notChecked(stream, uri + " answered HTTP " + response.statusCode()));
            }
            JsonNode ended = JSON.readTree(response.body()).path("ended");
            if (!ended.isBoolean()) {
                return Verdict.sendWithNote(notChecked(stream, uri + " did not say whether it has ended"));
            }
            return ended.booleanValue() ? new Verdict("stream " + stream + " has ended (" + uri + " says \"ended\": "
                    + "true): the pipeline would dead-letter this segment with reason stream-ended; nothing was "
                    + "sent", null) : Verdict.SEND;
        } catch (HttpConnectTimeoutException e) {
            return Verdict.sendWithNote(notChecked(stream, "no connection to " + uri.getAuthority() + " within "
                    + CONNECT_TIMEOUT.toSeconds() + " s"));
        } catch (HttpTimeoutException e) {
            return Verdict.sendWithNote(notChecked(stream, uri + " did not answer within "
                    + REQUEST_TIMEOUT.toSeconds() + " s"));
        } catch (ConnectException e) {
            return Verdict.sendWithNote(notChecked(stream, "connection refused by " + uri.getAuthority()));
        } catch (IOException | JacksonException e) {
            return Verdict.sendWithNote(notChecked(stream, "cannot read " + uri + ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Verdict.sendWithNote(notChecked(stream, "interrupted while asking " + uri));
        }
    }

    private static String notChecked(String stream, String why) {
        return "could not check whether stream " + stream + " has ended (" + why + "); published anyway: a segment "
                + "of an ended stream is dead-lettered with reason stream-ended";
    }
}
