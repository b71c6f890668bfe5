package org.hlspipeline.queryapi.http;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;

import reactor.core.publisher.Mono;

/**
 * Tells {@link AnsweredRequests}, which counts responses below Spring, which route answered: the pattern the
 * handler mapping matched, once the response is about to be sent. First of all filters, so that answers written
 * by the others (a 401) are counted under their route as well, or as {@value AnsweredRequests#UNKNOWN}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestMetricsFilter implements WebFilter {

    private static final String CATCH_ALL = "/**";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        exchange.getResponse().beforeCommit(() -> {
            AnsweredRequests.route(exchange, route(exchange));
            return Mono.empty();
        });
        return chain.filter(exchange);
    }

    private static String route(ServerWebExchange exchange) {
        Object pattern = exchange.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        String route = pattern instanceof PathPattern path ? path.getPatternString()
                : pattern instanceof String text ? text : AnsweredRequests.UNKNOWN;
        // The static files' catch-all matches any path; a 404 from it is a path nothing serves.
        boolean missedFile = CATCH_ALL.equals(route)
                && HttpStatus.NOT_FOUND.equals(exchange.getResponse().getStatusCode());
        return missedFile ? AnsweredRequests.UNKNOWN : route;
    }
}
