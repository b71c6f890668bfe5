package org.hlspipeline.queryapi.e2e;

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
 * Debian's ffmpeg, as the end-to-end tests use it: to make media, and as a player. These tests exist to prove the
 * pipeline against real media, so without ffmpeg they fail with a message saying what to install; they never skip.
 */
final class Ffmpeg {

    static final String BINARY = "ffmpeg";

    private Ffmpeg() {
    }

    /** A finished run: its exit code and what it wrote to stderr. */
    record Run(int exitCode, String stderr) {

        /** The lines of stderr that are not blank. */
        List<String> errorLines() {
            return stderr.lines().filter(line -> !line.isBlank()).toList();
        }
    }

    /** A running ffmpeg, stopped (killed) on close if it has not finished. */
    static final class Running implements AutoCloseable {

        private final Process process;
        private final Path log;

        private Running(Process process, Path log) {
            this.process = process;
            this.log = log;
        }

        /** Waits for the end of the run; fails the test if it takes longer than {@code limit}. */
        Run awaitExit(Duration limit) throws InterruptedException {
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                fail("ffmpeg did not finish within %s; its log %s:%n%s", limit, log, read(log));
            }
            return new Run(process.exitValue(), read(log));
        }

        boolean isAlive() {
            return process.isAlive();
        }

        @Override
        public void close() throws InterruptedException {
            if (process.isAlive()) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    /** Starts {@code ffmpeg -hide_banner -nostdin <arguments>}, its stderr into {@code log}. */
    static Running start(Path log, List<String> arguments) {
        List<String> command = new ArrayList<>(List.of(BINARY, "-hide_banner", "-nostdin"));
        command.addAll(arguments);
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
        } catch (IOException e) {
            return fail("cannot create the folder of %s: %s", log, e);
        }
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(false)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(log.toFile())
                    .start();
            return new Running(process, log);
        } catch (IOException e) {
            return fail("cannot run %s (%s). The end-to-end media tests need Debian's ffmpeg on the PATH: "
                    + "apt-get install ffmpeg (.ci/run installs it)", BINARY, e.getMessage());
        }
    }

    /** Runs ffmpeg to its end, within {@code limit}. */
    static Run run(Path log, Duration limit, List<String> arguments) throws InterruptedException {
        try (Running running = start(log, arguments)) {
            return running.awaitExit(limit);
        }
    }

    /**
     * ffmpeg as a player: reads {@code url} (a playlist) for {@code seconds} of media and throws the frames away,
     * printing only errors ({@code ffmpeg -v error -i <url> -t <seconds> -f null -}).
     */
    static Run play(Path log, String url, int seconds, Duration limit) throws InterruptedException {
        return run(log, limit, List.of("-v", "error", "-i", url, "-t", String.valueOf(seconds), "-f", "null", "-"));
    }

    private static String read(Path log) {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }
}
