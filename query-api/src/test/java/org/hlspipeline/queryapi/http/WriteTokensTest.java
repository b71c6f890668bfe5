package org.hlspipeline.queryapi.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.hlspipeline.queryapi.config.HlsProperties;
import org.junit.jupiter.api.Test;

class WriteTokensTest {

    private static WriteTokens tokens(String... tokens) {
        return new WriteTokens(new HlsProperties(null, 0, null, null, null, 0, 0, null, null, null, null, null,
                new HlsProperties.Security(List.of(tokens), null, List.of())));
    }

    @Test
    void aBearerTokenOrABasicPasswordThatIsATokenIsAccepted() {
        WriteTokens tokens = tokens("one", " two ");

        assertThat(tokens.accepts("Bearer two")).isTrue();
        assertThat(tokens.accepts("bearer one")).isTrue();
        assertThat(tokens.accepts("Basic " + Base64.getEncoder().encodeToString(
                "encoder:one".getBytes(StandardCharsets.UTF_8)))).isTrue();
        assertThat(tokens.accepts("Bearer three")).isFalse();
        assertThat(tokens.accepts("Basic " + Base64.getEncoder().encodeToString(
                "one:nope".getBytes(StandardCharsets.UTF_8)))).isFalse();
        assertThat(tokens.accepts("Basic !!!")).isFalse();
        assertThat(tokens.accepts(null)).isFalse();
    }

    @Test
    void withoutTokensAServerMayOnlyListenOnLoopback() {
        tokens().requireTokensUnlessLoopback("127.0.0.1", "The schema registry");
        tokens().requireTokensUnlessLoopback("::1", "The schema registry");
        tokens("one").requireTokensUnlessLoopback("0.0.0.0", "The schema registry");

        assertThatThrownBy(() -> tokens().requireTokensUnlessLoopback("0.0.0.0", "The schema registry"))
                .hasMessageContaining("The schema registry binds 0.0.0.0 but no write tokens are configured");
    }
}
