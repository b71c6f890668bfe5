package org.hlspipeline.queryapi.http;

import org.reactivestreams.Publisher;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Range requests as RFC 9110 §14 has them, for the viewer's static files, the only answers that take ranges.
 * Spring's static file handler gets two cases wrong: a {@code Range} that does not parse ({@code bytes=z},
 * {@code bytes=5-1}) is answered 416, and a 416 carries the whole file's {@code Content-Length} with no body, so a
 * client waits for bytes that never come. Here a range that does not parse is ignored (§14.2 allows it) and the
 * file sent whole (so is any range of the page at {@code /}), and a 416 becomes a problem body with {@code Content-Range: bytes *}{@code /<length>}
 * (§15.5.17). See docs/operations.md, HTTP limits.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class RangeRequests implements WebFilter {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        HttpHeaders headers = exchange.getRequest().getHeaders();
        if (!headers.containsHeader(HttpHeaders.RANGE)) {
            return chain.filter(exchange);
        }
        // The page at "/" is Spring Boot's welcome page, answered without its length, so no 416 could name it.
        if (!readable(headers) || exchange.getRequest().getPath().value().equals("/")) {
            return chain.filter(exchange.mutate()
                    .request(request -> request.headers(mutable -> mutable.remove(HttpHeaders.RANGE))).build());
        }
        String path = exchange.getRequest().getPath().value();
        return chain.filter(exchange.mutate().response(new Unsatisfiable(exchange.getResponse(), path)).build());
    }

    private static boolean readable(HttpHeaders headers) {
        try {
            headers.getRange();
            return true;
        } catch (IllegalArgumentException unreadable) {
            return false;
        }
    }

    /** Turns the handler's bodiless 416 into a problem that names the representation's length. */
    private static final class Unsatisfiable extends ServerHttpResponseDecorator {

        private final String path;

        Unsatisfiable(ServerHttpResponse delegate, String path) {
            super(delegate);
            this.path = path;
        }

        @Override
        public Mono<Void> setComplete() {
            return unsatisfiable() ? problem() : super.setComplete();
        }

        @Override
        public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
            if (!unsatisfiable()) {
                return super.writeWith(body);
            }
            return Flux.from(body).doOnNext(DataBufferUtils::release).then(problem());
        }

        private boolean unsatisfiable() {
            return HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE.equals(getStatusCode());
        }

        private Mono<Void> problem() {
            HttpHeaders headers = getDelegate().getHeaders();
            long length = headers.getContentLength();
            if (length >= 0 && !headers.containsHeader(HttpHeaders.CONTENT_RANGE)) {
                headers.set(HttpHeaders.CONTENT_RANGE, "bytes */" + length);
            }
            return ProblemResponses.write(getDelegate(), path, Problems.problem(
                    HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE, "range-not-satisfiable", "Range Not Satisfiable",
                    length >= 0 ? "The file has " + length + " bytes" : "The range lies past the end of the file"));
        }
    }
}
