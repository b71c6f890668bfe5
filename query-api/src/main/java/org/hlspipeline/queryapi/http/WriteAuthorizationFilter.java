package org.hlspipeline.queryapi.http;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * Writes need {@code Authorization: Bearer <token>} when tokens are configured. Without tokens, writes are
 * accepted only when the HTTP server listens on loopback (the embedded default); any other binding without
 * tokens refuses to start, so an instance is never open to the network by accident.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class WriteAuthorizationFilter implements WebFilter {

    private final WriteTokens tokens;

    WriteAuthorizationFilter(WriteTokens tokens, Environment environment) {
        this.tokens = tokens;
        tokens.requireTokensUnlessLoopback(environment.getProperty("server.address", "127.0.0.1"),
                "The HTTP server");
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        HttpMethod method = exchange.getRequest().getMethod();
        boolean write = method == HttpMethod.POST || method == HttpMethod.PUT || method == HttpMethod.DELETE;
        if (!write || !tokens.required() || bearer(exchange.getRequest().getHeaders()
                .getFirst(HttpHeaders.AUTHORIZATION))) {
            return chain.filter(exchange);
        }
        // Filters run outside the controller advice, so the problem is written here.
        return ProblemResponses.write(exchange, Problems.unauthorized("Writes need Authorization: Bearer <token>"));
    }

    /** The API documents Bearer tokens only; Basic is for schema-registry clients. */
    private boolean bearer(String header) {
        return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) && tokens.accepts(header);
    }
}
