package org.hlspipeline.tools.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;

import org.hlspipeline.tools.RecordingPublisher;
import org.hlspipeline.tools.ToolRun;
import org.hlspipeline.tools.cli.ExitCodes;
import org.hlspipeline.tools.publish.KafkaEventPublisher;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The channel commands as a shell sees them: help everywhere, and a clear failure without a broker. */
class ChannelToolsCommandLineTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} --help")
    @ValueSource(strings = {"command", "command configure", "command enqueue", "command replace",
        "command interrupt", "command skip", "command remove", "command end", "schedule", "alert", "cancel-alert"})
    void everyCommandHasHelp(String command) {
        RecordingPublisher publisher = new RecordingPublisher();

        ToolRun run = ToolRun.run(publisher, (command + " --help").split(" "));

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).startsWith("Usage: producer-tools " + command + " ").contains("--bootstrap-servers");
        assertThat(run.err()).isEmpty();
        assertThat(publisher.opened).isEmpty();
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"schedule", "command", "alert", "cancel-alert"})
    void anUnreachableBrokerIsExit3WithOneLineAndNoStackTrace(String command) throws IOException {
        Files.createDirectories(dir.resolve("assets"));
        Files.writeString(dir.resolve("assets/ep1.json"), """
                {"renditions": {"720p": {"uriTemplate": "s{n}.ts"}}, "segmentCount": 2, "segmentDuration": 2}""");
        Path schedule = Files.writeString(dir.resolve("tv1.yaml"), """
                channel: tv1
                configure: {ladder: [{name: 720p, bandwidth: 1000000}]}
                items: [{itemId: ep1, asset: assets/ep1.json}]
                """);
        // The file may shorten the tool's timeouts; 1 s keeps this test quick.
        Path config = Files.writeString(dir.resolve("client.properties"), "max.block.ms=1000\n");
        String bootstrap = "127.0.0.1:" + closedPort();
        String[] args = switch (command) {
            case "schedule" -> new String[] {"schedule", schedule.toString()};
            case "command" -> new String[] {"command", "skip", "--channel", "tv1"};
            case "alert" -> new String[] {"alert", "--alert-id", "a1", "--channels", "*", "--duration", "10",
                "--item", "ep1", "--asset", dir.resolve("assets/ep1.json").toString()};
            default -> new String[] {"cancel-alert", "--alert-id", "a1"};
        };
        String[] withConfig = Stream.concat(Arrays.stream(args), Stream.of("--command-config", config.toString()))
                .toArray(String[]::new);

        ToolRun run = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> ToolRun.run(KafkaEventPublisher::open,
                Map.of("KAFKA_BOOTSTRAP_SERVERS", bootstrap), withConfig));

        String name = command.equals("command") ? "command skip" : command;
        assertThat(run.exitCode()).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("producer-tools " + name + ": Kafka at " + bootstrap
                + " did not take the record").contains("Is the broker running").doesNotContain("\tat ");
        assertThat(run.err().lines().count()).isEqualTo(1);
    }
}
