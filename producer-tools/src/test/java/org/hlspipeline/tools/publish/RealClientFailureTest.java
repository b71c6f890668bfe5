package org.hlspipeline.tools.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.hlspipeline.tools.ToolRun;
import org.hlspipeline.tools.cli.ExitCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real Kafka client and registry client, without any server: the tool must fail fast and say why. */
class RealClientFailureTest {

    @TempDir
    Path dir;

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void aMissingBrokerFailsWithinTheBlockTimeoutWithExit3() throws IOException {
        // The file may shorten the tool's timeouts; 1 s keeps this test quick.
        Path config = Files.writeString(dir.resolve("client.properties"), "max.block.ms=1000\n");
        String bootstrap = "127.0.0.1:" + closedPort();

        ToolRun run = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> ToolRun.run(KafkaEventPublisher::open,
                Map.of("KAFKA_BOOTSTRAP_SERVERS", bootstrap),
                "segment", "--stream", "news", "--rendition", "720p", "--sequence", "1", "--duration", "2",
                "--path", "seg1.ts", "--command-config", config.toString()));

        assertThat(run.exitCode()).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("producer-tools segment: Kafka at " + bootstrap + " did not take the record")
                .contains("Is the broker running");
    }

    @Test
    void anUnreachableRegistryFailsWithExit3BeforeKafkaIsAsked() throws IOException {
        String registry = "http://127.0.0.1:" + closedPort();

        ToolRun run = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> ToolRun.run(KafkaEventPublisher::open,
                Map.of("SCHEMA_REGISTRY_URL", registry, "KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + closedPort()),
                "end", "--stream", "news"));

        assertThat(run.exitCode()).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(run.err()).startsWith("producer-tools end: schema registry: could not register schema")
                .contains(registry).contains("unreachable");
    }

    @Test
    void anInvalidClientConfigurationIsAUsageErrorThatShowsNoSecret() throws IOException {
        Path config = Files.writeString(dir.resolve("client.properties"), """
                security.protocol=SASL_PLAINTEXT_TYPO
                sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required \\
                    username="tools" password="s3cret-sasl";
                """);

        ToolRun run = ToolRun.run(KafkaEventPublisher::open, Map.of(),
                "end", "--stream", "news", "--command-config", config.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).startsWith("producer-tools end: invalid Kafka client configuration")
                .contains("SASL_PLAINTEXT_TYPO").doesNotContain("s3cret");
    }

    @Test
    void anInvalidRegistryUrlIsAUsageErrorThatShowsNoPassword() {
        ToolRun run = ToolRun.run(KafkaEventPublisher::open, Map.of(),
                "end", "--stream", "news", "--schema-registry-url", "ftp://user:s3cret@registry:8081");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).startsWith("producer-tools end: invalid schema registry configuration")
                .doesNotContain("s3cret");
    }
}
