package org.hlspipeline.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.hlspipeline.schemas.stream.StreamEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mutual TLS against a local HTTPS registry whose self-signed certificate is made with the JDK's keytool. */
class RestSchemaRegistryClientTlsTest {

    private static final String PASSWORD = "changeit";

    @TempDir
    static Path dir;
    private static Path keystore;
    private static Path truststore;

    private FakeConfluentRegistry registry;

    @BeforeAll
    static void makeCertificates() throws Exception {
        keystore = dir.resolve("registry.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "registry", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", keystore.toString(),
                "-storepass", PASSWORD, "-keypass", PASSWORD)
                .redirectErrorStream(true)
                .start();
        String output = new String(keytool.getInputStream().readAllBytes());
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as(output).isZero();

        // The one certificate is both the server's and the client's, so one truststore serves both sides.
        KeyStore keys = load(keystore);
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("registry", keys.getCertificate("registry"));
        truststore = dir.resolve("trust.p12");
        try (OutputStream out = Files.newOutputStream(truststore)) {
            trust.store(out, PASSWORD.toCharArray());
        }
    }

    @BeforeEach
    void startRegistry() throws Exception {
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(load(keystore), PASSWORD.toCharArray());
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(load(truststore));
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), null);
        registry = FakeConfluentRegistry.startMutualTls(ssl);
    }

    @AfterEach
    void stopRegistry() {
        registry.close();
    }

    @Test
    void registersOverMutualTls() {
        Map<String, Object> props = tlsProps();

        int id = new RestSchemaRegistryClient(SchemaRegistryConfig.fromProperties(props))
                .register("hls.stream-events-value", StreamEvent.getClassSchema());

        assertThat(id).isEqualTo(7);
        assertThat(registry.url()).startsWith("https://");
        assertThat(registry.requests()).hasSize(1);
    }

    @Test
    void withoutTheTruststoreTheSelfSignedRegistryIsNotTrusted() {
        Map<String, Object> props = tlsProps();
        props.remove(SchemaRegistryConfig.TRUSTSTORE_LOCATION);

        assertThatThrownBy(() -> new RestSchemaRegistryClient(SchemaRegistryConfig.fromProperties(props))
                .register("hls.stream-events-value", StreamEvent.getClassSchema()))
                .isInstanceOf(SchemaRegistryException.class);
        assertThat(registry.requests()).isEmpty();
    }

    @Test
    void withoutAClientCertificateTheRegistryRefusesTheConnection() {
        Map<String, Object> props = tlsProps();
        props.remove(SchemaRegistryConfig.KEYSTORE_LOCATION);

        assertThatThrownBy(() -> new RestSchemaRegistryClient(SchemaRegistryConfig.fromProperties(props))
                .register("hls.stream-events-value", StreamEvent.getClassSchema()))
                .isInstanceOf(SchemaRegistryException.class);
        assertThat(registry.requests()).isEmpty();
    }

    @Test
    void aWrongTruststorePasswordIsReportedWithoutTheSecret() {
        Map<String, Object> props = tlsProps();
        props.put(SchemaRegistryConfig.TRUSTSTORE_PASSWORD, "not-the-password");

        assertThatThrownBy(() -> new RestSchemaRegistryClient(SchemaRegistryConfig.fromProperties(props)))
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessageContaining("cannot load schema registry truststore")
                .hasMessageContaining(truststore.toString())
                .hasMessageNotContaining("not-the-password");
    }

    private Map<String, Object> tlsProps() {
        Map<String, Object> props = new HashMap<>();
        props.put(SchemaRegistryConfig.URL, List.of(registry.url()));
        props.put(SchemaRegistryConfig.TRUSTSTORE_LOCATION, truststore.toString());
        props.put(SchemaRegistryConfig.TRUSTSTORE_PASSWORD, new org.apache.kafka.common.config.types.Password(PASSWORD));
        props.put(SchemaRegistryConfig.TRUSTSTORE_TYPE, "PKCS12");
        props.put(SchemaRegistryConfig.KEYSTORE_LOCATION, keystore.toString());
        props.put(SchemaRegistryConfig.KEYSTORE_PASSWORD, PASSWORD);
        props.put(SchemaRegistryConfig.KEYSTORE_TYPE, "PKCS12");
        props.put(SchemaRegistryConfig.TIMEOUT_MS, "5000");
        return props;
    }

    private static KeyStore load(Path path) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(path)) {
            store.load(in, PASSWORD.toCharArray());
        }
        return store;
    }
}
