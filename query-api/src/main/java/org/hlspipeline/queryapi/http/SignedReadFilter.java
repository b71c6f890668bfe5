package org.hlspipeline.queryapi.http;

import org.hlspipeline.processor.signing.Verification;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * With signed read URLs on, a GET or HEAD of a playlist ({@link SignedUrls#covers}) needs a valid signature, else
 * 403 with a problem saying what was wrong. Runs after CORS ({@link ReadCorsFilter}) so that a browser player
 * sees the 403 rather than a CORS failure, and before anything reads a store.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 12)
class SignedReadFilter implements WebFilter {

    private final SignedUrls urls;

    SignedReadFilter(SignedUrls urls) {
        this.urls = urls;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        HttpMethod method = exchange.getRequest().getMethod();
        if (!urls.enabled() || (method != HttpMethod.GET && method != HttpMethod.HEAD)
                || !SignedUrls.covers(exchange.getRequest().getPath().value())) {
            return chain.filter(exchange);
        }
        Verification verification = urls.verify(exchange.getRequest());
        if (verification.valid()) {
            exchange.getAttributes().put(SignedUrls.EXPIRES_ATTRIBUTE, verification.expires());
            return chain.filter(exchange);
        }
        // Filters run outside the controller advice, so the problem is written here.
        return ProblemResponses.write(exchange, verification.outcome() == Verification.Outcome.MISSING
                ? Problems.signatureRequired(verification.detail())
                : Problems.signatureInvalid(verification.detail()));
    }
}
