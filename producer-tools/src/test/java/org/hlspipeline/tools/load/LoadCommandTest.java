package org.hlspipeline.tools.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.hlspipeline.tools.ProducerTools;
import org.hlspipeline.tools.cli.ExitCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line of {@code load}: what it refuses before connecting, and a cluster that is not there. */
class LoadCommandTest {

    record Run(int exitCode, String out, String err) {
    }

    static Run run(Map<String, String> environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = new ProducerTools(settings -> {
            throw new AssertionError("load does not publish through the single-event publisher");
        }, environment).execute(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    static Run run(String... args) {
        return run(Map.of(), args);
    }

    @Test
    void helpDescribesThePaceTheStopAndTheExitCodes() {
        Run run = run("load", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("--duration=<time>").contains("--events=<n>").contains("--rate=<events/s|max>")
                .contains("real time").contains("--progress=<mode>").contains("130");
        assertThat(run("--help").out()).contains("  load").contains("  rebuild");
    }

    @Test
    void aStopConditionIsRequiredAndOnlyOne() {
        Run none = run("load", "--streams", "2");
        Run both = run("load", "--duration", "10s", "--events", "5");

        assertThat(none.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(none.err()).startsWith("producer-tools load: Error: Missing required argument")
                .contains("--duration=<time>").contains("--events=<n>")
                .contains("Try 'producer-tools load --help' for more information.");
        assertThat(both.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(both.err()).contains("mutually exclusive");
    }

    @Test
    void badValuesAreUsageErrorsThatNameTheOption() {
        assertThat(run("load", "--events", "10", "--streams", "0").err())
                .startsWith("producer-tools load: --streams must be 1 to 100000, was 0");
        assertThat(run("load", "--events", "10", "--rate", "fast").err())
                .contains("'fast' is neither events per second nor max");
        assertThat(run("load", "--duration", "ten", "--rate", "max").err())
                .contains("'ten' is not a time (examples: 90, 60s, 5m, 1.5h)");
        assertThat(run("load", "--events", "10", "--segment-duration", "61").err())
                .contains("--segment-duration: duration must be greater than 0 and at most 60 s");
        assertThat(run("load", "--events", "10", "--max-errors", "-1").err())
                .contains("--max-errors must not be negative");
        assertThat(run("load", "--events", "10", "--progress", "fancy").err())
                .contains("'fancy' is not one of auto, bar, lines, none");
        Run run = run("load", "--events", "10", "--prefix", "no spaces");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.out()).isEmpty();
    }

    @Test
    void timesTakeUnits() {
        LoadConverters.RunTime time = new LoadConverters.RunTime();
        assertThat(time.convert("90")).isEqualTo(Duration.ofSeconds(90));
        assertThat(time.convert("60s")).isEqualTo(Duration.ofSeconds(60));
        assertThat(time.convert("1.5m")).isEqualTo(Duration.ofSeconds(90));
        assertThat(time.convert("2h")).isEqualTo(Duration.ofHours(2));
        assertThat(time.convert("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(new LoadConverters.Rate().convert("MAX")).isInstanceOf(LoadPlan.Pace.Unthrottled.class);
        assertThat(new org.hlspipeline.tools.cli.Converters.SecondsToMicros().convert("6.006")).isEqualTo(6_006_000L);
    }

    @Test
    void anUnreachableBrokerFailsInBoundedTimeWithOneLineAndExit3(@TempDir Path dir) throws IOException {
        Path config = Files.writeString(dir.resolve("client.properties"), "max.block.ms=1000\n");
        String bootstrap = "127.0.0.1:" + closedPort();

        Run run = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> run(
                Map.of("KAFKA_BOOTSTRAP_SERVERS", bootstrap, "CI", "true"),
                "load", "--streams", "2", "--events", "100", "--command-config", config.toString()));

        assertThat(run.exitCode()).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(run.err()).isEqualTo("producer-tools load: Kafka at " + bootstrap + " did not take the record "
                + "for hls.stream-events in time (TimeoutException: Topic hls.stream-events not present in metadata "
                + "after 1000 ms.). Is the broker running, does the topic exist, and are --bootstrap-servers and "
                + "--command-config right?" + System.lineSeparator());
        assertThat(run.out()).isEmpty();
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
