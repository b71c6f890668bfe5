package org.hlspipeline.queryapi.testing;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code java -jar producer-tools.jar ...} in a process of its own, as an operator runs it next to a transcoder:
 * so that it can be killed at any moment, the way a crash or a reboot stops it. The jar is the one the build makes
 * in {@code producer-tools/target}, which a reactor build ({@code ./mvnw verify}, or {@code -pl query-api -am})
 * packages before these tests run.
 */
public final class ToolProcess implements AutoCloseable {

    private final Process process;
    private final Path out;
    private final Path err;

    private ToolProcess(Process process, Path out, Path err) {
        this.process = process;
        this.out = out;
        this.err = err;
    }

    /** Starts the tool; what it prints goes to {@code <logs>/<name>.out} and {@code .err}. */
    public static ToolProcess start(Path logs, String name, List<String> arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar().toString()));
        command.addAll(arguments);
        Path out = logs.resolve(name + ".out");
        Path err = logs.resolve(name + ".err");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                .start();
        return new ToolProcess(process, out, err);
    }

    private static Path jar() {
        // The tests run in the query-api module's folder.
        Path jar = Path.of(System.getProperty("user.dir")).toAbsolutePath().resolveSibling("producer-tools")
                .resolve("target").resolve("producer-tools.jar");
        if (!Files.isRegularFile(jar)) {
            fail("%s is missing: build it first (./mvnw -pl query-api -am verify packages it, or "
                    + "./mvnw -pl producer-tools package)", jar);
        }
        return jar;
    }

    /** The exit code, once the tool has ended within {@code limit}; fails the test otherwise. */
    public int awaitExit(Duration limit) throws InterruptedException {
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            fail("producer-tools did not end within %s.%nstdout:%n%s%nstderr:%n%s", limit, out(), err());
        }
        return process.exitValue();
    }

    /** SIGKILL: no shutdown hook, no flush, no last write; what a power cut does. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            fail("producer-tools survived SIGKILL");
        }
    }

    public String out() {
        return read(out);
    }

    public String err() {
        return read(err);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
