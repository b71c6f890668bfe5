package org.hlspipeline.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.hlspipeline.tools.cli.ExitCodes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input as an operator meets it: the tool started as its own {@code java} process with its real Kafka client
 * and its real logging, so that whatever reaches the terminal is checked (a library's log line or an uncaught
 * exception would show here, not in the in-process tests), and the exit code is the one the process ends with.
 * Every case: a non-zero exit code that says what kind of failure it was, nothing on stdout, and on stderr one
 * line naming the command and the problem (a usage error adds the line pointing to --help), never a stack trace
 * or a line of the Kafka client's log.
 */
class BadInputInItsOwnProcessTest {

    private static final long RUN_LIMIT_SECONDS = 60;

    @TempDir
    Path dir;

    private Path finished;
    private Path malformed;
    private Path quickTimeouts;
    private String noBroker;
    private String noServer;

    @BeforeEach
    void files() throws IOException {
        finished = write("vod/index.m3u8", "#EXTM3U\n#EXT-X-TARGETDURATION:2\n#EXT-X-PLAYLIST-TYPE:VOD\n"
                + "#EXTINF:2.000000,\nseg0.ts\n#EXTINF:1.000000,\nseg1.ts\n#EXT-X-ENDLIST\n");
        malformed = write("bad/index.m3u8", "#EXTM3U\n#EXT-X-TARGETDURATION:2\n#EXTINF:two seconds,\nseg0.ts\n"
                + "#EXT-X-ENDLIST\n");
        // The tool's own timeouts are 10 s and more; the file shortens them, as an operator may.
        quickTimeouts = write("client.properties", "max.block.ms=1000\ndelivery.timeout.ms=2000\n"
                + "request.timeout.ms=1000\n");
        noBroker = "127.0.0.1:" + closedPort();
        noServer = "http://127.0.0.1:" + closedPort();
    }

    @Test
    void anUnreachableBrokerIsExit3ForSegmentAndTail() throws Exception {
        ToolRun segment = run("segment", "--stream", "news", "--rendition", "720p", "--sequence", "1",
                "--duration", "2", "--path", "seg1.ts", "--bootstrap-servers", noBroker,
                "--command-config", quickTimeouts.toString());
        ToolRun tail = run("tail", finished.toString(), "--stream", "news", "--rendition", "720p",
                "--bootstrap-servers", noBroker, "--command-config", quickTimeouts.toString());

        for (ToolRun run : List.of(segment, tail)) {
            assertFailedCleanly(run, ExitCodes.UNAVAILABLE);
            assertThat(run.err()).contains("Kafka at " + noBroker).contains("Is the broker running");
        }
        assertThat(segment.err()).startsWith("producer-tools segment: ");
        assertThat(tail.err()).startsWith("producer-tools tail: ");
    }

    @Test
    void aMissingFileIsNamedWithItsExitCode() throws Exception {
        Path missing = dir.resolve("nowhere").resolve("index.m3u8");
        ToolRun tail = run("tail", missing.toString(), "--stream", "news", "--rendition", "720p", "--wait", "0",
                "--bootstrap-servers", noBroker);
        ToolRun assetImport = run("asset", "import", missing.toString(), "--rendition", "720p");
        ToolRun segment = run("segment", "--stream", "news", "--rendition", "720p", "--sequence", "1",
                "--duration", "2", "--path", "seg1.ts", "--command-config", missing.toString());

        assertFailedCleanly(tail, ExitCodes.INPUT);
        assertFailedCleanly(assetImport, ExitCodes.INPUT);
        assertFailedCleanly(segment, ExitCodes.USAGE);
        assertThat(List.of(tail, assetImport, segment)).allSatisfy(run ->
                assertThat(run.err()).contains(missing.toString()).contains("does not exist"));
    }

    @Test
    void aMalformedPlaylistIsNamedWithItsLineAndExit5() throws Exception {
        ToolRun tail = run("tail", malformed.toString(), "--stream", "news", "--rendition", "720p",
                "--interval", "0.05", "--bootstrap-servers", noBroker);
        ToolRun assetImport = run("asset", "import", malformed.toString(), "--rendition", "720p");

        for (ToolRun run : List.of(tail, assetImport)) {
            assertFailedCleanly(run, ExitCodes.INPUT);
            assertThat(run.err()).contains(malformed + " line 3: #EXTINF must be <duration>,[<title>]");
        }
    }

    @Test
    void anUnreachablePlaylistUrlIsExit5() throws Exception {
        String url = noServer + "/live/index.m3u8";
        ToolRun tail = run("tail", url, "--stream", "news", "--rendition", "720p", "--wait", "0",
                "--bootstrap-servers", noBroker);
        ToolRun assetImport = run("asset", "import", url, "--rendition", "720p");

        for (ToolRun run : List.of(tail, assetImport)) {
            assertFailedCleanly(run, ExitCodes.INPUT);
            assertThat(run.err()).contains("cannot read " + url + ": connection refused by "
                    + noServer.substring("http://".length()) + " (is the server running?)");
        }
    }

    /** What every failure must look like on the terminal. */
    private static void assertFailedCleanly(ToolRun run, int exitCode) {
        assertThat(run.exitCode()).as("exit code; stderr:%n%s", run.err()).isEqualTo(exitCode);
        assertThat(run.out()).as("stdout").isEmpty();
        List<String> lines = run.err().lines().toList();
        assertThat(lines).as("stderr").isNotEmpty().hasSizeLessThanOrEqualTo(2);
        assertThat(lines.get(0)).startsWith("producer-tools ");
        if (lines.size() == 2) {
            assertThat(exitCode).as("only a usage error adds a second line").isEqualTo(ExitCodes.USAGE);
            assertThat(lines.get(1)).startsWith("Try 'producer-tools ").endsWith(" --help' for more information.");
        }
        assertThat(run.err()).as("no stack trace").doesNotContain("\tat ").doesNotContain("Caused by:")
                .doesNotContain("Exception in thread");
    }

    /** {@code java -cp <the test class path> org.hlspipeline.tools.ProducerTools <arguments>}. */
    private ToolRun run(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ProducerTools.class.getName()));
        command.addAll(List.of(arguments));
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        // An empty environment, so that no KAFKA_BOOTSTRAP_SERVERS or SCHEMA_REGISTRY_URL of the machine counts.
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().clear();
        Process process = builder.start();
        if (!process.waitFor(RUN_LIMIT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("producer-tools " + String.join(" ", arguments) + " did not end within "
                    + RUN_LIMIT_SECONDS + " s");
        }
        return new ToolRun(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
