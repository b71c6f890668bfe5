package org.hlspipeline.queryapi.testing;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Outside programs the tests run as their users would (node, npm, python3): in a folder, within a time limit,
 * with what they printed kept for the failure message.
 */
public final class Commands {

    /** What a finished command left: its exit code and its stdout and stderr together. */
    public record Result(int exitCode, String output) {
    }

    private Commands() {
    }

    /** Fails the test, saying what to install, when {@code program} is not on the PATH. */
    public static void requireOnPath(String program, String install) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return;
            }
        }
        fail("%s is not on the PATH; this test runs it as a user would: %s (.ci/run does)", program, install);
    }

    /**
     * The first python3 that imports {@code modules} (comma-separated). Debian installs its python3-* packages for
     * {@code /usr/bin/python3}, which a python3 earlier on the PATH (pyenv, a virtualenv) does not see, so both
     * are tried. Fails, never skips, when neither has them.
     */
    public static String python(String modules, String install) throws InterruptedException {
        List<String> tried = new java.util.ArrayList<>();
        for (String candidate : List.of("python3", "/usr/bin/python3")) {
            try {
                Result probe = run(Path.of("."), java.time.Duration.ofSeconds(30),
                        List.of(candidate, "-c", "import " + modules));
                if (probe.exitCode() == 0) {
                    return candidate;
                }
                tried.add(candidate + ": " + probe.output().strip());
            } catch (IOException e) {
                tried.add(candidate + ": " + e.getMessage());
            }
        }
        return fail("No python3 with %s (%s). Install them: %s (.ci/run does)", modules, tried, install);
    }

    public static Result run(Path dir, Duration limit, List<String> command) throws IOException, InterruptedException {
        Path log = Files.createTempFile("command", ".log");
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            fail("%s did not end within %s:%n%s", command, limit, Files.readString(log, StandardCharsets.UTF_8));
        }
        return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    /** Runs the command and fails the test unless it exits 0. */
    public static String succeed(Path dir, Duration limit, List<String> command)
            throws IOException, InterruptedException {
        Result result = run(dir, limit, command);
        if (result.exitCode() != 0) {
            fail("%s exited %d:%n%s", command, result.exitCode(), result.output());
        }
        return result.output();
    }
}
