package org.hlspipeline.queryapi.viewer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The viewer page as a browser fetches it from one real instance: the page at {@code /}, its script and style, and
 * the hls.js it plays with, all from the application itself, and nothing in them that points anywhere else. That
 * it actually plays is {@code LiveStreamBrowserIT}'s and {@code ChannelBrowserIT}'s job.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ViewerPageIT {

    /** A URL with a scheme ({@code https:}, {@code data:}, {@code javascript:}) or protocol-relative ({@code //}). */
    private static final Pattern ELSEWHERE = Pattern.compile("^\\s*([a-zA-Z][a-zA-Z0-9+.-]*:|//|\\\\\\\\)");
    private static final Pattern HTML_URL_ATTRIBUTE =
            Pattern.compile("\\b(src|href|action|formaction|poster|data)\\s*=\\s*(\"([^\"]*)\"|'([^']*)')");
    private static final Pattern JS_STRING =
            Pattern.compile("'((?:[^'\\\\\\n]|\\\\.)*)'|\"((?:[^\"\\\\\\n]|\\\\.)*)\"|`((?:[^`\\\\]|\\\\.)*)`");

    private PipelineInstance app;
    private WebTestClient http;

    @BeforeAll
    void start(@TempDir Path dataDir) {
        app = PipelineInstance.start(TestPipeline.unique("viewer"), dataDir);
        // hls.js is bigger than WebTestClient's default 256 KiB buffer.
        http = WebTestClient.bindToServer().baseUrl(app.baseUrl())
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(8 * 1024 * 1024)).build();
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void thePageIsServedAtTheRootWithItsScriptAndStyle() {
        EntityExchangeResult<byte[]> page = get("/");
        assertThat(page.getStatus()).isEqualTo(HttpStatus.OK);
        assertThat(page.getResponseHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
        assertThat(page.getResponseHeaders().getCacheControl()).isEqualTo("no-cache");
        String policy = page.getResponseHeaders().getFirst("Content-Security-Policy");
        assertThat(policy).contains("script-src 'self'").contains("style-src 'self'").contains("default-src 'self'");
        String html = text(page);
        assertThat(html).contains("<script src=\"vendor/hls.js/hls.min.js\"").contains("<script src=\"viewer.js\"")
                .contains("<link rel=\"stylesheet\" href=\"viewer.css\">").contains("<video id=\"video\"");
        assertThat(text(get("/index.html"))).isEqualTo(html);

        EntityExchangeResult<byte[]> script = get("/viewer.js");
        assertThat(script.getStatus()).isEqualTo(HttpStatus.OK);
        assertThat(isJavaScript(script)).as("%s", script.getResponseHeaders().getContentType()).isTrue();
        assertThat(script.getResponseHeaders().getCacheControl()).isEqualTo("no-cache");
        EntityExchangeResult<byte[]> style = get("/viewer.css");
        assertThat(style.getStatus()).isEqualTo(HttpStatus.OK);
        assertThat(style.getResponseHeaders().getContentType().isCompatibleWith(MediaType.valueOf("text/css")))
                .isTrue();

        // The rest of the API keeps answering as before: an unknown path is still a problem, not the page.
        EntityExchangeResult<byte[]> unknown = get("/no-such-page");
        assertThat(unknown.getStatus()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(text(unknown)).doesNotContain("<video");
    }

    @Test
    void hlsJsIsServedByTheApplicationItself() throws IOException {
        String version = System.getProperty("hls.js.version");
        assertThat(version).as("failsafe passes the POM's hls.js.version").isNotBlank();
        EntityExchangeResult<byte[]> player = get("/vendor/hls.js/hls.min.js");
        assertThat(player.getStatus()).isEqualTo(HttpStatus.OK);
        assertThat(isJavaScript(player)).as("%s", player.getResponseHeaders().getContentType()).isTrue();
        String js = text(player);
        assertThat(js.length()).isGreaterThan(100_000);
        assertThat(js).contains("isSupported").contains("\"" + version + "\"");

        // The very bytes of the WebJar's dist/hls.min.js, as bundled into the classes.
        assertThat(player.getResponseBody()).isEqualTo(bundled("static/vendor/hls.js/hls.min.js"));

        String modified = player.getResponseHeaders().getFirst(HttpHeaders.LAST_MODIFIED);
        assertThat(modified).isNotBlank();
        http.get().uri("/vendor/hls.js/hls.min.js").header(HttpHeaders.IF_MODIFIED_SINCE, modified).exchange()
                .expectStatus().isNotModified().expectBody(Void.class);
    }

    /**
     * Players and download tools ask for ranges of the files (RFC 9110 §14): a valid one is a 206 with its part, one
     * past the end a 416 that says the length, and one that does not parse is ignored (docs/operations.md, HTTP
     * limits).
     */
    @Test
    void rangesOfTheFilesAreAnsweredAsRfc9110Says() {
        byte[] whole = get("/viewer.js").getResponseBody();
        EntityExchangeResult<byte[]> part = http.get().uri("/viewer.js").header(HttpHeaders.RANGE, "bytes=0-9")
                .exchange().expectBody().returnResult();
        assertThat(part.getStatus()).isEqualTo(HttpStatus.PARTIAL_CONTENT);
        assertThat(part.getResponseBody()).isEqualTo(java.util.Arrays.copyOf(whole, 10));
        assertThat(part.getResponseHeaders().getFirst(HttpHeaders.CONTENT_RANGE))
                .isEqualTo("bytes 0-9/" + whole.length);

        EntityExchangeResult<byte[]> past = http.get().uri("/viewer.js")
                .header(HttpHeaders.RANGE, "bytes=" + (whole.length + 100) + "-").exchange().expectBody()
                .returnResult();
        assertThat(past.getStatus()).isEqualTo(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE);
        assertThat(past.getResponseHeaders().getFirst(HttpHeaders.CONTENT_RANGE)).isEqualTo("bytes */" + whole.length);
        assertThat(past.getResponseHeaders().getContentType().toString()).isEqualTo("application/problem+json");
        assertThat(text(past)).contains("\"status\":416", "\"type\":\"/problems/range-not-satisfiable\"");

        for (String unreadable : java.util.List.of("bytes=z", "bytes=9-1", "bytes=--")) {
            EntityExchangeResult<byte[]> ignored = http.get().uri("/viewer.js").header(HttpHeaders.RANGE, unreadable)
                    .exchange().expectBody().returnResult();
            assertThat(ignored.getStatus()).as(unreadable).isEqualTo(HttpStatus.OK);
            assertThat(ignored.getResponseBody()).as(unreadable).isEqualTo(whole);
        }
    }

    @Test
    void thePageAndItsScriptAndStyleReferenceOnlyTheirOwnOrigin() {
        String html = text(get("/"));
        List<String> references = new ArrayList<>();
        Matcher attribute = HTML_URL_ATTRIBUTE.matcher(html);
        while (attribute.find()) {
            references.add(attribute.group(3) != null ? attribute.group(3) : attribute.group(4));
        }
        assertThat(references).contains("viewer.js", "viewer.css", "vendor/hls.js/hls.min.js");
        assertThat(references).noneMatch(url -> ELSEWHERE.matcher(url).find());
        for (String reference : references) {
            // Relative to the page at /: every one of them is served here (the API page by a redirect within).
            EntityExchangeResult<byte[]> target = get("/" + reference);
            if (target.getStatus().is3xxRedirection()) {
                String location = target.getResponseHeaders().getLocation().toString();
                assertThat(location).as(reference).doesNotContainPattern(ELSEWHERE);
                target = get(location);
            }
            assertThat(target.getStatus()).as(reference).isEqualTo(HttpStatus.OK);
        }

        String script = text(get("/viewer.js"));
        List<String> literals = new ArrayList<>();
        Matcher literal = JS_STRING.matcher(withoutComments(script));
        while (literal.find()) {
            for (int group = 1; group <= 3; group++) {
                if (literal.group(group) != null) {
                    literals.add(literal.group(group));
                }
            }
        }
        assertThat(literals).as("the script's string literals").contains("api/streams", "api/channels");
        assertThat(literals).noneMatch(s -> ELSEWHERE.matcher(s).find());
        assertThat(script).doesNotContain("importScripts").doesNotContain("import(").doesNotContain("://");
        // The API paths the script reads answer here.
        for (String path : List.of("api/streams", "api/channels")) {
            assertThat(get("/" + path).getStatus()).as(path).isEqualTo(HttpStatus.OK);
        }

        String css = text(get("/viewer.css"));
        assertThat(css).doesNotContain("url(").doesNotContain("@import");
    }

    @Test
    void theStreamListingThePageReadsIsInTheOpenApiDescription() {
        JsonNode listing = JsonMapper.builder().build().readTree(text(get("/v3/api-docs")))
                .path("paths").path("/api/streams").path("get");
        assertThat(listing.path("summary").asString()).isEqualTo("List streams");
        assertThat(listing.path("parameters").findValuesAsString("name")).contains("after", "limit");
    }

    private static byte[] bundled(String resource) throws IOException {
        try (InputStream in = ViewerPageIT.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource + " on the class path").isNotNull();
            return in.readAllBytes();
        }
    }

    private static String withoutComments(String js) {
        return js.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?m)^\\s*//.*$", "");
    }

    private static boolean isJavaScript(EntityExchangeResult<byte[]> result) {
        MediaType type = result.getResponseHeaders().getContentType();
        return type != null && (type.isCompatibleWith(MediaType.valueOf("text/javascript"))
                || type.isCompatibleWith(MediaType.valueOf("application/javascript")));
    }

    private EntityExchangeResult<byte[]> get(String path) {
        return http.get().uri(path).exchange().expectBody(byte[].class).returnResult();
    }

    private static String text(EntityExchangeResult<byte[]> result) {
        byte[] body = result.getResponseBody();
        return body == null ? "" : new String(body, StandardCharsets.UTF_8);
    }
}
