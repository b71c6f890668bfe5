package org.hlspipeline.queryapi.testing;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A JVM of its own running a class from the application's repackaged jar ({@code query-api/target/query-api.jar},
 * which the reactor build packages before the integration tests run): an app instance with {@code -jar}, or a
 * Kafka broker through Spring Boot's {@code PropertiesLauncher}, exactly as docs/operations.md tells an operator
 * to start them. A separate process so that a test can {@code kill -9} it, which no in-JVM instance allows.
 */
public final class ChildJvm implements AutoCloseable {

    /** Small heaps and the serial collector: five of these share two cores in the fault tests. */
    private static final List<String> JVM_OPTIONS = List.of("-Xms64m", "-Xmx512m", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1", "-Djava.net.preferIPv4Stack=true");

    private final String name;
    private final Process process;
    private final Path log;

    private ChildJvm(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /** {@code java -jar query-api.jar <arguments>} with these environment variables added to this JVM's. */
    public static ChildJvm app(String name, Path log, Map<String, String> environment, List<String> arguments) {
        List<String> command = new ArrayList<>(java());
        command.add("-jar");
        command.add(appJar().toString());
        command.addAll(arguments);
        return start(name, log, environment, command);
    }

    /** A main class of a library the jar carries, such as {@code kafka.Kafka}, run by the jar's own launcher. */
    public static ChildJvm mainClass(String name, Path log, String mainClass, List<String> arguments) {
        List<String> command = new ArrayList<>(java());
        command.add("-Dloader.main=" + mainClass);
        command.add("-cp");
        command.add(appJar().toString());
        command.add("org.springframework.boot.loader.launch.PropertiesLauncher");
        command.addAll(arguments);
        return start(name, log, Map.of(), command);
    }

    private static ChildJvm start(String name, Path log, Map<String, String> environment, List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        // The test JVM's own settings must not leak in: the child reads its configuration as an operator's would.
        builder.environment().keySet().removeIf(key -> key.startsWith("HLS_") || key.startsWith("KAFKA_")
                || key.startsWith("SCHEMA_REGISTRY_") || key.startsWith("SPRING_"));
        builder.environment().putAll(environment);
        try {
            return new ChildJvm(name, builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name, e);
        }
    }

    private static List<String> java() {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_OPTIONS);
        return command;
    }

    static Path appJar() {
        // The tests run in the query-api module's folder.
        Path jar = Path.of(System.getProperty("user.dir")).toAbsolutePath().resolve("target").resolve("query-api.jar");
        if (!Files.isRegularFile(jar)) {
            fail("%s is missing: run the integration tests through ./mvnw verify, which packages it first", jar);
        }
        return jar;
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** SIGKILL: no shutdown hook, no flush, no leaving the group; what a power cut or the OOM killer does. */
    public void kill() {
        process.destroyForcibly();
        awaitEnd(10);
    }

    /** SIGTERM: the graceful stop an orchestrator asks for first. */
    public void stop() {
        process.destroy();
        if (!waitFor(60)) {
            kill();
        }
    }

    /** Waits for the process to end by itself and returns its exit code, or fails the test. */
    public int awaitExit(long seconds) {
        if (!waitFor(seconds)) {
            kill();
            fail("%s did not end within %d s; its log ends with:%n%s", name, seconds, logTail(40));
        }
        return process.exitValue();
    }

    private void awaitEnd(long seconds) {
        if (!waitFor(seconds)) {
            fail("%s survived SIGKILL", name);
        }
    }

    private boolean waitFor(long seconds) {
        try {
            return process.waitFor(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e + ")";
        }
    }

    /** The last lines of what it printed, for failure messages. */
    public String logTail(int lines) {
        List<String> all = log().lines().toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    @Override
    public void close() {
        if (alive()) {
            stop();
        }
    }
}
