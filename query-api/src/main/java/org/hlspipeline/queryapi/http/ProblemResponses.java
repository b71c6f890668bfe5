package org.hlspipeline.queryapi.http;

import java.nio.charset.StandardCharsets;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/** Writes a problem detail straight to a response, for the places that run before any controller (filters). */
final class ProblemResponses {

    private ProblemResponses() {
    }

    static Mono<Void> write(ServerWebExchange exchange, ErrorResponseException problem) {
        return write(exchange.getResponse(), exchange.getRequest().getPath().value(), problem);
    }

    /** Writes to {@code response} itself, for a decorator that must not see its own answer again. */
    static Mono<Void> write(ServerHttpResponse response, String path, ErrorResponseException problem) {
        ProblemDetail body = problem.getBody();
        String json = "{\"type\":\"" + escape(String.valueOf(body.getType())) + "\",\"title\":\""
                + escape(body.getTitle()) + "\",\"status\":" + body.getStatus() + ",\"detail\":\""
                + escape(body.getDetail()) + "\",\"instance\":\"" + escape(Problems.instance(path).toString())
                + "\"}";
        response.setStatusCode(problem.getStatusCode());
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (problem.getStatusCode().value() == 401) {
            response.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        response.getHeaders().setContentLength(bytes.length);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(bytes)));
    }

    private static String escape(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
