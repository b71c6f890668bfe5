package org.hlspipeline.queryapi.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * Spring's own refusals (405, 415, an unknown path) left {@code about:blank}, which their JSON leaves out:
 * HttpFuzzIT found problems without a {@code type}. Each now has one; the API's own types stay.
 */
class ProblemsTest {

    @Test
    void springsOwnProblemsGetATypeByStatus() {
        assertThat(typed(HttpStatus.METHOD_NOT_ALLOWED)).isEqualTo("/problems/method-not-allowed");
        assertThat(typed(HttpStatus.UNSUPPORTED_MEDIA_TYPE)).isEqualTo("/problems/unsupported-media-type");
        assertThat(typed(HttpStatus.NOT_ACCEPTABLE)).isEqualTo("/problems/not-acceptable");
        assertThat(typed(HttpStatus.BAD_REQUEST)).isEqualTo("/problems/invalid-request");
        assertThat(typed(HttpStatus.NOT_FOUND)).isEqualTo("/problems/not-found");
        assertThat(Problems.typeName(599)).isEqualTo("error");
    }

    @Test
    void theApisOwnTypesAreKept() {
        ProblemDetail problem = Problems.conflict("stream-ended", "Stream ended", "ended").getBody();
        Problems.typed(problem, HttpStatus.CONFLICT);
        assertThat(problem.getType()).isEqualTo(URI.create("/problems/stream-ended"));
    }

    @Test
    void theInstanceIsAUriReferenceForAnyPath() {
        assertThat(Problems.instance("/streams/a/master.m3u8")).isEqualTo(URI.create("/streams/a/master.m3u8"));
        // "//" alone is an empty authority to java.net.URI: Spring's own fill-in threw, answering 500.
        assertThat(Problems.instance("//").toString()).isEqualTo("/%2F");
        assertThat(Problems.instance("//x/\u00e9 y").toString()).isEqualTo("/%2Fx/%C3%A9%20y");
        assertThat(Problems.instance("/a b").toString()).isEqualTo("/a%20b");
    }

    private static String typed(HttpStatus status) {
        ProblemDetail problem = ProblemDetail.forStatus(status);
        return Problems.typed(problem, status).getType().toString();
    }
}
