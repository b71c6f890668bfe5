package org.hlspipeline.queryapi.http;

import org.hlspipeline.queryapi.query.QueryHeaders;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Reads are public: browser players (hls.js) on any origin may fetch playlists and state, and see the headers
 * they revalidate and debug with. Set before the handler runs, so 404 and 503 answers carry it too; writes get
 * no CORS headers, so a page on another origin cannot drive them from a browser.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class ReadCorsFilter implements WebFilter {

    private static final String EXPOSED = String.join(", ", HttpHeaders.ETAG, HttpHeaders.CACHE_CONTROL,
            QueryHeaders.SERVED_BY, QueryHeaders.SERVED_ROLE);

    @Override
    public reactor.core.publisher.Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        HttpMethod method = exchange.getRequest().getMethod();
        boolean read = method == HttpMethod.GET || method == HttpMethod.HEAD;
        if (read && !exchange.getRequest().getPath().value().startsWith("/internal/")) {
            HttpHeaders headers = exchange.getResponse().getHeaders();
            headers.set(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
            headers.set(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, EXPOSED);
        }
        return chain.filter(exchange);
    }
}
