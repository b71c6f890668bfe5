package org.hlspipeline.queryapi.http;

import java.net.URI;
import java.util.Locale;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
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

    /** A read that needs a signed URL came without one (docs/operations.md, Signed read URLs). */
    public static ErrorResponseException signatureRequired(String detail) {
        return problem(HttpStatus.FORBIDDEN, "signature-required", "Signature required", detail);
    }

    /** A read's URL signature is malformed, wrong or expired; {@code detail} says which. */
    public static ErrorResponseException signatureInvalid(String detail) {
        return problem(HttpStatus.FORBIDDEN, "signature-invalid", "Signature invalid", detail);
    }

    /**
     * Gives a problem that Spring made for its own refusals (405, 406, 415, an unreadable body, an unknown path)
     * a {@code type} of its own, as the API's problems have: Spring leaves {@code about:blank}, which its JSON
     * leaves out, and clients switch on {@code type}. The API's own types are kept.
     */
    static ProblemDetail typed(ProblemDetail problem, HttpStatusCode status) {
        URI type = problem.getType();
        if (type == null || type.toString().equals("about:blank")) {
            problem.setType(URI.create("/problems/" + typeName(status.value())));
        }
        return problem;
    }

    /**
     * The problem's {@code instance}: the request's path when it is a URI reference, else its percent-encoded form.
     * Spring fills a missing instance with {@code URI.create(path)}, which throws for a path such as {@code //}
     * (read as an empty authority) and turned a 404 into a 500 (HttpFuzzIT).
     */
    static URI instance(String path) {
        try {
            return URI.create(path);
        } catch (IllegalArgumentException notAReference) {
            StringBuilder encoded = new StringBuilder();
            for (byte b : path.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
                char c = (char) (b & 0xff);
                boolean unreserved = c < 0x80 && (Character.isLetterOrDigit(c) || "-._~/".indexOf(c) >= 0);
                encoded.append(unreserved ? String.valueOf(c) : String.format("%%%02X", b & 0xff));
            }
            // Two leading slashes would start an authority: the second one is written encoded.
            String reference = encoded.toString().startsWith("//") ? "/%2F" + encoded.substring(2)
                    : encoded.toString();
            return URI.create(reference);
        }
    }

    /** The type name for a status: the API's names where it has them, else the reason phrase. */
    static String typeName(int status) {
        return switch (status) {
            case 400 -> "invalid-request";
            case 404 -> "not-found";
            default -> {
                HttpStatus known = HttpStatus.resolve(status);
                yield known == null ? "error" : known.getReasonPhrase().toLowerCase(Locale.ROOT)
                        .replaceAll("[^a-z0-9]+", "-");
            }
        };
    }

    public static ErrorResponseException problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setType(URI.create("/problems/" + type));
        body.setTitle(title);
        return new ErrorResponseException(status, body, null);
    }
}
