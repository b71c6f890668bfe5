package org.hlspipeline.queryapi.http;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

/** The seed orchestrator's request counters: {@code hls_requests_total} and {@code hls_errors_total} (4xx/5xx). */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestMetricsFilter implements WebFilter {

    private final Counter requests;
    private final Counter errors;

    RequestMetricsFilter(MeterRegistry registry) {
        this.requests = Counter.builder("hls.requests").description("HTTP requests").register(registry);
        this.errors = Counter.builder("hls.errors").description("HTTP responses with status 4xx or 5xx")
                .register(registry);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        requests.increment();
        exchange.getResponse().beforeCommit(() -> {
            HttpStatusCode status = exchange.getResponse().getStatusCode();
            if (status != null && (status.is4xxClientError() || status.is5xxServerError())) {
                errors.increment();
            }
            return Mono.empty();
        });
        return chain.filter(exchange);
    }
}
