package org.hlspipeline.queryapi.http;

import java.net.URI;

import org.apache.kafka.common.KafkaException;
import org.hlspipeline.queryapi.query.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ContentTooLargeException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * Every error leaves as {@code application/problem+json}: Spring's own (unreadable JSON, unknown path, …) through
 * the base class, the API's through {@link Problems}, and the rest as a 503 when Kafka or the stores are
 * unavailable. Nothing answers with a stack trace. A client that went away gets nothing and a DEBUG line
 * ({@link DisconnectedClients}).
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(StoreUnavailableException.class)
    Mono<ResponseEntity<Object>> storeUnavailable(StoreUnavailableException e, ServerWebExchange exchange) {
        return unavailable("store-unavailable", "State not available", e.getMessage(), exchange);
    }

    @ExceptionHandler(KafkaUnavailableException.class)
    Mono<ResponseEntity<Object>> kafkaUnavailable(KafkaUnavailableException e, ServerWebExchange exchange) {
        return unavailable("kafka-unavailable", "Kafka unavailable", e.getMessage(), exchange);
    }

    @ExceptionHandler(SchemaRegistryUnavailableException.class)
    Mono<ResponseEntity<Object>> registryUnavailable(SchemaRegistryUnavailableException e,
                                                     ServerWebExchange exchange) {
        return unavailable("schema-registry-unavailable", "Schema registry unavailable", e.getMessage(), exchange);
    }

    @ExceptionHandler(KafkaException.class)
    Mono<ResponseEntity<Object>> kafka(KafkaException e, ServerWebExchange exchange) {
        log.warn("Kafka error while serving {}: {}", exchange.getRequest().getPath(), e.toString());
        return unavailable("kafka-unavailable", "Kafka unavailable", "Kafka is unavailable: " + e.getMessage(),
                exchange);
    }

    /** A malformed Accept or Content-Type that Spring parses outside its own checks (GET / did; HttpFuzzIT). */
    @ExceptionHandler(InvalidMediaTypeException.class)
    Mono<ResponseEntity<Object>> invalidMediaType(InvalidMediaTypeException e, ServerWebExchange exchange) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "A media type header is not a media type: " + e.getMessage());
        body.setType(URI.create("/problems/invalid-request"));
        body.setTitle("Invalid request");
        return handleExceptionInternal(e, body, null, HttpStatus.BAD_REQUEST, exchange);
    }

    @ExceptionHandler(Exception.class)
    Mono<ResponseEntity<Object>> unexpected(Exception e, ServerWebExchange exchange) {
        if (DisconnectedClients.gone(e, exchange)) {
            // Nobody is left to read an answer, or the answer has left already: nothing to write.
            DisconnectedClients.logGone(e, exchange);
            return Mono.empty();
        }
        log.error("Unexpected error serving {}", exchange.getRequest().getPath(), e);
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "An unexpected error occurred; it has been logged.");
        body.setType(URI.create("/problems/internal"));
        return handleExceptionInternal(e, body, null, HttpStatus.INTERNAL_SERVER_ERROR, exchange);
    }

    /** A body past {@code HLS_MAX_BODY_SIZE}: the one limit Spring enforces (docs/operations.md, HTTP limits). */
    @Override
    protected Mono<ResponseEntity<Object>> handleResponseStatusException(ResponseStatusException e,
                                                                         HttpHeaders headers, HttpStatusCode status,
                                                                         ServerWebExchange exchange) {
        if (e instanceof ContentTooLargeException) {
            e.getBody().setType(URI.create("/problems/body-too-large"));
            e.getBody().setDetail("The request body is larger than the server reads (HLS_MAX_BODY_SIZE)");
        }
        return super.handleResponseStatusException(e, headers, status, exchange);
    }

    /** Every problem leaves here: Spring's own get a {@code type} too (see {@link Problems#typed}). */
    @Override
    protected Mono<ResponseEntity<Object>> createResponseEntity(Object body, HttpHeaders headers,
                                                                HttpStatusCode status, ServerWebExchange exchange) {
        if (body instanceof ProblemDetail problem) {
            Problems.typed(problem, status);
            if (problem.getInstance() == null) {
                problem.setInstance(Problems.instance(exchange.getRequest().getPath().value()));
            }
        }
        return super.createResponseEntity(body, headers, status, exchange);
    }

    private Mono<ResponseEntity<Object>> unavailable(String type, String title, String detail,
                                                     ServerWebExchange exchange) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail);
        body.setType(URI.create("/problems/" + type));
        body.setTitle(title);
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, "1");
        return handleExceptionInternal(new RuntimeException(detail), body, headers, HttpStatus.SERVICE_UNAVAILABLE,
                exchange);
    }
}
