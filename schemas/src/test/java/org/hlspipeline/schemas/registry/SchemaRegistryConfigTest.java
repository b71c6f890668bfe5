package org.hlspipeline.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.config.types.Password;
import org.hlspipeline.schemas.stream.StreamEvent;
import org.junit.jupiter.api.Test;

class SchemaRegistryConfigTest {

    @Test
    void readsTheConfluentPropertyNames() {
        Map<String, Object> props = new HashMap<>();
        props.put("schema.registry.url", "http://a:8081/, https://b:8443/apis/ccompat/v7");
        props.put("basic.auth.user.info", "svc:pw1");
        props.put("schema.registry.ssl.truststore.location", "/etc/trust.jks");
        props.put("schema.registry.ssl.truststore.password", new Password("pw2"));
        props.put("schema.registry.ssl.truststore.type", "JKS");
        props.put("schema.registry.ssl.keystore.location", "/etc/keys.p12");
        props.put("schema.registry.ssl.keystore.password", "pw3");
        props.put("schema.registry.ssl.keystore.type", "PKCS12");
        props.put("http.read.timeout.ms", 2500);

        SchemaRegistryConfig config = SchemaRegistryConfig.fromProperties(props);

        assertThat(config).isEqualTo(new SchemaRegistryConfig(
                List.of("http://a:8081", "https://b:8443/apis/ccompat/v7"), "svc:pw1",
                "/etc/trust.jks", "pw2", "JKS", "/etc/keys.p12", "pw3", "PKCS12", Duration.ofMillis(2500)));
    }

    @Test
    void userInfoInTheUrlBecomesBasicAuthAndLeavesTheUrl() {
        SchemaRegistryConfig config = SchemaRegistryConfig.ofUrls("https://bob:pw%40x@registry.example:8081");

        assertThat(config.urls()).containsExactly("https://registry.example:8081");
        assertThat(config.basicAuthUserInfo()).isEqualTo("bob:pw@x");
    }

    @Test
    void explicitUserInfoWinsOverTheUrls() {
        SchemaRegistryConfig config = SchemaRegistryConfig.fromProperties(Map.of(
                "schema.registry.url", "https://bob:pw@registry.example",
                "basic.auth.user.info", "alice:other"));

        assertThat(config.basicAuthUserInfo()).isEqualTo("alice:other");
        assertThat(config.urls()).containsExactly("https://registry.example");
    }

    @Test
    void toStringHidesSecrets() {
        SchemaRegistryConfig config = new SchemaRegistryConfig(List.of("https://r"), "svc:topsecret",
                "/t", "trustsecret", null, "/k", "keysecret", null, null);

        assertThat(config.toString())
                .contains("https://r", "/t", "/k")
                .doesNotContain("topsecret", "trustsecret", "keysecret", "svc");
    }

    @Test
    void blankOrMissingUrlMeansNoRegistry() {
        assertThat(SchemaRegistryConfig.fromProperties(Map.of()).hasUrls()).isFalse();
        assertThat(SchemaRegistryConfig.fromProperties(Map.of("schema.registry.url", "  ")).hasUrls()).isFalse();
        assertThat(SchemaRegistryConfig.fromProperties(Map.of()).timeout()).isEqualTo(SchemaRegistryConfig.DEFAULT_TIMEOUT);
    }

    @Test
    void aBadUrlIsRejectedWithoutEchoingItsPassword() {
        assertThatThrownBy(() -> SchemaRegistryConfig.ofUrls("ftp://bob:hunter2@registry"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("schema.registry.url")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void registriesPicksRestWhenAUrlIsSetAndBundledOtherwise() {
        assertThat(SchemaRegistries.fromConfig(Map.of())).isInstanceOf(BundledSchemaRegistry.class);
        assertThat(SchemaRegistries.fromConfig(Map.of("schema.registry.url", ""))).isInstanceOf(BundledSchemaRegistry.class);
        assertThat(SchemaRegistries.fromConfig(Map.of("schema.registry.url", "http://127.0.0.1:1")))
                .isInstanceOf(RestSchemaRegistryClient.class);
        assertThat(SchemaRegistries.fromConfig(Map.of()).register("hls.stream-events-value", StreamEvent.getClassSchema()))
                .isEqualTo(BundledSchemas.STREAM_EVENT_V3.id());
    }
}
