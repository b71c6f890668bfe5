package org.hlspipeline.queryapi.viewer;

import java.util.Set;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * Headers of the viewer page ({@code GET /}, the static {@code index.html}, {@code viewer.js}, {@code viewer.css})
 * and of the hls.js it loads from {@code /vendor/hls.js/}. Spring Boot serves the files themselves as static
 * resources; this only adds what they lack:
 * <ul>
 *   <li>{@code Cache-Control: no-cache} on all of them: they change with each release under the same names, and a
 *       revalidation against Last-Modified costs a 304;</li>
 *   <li>on the page, a Content-Security-Policy that lets it run scripts and styles from this application only,
 *       so a script from a CDN would be refused by the browser. Playlists and segments may come from anywhere
 *       ({@code connect-src *}): a channel's assets live wherever their URIs point. hls.js needs {@code blob:}
 *       for its worker and for the Media Source it attaches to the video element.</li>
 * </ul>
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class ViewerPageHeaders implements WebFilter {

    static final Set<String> PAGES = Set.of("/", "/index.html");
    static final Set<String> ASSETS = Set.of("/viewer.js", "/viewer.css");
    static final String VENDOR = "/vendor/";

    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            "media-src 'self' blob:",
            "worker-src 'self' blob:",
            "connect-src *",
            "object-src 'none'",
            "base-uri 'none'",
            "frame-ancestors 'none'");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        HttpMethod method = exchange.getRequest().getMethod();
        if (method == HttpMethod.GET || method == HttpMethod.HEAD) {
            String path = exchange.getRequest().getPath().pathWithinApplication().value();
            boolean page = PAGES.contains(path);
            if (page || ASSETS.contains(path) || path.startsWith(VENDOR)) {
                HttpHeaders headers = exchange.getResponse().getHeaders();
                headers.setCacheControl(CacheControl.noCache());
                headers.set("X-Content-Type-Options", "nosniff");
                if (page) {
                    headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
                    headers.set("Referrer-Policy", "no-referrer");
                }
            }
        }
        return chain.filter(exchange);
    }
}
