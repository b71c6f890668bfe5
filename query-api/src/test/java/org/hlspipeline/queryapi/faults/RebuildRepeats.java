package org.hlspipeline.queryapi.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The rebuild and failover tests, run {@code hls.repeat} times in a row (20 by default) in one JVM, one after the
 * other, to catch a stall that shows once in many runs. Not part of {@code ./mvnw verify} (the name does not end
 * in IT): run it with {@code -Dit.test=RebuildRepeats}, as docs/operations.md ("Rebuild under the same
 * application id") shows. Prints each test's slowest and median time and every failure with its run number.
 */
class RebuildRepeats {

    private static final List<String> TESTS = List.of(
            "org.hlspipeline.queryapi.kafka.RestartAndRebuildIT",
            "org.hlspipeline.queryapi.tools.RebuildIT",
            "org.hlspipeline.queryapi.tools.EmbeddedRebuildIT",
            "org.hlspipeline.queryapi.query.TwoInstancesIT");

    @Test
    void rebuildAndFailoverTestsPassEveryTime() {
        int runs = Integer.getInteger("hls.repeat", 20);
        Launcher launcher = LauncherFactory.create();
        List<ClassSelector> selectors = TESTS.stream().map(name -> selectClass(name)).toList();
        Timings timings = new Timings();
        for (int run = 1; run <= runs; run++) {
            timings.run = run;
            launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectors).build(), timings);
            progress(String.format("RebuildRepeats: run %d of %d done, %d failures so far%n", run, runs,
                    timings.failures.size()));
        }
        timings.millisByClass.forEach((test, millis) -> {
            List<Long> sorted = millis.stream().sorted().toList();
            System.out.printf("RebuildRepeats: %s %d runs, median %d ms, slowest %d ms%n", test, sorted.size(),
                    sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1));
        });
        assertThat(timings.millisByClass.keySet()).as("test classes run")
                .containsExactlyInAnyOrderElementsOf(TESTS.stream().map(n -> n.substring(n.lastIndexOf('.') + 1))
                        .toList());
        assertThat(timings.millisByClass.values()).allSatisfy(m -> assertThat(m).hasSize(runs));
        assertThat(timings.failures).as("failures, by run").isEmpty();
    }

    /** To the console and to target/rebuild-repeats.txt, which can be followed while the runs go on. */
    private static void progress(String line) {
        System.out.print(line);
        try {
            java.nio.file.Files.writeString(java.nio.file.Path.of("target", "rebuild-repeats.txt"), line,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Each test class's time per run, and every failed test with the run it failed in. */
    private static final class Timings implements TestExecutionListener {

        private final Map<String, List<Long>> millisByClass = new LinkedHashMap<>();
        private final Map<String, Long> startedAt = new ConcurrentHashMap<>();
        private final List<String> failures = new ArrayList<>();
        private int run;

        @Override
        public void executionStarted(TestIdentifier id) {
            startedAt.put(id.getUniqueId(), System.nanoTime());
        }

        @Override
        public void executionFinished(TestIdentifier id, TestExecutionResult result) {
            long millis = (System.nanoTime() - startedAt.getOrDefault(id.getUniqueId(), System.nanoTime()))
                    / 1_000_000;
            String name = id.getDisplayName();
            if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                String cause = result.getThrowable().map(t -> t.getClass().getSimpleName() + ": "
                        + firstLine(t.getMessage())).orElse(result.getStatus().name());
                failures.add("run " + run + ": " + name + ": " + cause);
                progress(String.format("RebuildRepeats: run %d FAILED %s: %s%n", run, name, cause));
            }
            if (id.isContainer() && TESTS.stream().anyMatch(n -> n.endsWith("." + name))) {
                millisByClass.computeIfAbsent(name, k -> new ArrayList<>()).add(millis);
            }
        }

        private static String firstLine(String message) {
            return message == null ? "" : message.lines().findFirst().orElse("");
        }
    }
}
