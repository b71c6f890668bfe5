package org.hlspipeline.queryapi.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** If-None-Match as clients send it, well-formed or not: HttpFuzzIT found that {@code garbage} made a 500. */
class PlaylistResponsesTest {

    private static final String ETAG = "\"34cd0b9f\"";

    @Test
    void aMalformedIfNoneMatchMatchesNothingInsteadOfFailing() {
        assertThat(PlaylistResponses.matches(List.of("garbage"), ETAG)).isFalse();
        assertThat(PlaylistResponses.matches(List.of("\"unterminated"), ETAG)).isFalse();
        assertThat(PlaylistResponses.matches(List.of(""), ETAG)).isFalse();
    }

    @Test
    void wellFormedValuesStillMatch() {
        assertThat(PlaylistResponses.matches(List.of(ETAG), ETAG)).isTrue();
        assertThat(PlaylistResponses.matches(List.of("W/" + ETAG), ETAG)).isTrue();
        assertThat(PlaylistResponses.matches(List.of("\"other\", " + ETAG), ETAG)).isTrue();
        assertThat(PlaylistResponses.matches(List.of("*"), ETAG)).isTrue();
        assertThat(PlaylistResponses.matches(List.of("\"other\""), ETAG)).isFalse();
        assertThat(PlaylistResponses.matches(null, ETAG)).isFalse();
    }
}
