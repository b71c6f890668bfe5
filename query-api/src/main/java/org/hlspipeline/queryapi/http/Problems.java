package org.hlspipeline.queryapi.http;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * RFC 9457 problem details for the answers the API gives on purpose. Each kind has a stable {@code type} URI
 * that clients can switch on, relative to the API.
 */
public final class Problems {

    private Problems() {
    }

    public static ErrorResponseException badRequest(String detail) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", detail);
    }

    public static ErrorResponseException notFound(String detail) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", detail);
    }

    public static ErrorResponseException conflict(String type, String title, String detail) {
        return problem(HttpStatus.CONFLICT, type, title, detail);
    }

    public static ErrorResponseException unauthorized(String detail) {
        return problem(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized", detail);
    }

    public static ErrorResponseException problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setType(URI.create("/problems/" + type));
        body.setTitle(title);
        return new ErrorResponseException(status, body, null);
    }
}
