package org.hlspipeline.tools.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.hlspipeline.tools.RecordingPublisher;
import org.hlspipeline.tools.ToolRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectionOptionsTest {

    private static final String[] END = {"end", "--stream", "news"};

    @TempDir
    Path dir;

    private final RecordingPublisher publisher = new RecordingPublisher();

    private ClientSettings settingsFor(Map<String, String> environment, String... extra) {
        String[] args = new String[END.length + extra.length];
        System.arraycopy(END, 0, args, 0, END.length);
        System.arraycopy(extra, 0, args, END.length, extra.length);
        ToolRun run = ToolRun.run(publisher, environment, args);
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(publisher.opened).hasSize(1);
        return publisher.opened.get(0);
    }

    @Test
    void defaultsReachTheEmbeddedBrokerWithBundledSchemaIds() {
        ClientSettings settings = settingsFor(Map.of());

        assertThat(settings.bootstrapServers()).isEqualTo("127.0.0.1:9092");
        assertThat(settings.topic()).isEqualTo("hls.stream-events");
        assertThat(settings.schemaRegistryUrl()).isNull();
        assertThat(settings.properties()).isEmpty();
        assertThat(publisher.sent.get(0).topic()).isEqualTo("hls.stream-events");
    }

    @Test
    void environmentOverridesDefaults() {
        ClientSettings settings = settingsFor(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", "kafka-1:9092,kafka-2:9092",
                "SCHEMA_REGISTRY_URL", "http://registry:8081",
                "HLS_TOPIC_STREAM_EVENTS", "staging.stream-events"));

        assertThat(settings.bootstrapServers()).isEqualTo("kafka-1:9092,kafka-2:9092");
        assertThat(settings.schemaRegistryUrl()).isEqualTo("http://registry:8081");
        assertThat(settings.topic()).isEqualTo("staging.stream-events");
        assertThat(publisher.sent.get(0).topic()).isEqualTo("staging.stream-events");
    }

    /** The registry's TLS files come from the variables the app reads, the client keystore (mutual TLS) too. */
    @Test
    void registryTlsFilesComeFromTheAppsVariables() {
        ClientSettings settings = settingsFor(Map.of("SCHEMA_REGISTRY_URL", "https://registry:8081",
                "SCHEMA_REGISTRY_TRUSTSTORE_LOCATION", "/etc/hls/trust.p12",
                "SCHEMA_REGISTRY_KEYSTORE_LOCATION", "/etc/hls/client.p12",
                "SCHEMA_REGISTRY_KEYSTORE_PASSWORD", "changeit"));

        assertThat(settings.properties()).containsEntry("schema.registry.ssl.truststore.location", "/etc/hls/trust.p12")
                .containsEntry("schema.registry.ssl.keystore.location", "/etc/hls/client.p12")
                .containsEntry("schema.registry.ssl.keystore.password", "changeit");
    }

    @Test
    void flagsOverrideEnvironmentWhichOverridesTheCommandConfigFile() throws IOException {
        Path file = dir.resolve("client.properties");
        Files.writeString(file, """
                bootstrap.servers=from-file:9092
                schema.registry.url=http://from-file:8081
                security.protocol=SASL_SSL
                sasl.mechanism=PLAIN
                sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required \\
                    username="tools" password="s3cret-sasl";
                basic.auth.user.info=file-user:file-pass
                """);
        Map<String, String> environment = Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", "from-env:9092",
                "SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO", "env-user:env-pass");

        ClientSettings fileOnly = settingsFor(Map.of(), "--command-config", file.toString());
        publisher.opened.clear();
        ClientSettings fileAndEnvironment = settingsFor(environment, "--command-config", file.toString());
        publisher.opened.clear();
        ClientSettings all = settingsFor(environment, "--command-config", file.toString(),
                "--bootstrap-servers", "from-flag:9092", "--schema-registry-url", "https://from-flag:8081",
                "--topic", "flag.topic");

        assertThat(fileOnly.bootstrapServers()).isEqualTo("from-file:9092");
        assertThat(fileOnly.schemaRegistryUrl()).isEqualTo("http://from-file:8081");
        assertThat(fileOnly.properties()).containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("basic.auth.user.info", "file-user:file-pass")
                .doesNotContainKey("bootstrap.servers");
        assertThat(fileOnly.properties().get("sasl.jaas.config")).contains("password=\"s3cret-sasl\"");

        assertThat(fileAndEnvironment.bootstrapServers()).isEqualTo("from-env:9092");
        assertThat(fileAndEnvironment.properties()).containsEntry("basic.auth.user.info", "env-user:env-pass");

        assertThat(all.bootstrapServers()).isEqualTo("from-flag:9092");
        assertThat(all.schemaRegistryUrl()).isEqualTo("https://from-flag:8081");
        assertThat(all.topic()).isEqualTo("flag.topic");
    }

    @Test
    void settingsNeverShowSecretValues() throws IOException {
        Path file = dir.resolve("client.properties");
        Files.writeString(file, "sasl.jaas.config=... password=\"s3cret-sasl\";\n");

        ClientSettings settings = settingsFor(Map.of("SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO", "u:s3cret-registry"),
                "--command-config", file.toString());

        assertThat(settings.toString()).contains("sasl.jaas.config").contains("basic.auth.user.info")
                .doesNotContain("s3cret");
    }

    @Test
    void missingCommandConfigFileIsAUsageError() {
        ToolRun run = ToolRun.run(publisher, "end", "--stream", "news",
                "--command-config", dir.resolve("absent.properties").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).startsWith("producer-tools end: --command-config file ")
                .contains("absent.properties does not exist");
        assertThat(publisher.opened).isEmpty();
    }

    @Test
    void blankEnvironmentVariablesCountAsUnset() {
        ClientSettings settings = settingsFor(Map.of("KAFKA_BOOTSTRAP_SERVERS", " ", "HLS_TOPIC_STREAM_EVENTS", ""));

        assertThat(settings.bootstrapServers()).isEqualTo("127.0.0.1:9092");
        assertThat(settings.topic()).isEqualTo("hls.stream-events");
    }
}
