package org.hlspipeline.queryapi.http;

import java.util.Comparator;
import java.util.Objects;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
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

    /** Refusals Spring makes while matching, before any handler is chosen, so no pattern is set. */
    private static final Set<HttpStatusCode> REFUSED_WHILE_MATCHING = Set.of(HttpStatus.METHOD_NOT_ALLOWED,
            HttpStatus.NOT_ACCEPTABLE, HttpStatus.UNSUPPORTED_MEDIA_TYPE);

    private final ObjectProvider<RequestMappingHandlerMapping> mappings;

    RequestMetricsFilter(ObjectProvider<RequestMappingHandlerMapping> mappings) {
        this.mappings = mappings;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        exchange.getResponse().beforeCommit(() -> {
            AnsweredRequests.route(exchange, route(exchange));
            return Mono.empty();
        });
        return chain.filter(exchange);
    }

    private String route(ServerWebExchange exchange) {
        Object pattern = exchange.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        HttpStatusCode status = exchange.getResponse().getStatusCode();
        String route = pattern instanceof PathPattern path ? path.getPatternString()
                : pattern instanceof String text ? text
                : REFUSED_WHILE_MATCHING.contains(status) ? pathRoute(exchange) : AnsweredRequests.UNKNOWN;
        // The static files' catch-all matches any path; a 404 from it is a path nothing serves.
        boolean missedFile = CATCH_ALL.equals(route) && HttpStatus.NOT_FOUND.equals(status);
        return missedFile ? AnsweredRequests.UNKNOWN : route;
    }

    /**
     * The most specific controller route whose path matches, although its method, {@code consumes} or
     * {@code produces} did not: a 406 on {@code /api/streams} belongs to that route, not to a path nobody serves.
     */
    private String pathRoute(ServerWebExchange exchange) {
        return mappings.orderedStream().flatMap(mapping -> mapping.getHandlerMethods().keySet().stream())
                .map(info -> info.getPatternsCondition().getMatchingCondition(exchange))
                .filter(Objects::nonNull)
                .flatMap(matched -> matched.getPatterns().stream())
                .min(Comparator.naturalOrder())
                .map(PathPattern::getPatternString)
                .orElse(AnsweredRequests.UNKNOWN);
    }
}
