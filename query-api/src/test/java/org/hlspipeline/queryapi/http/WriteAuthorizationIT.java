package org.hlspipeline.queryapi.http;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;

import org.hlspipeline.queryapi.testing.PipelineInstance;
import org.hlspipeline.queryapi.testing.TestPipeline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/** Writes need a bearer token once tokens are configured; an instance open to the network never runs without. */
class WriteAuthorizationIT {

    private static final Map<String, Object> SEGMENT = Map.of("sequence", 1, "duration", 2.0, "path", "/1.ts");

    @Test
    void withTokensWritesNeedOneAndReadsDoNot(@TempDir Path dataDir) {
        try (PipelineInstance app = PipelineInstance.start(TestPipeline.unique("auth"), dataDir,
                Map.of("hls.security.write-tokens", "s3cret,other-token"))) {
            app.http().post().uri("/streams/auth/renditions/720p/segments").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(SEGMENT).exchange()
                    .expectStatus().isUnauthorized()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            app.http().post().uri("/streams/auth/renditions/720p/segments").contentType(MediaType.APPLICATION_JSON)
                    .header(HttpHeaders.AUTHORIZATION, "Bearer wrong").bodyValue(SEGMENT).exchange()
                    .expectStatus().isUnauthorized().expectBody(Void.class);

            app.http().post().uri("/streams/auth/renditions/720p/segments").contentType(MediaType.APPLICATION_JSON)
                    .header(HttpHeaders.AUTHORIZATION, "Bearer other-token").bodyValue(SEGMENT).exchange()
                    .expectStatus().isCreated().expectBody(Void.class);
            app.http().get().uri("/streams/auth/renditions/720p/playlist.m3u8").exchange().expectStatus().isOk()
                    .expectBody(Void.class);
        }
    }

    @Test
    void bindingBeyondLoopbackWithoutTokensRefusesToStart(@TempDir Path dataDir) {
        assertThatThrownBy(() -> PipelineInstance.start(TestPipeline.unique("open"), dataDir,
                Map.of("server.address", "0.0.0.0")).close())
                .hasStackTraceContaining("no write tokens are configured");
    }
}
