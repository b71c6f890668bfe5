package org.hlspipeline.queryapi.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.hlspipeline.queryapi.e2e.ReadmeWalkthrough.Step;
import org.hlspipeline.queryapi.testing.PipelineInstance;
import org.hlspipeline.queryapi.testing.TestPipeline;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's walk-through, read from README.md as it stands: every marked command is run with bash and the real
 * curl against a real instance, in the README's order, and what it prints must be the sample the README shows
 * (in the terms of {@link SampleOutput}). Only the address changes, from the README's 127.0.0.1:8080 to the
 * instance's port, in the commands and in the samples alike (X-Served-By names it). The stream and channel ids
 * stay the README's: the instance has topics and an application id of its own.
 */
class ReadmeWalkthroughIT {

    private static final String README_ADDRESS = "127.0.0.1:8080";

    /**
     * The steps this test expects to find marked, so that a marker lost in an edit fails here rather than
     * quietly leaving its step untested. The channel's media playlists, its interrupt and the real-media part
     * are not marked: what they print depends on the time they run (which segments have aired) or on ffmpeg.
     */
    private static final List<String> MARKED = List.of("segments", "playlist", "describe", "first-480p-segment",
            "end", "channel-configure", "channel-enqueue", "channel-master");

    @BeforeAll
    static void curlIsInstalled(@TempDir Path logs) throws IOException, InterruptedException {
        Shell which = Shell.run("command -v curl", logs, "which-curl");
        if (which.exitCode() != 0) {
            fail("curl is missing: the README's walk-through uses it (apt-get install curl; .ci/run installs it)");
        }
    }

    @Test
    void everyMarkedCommandPrintsWhatTheReadmeShows(@TempDir Path dataDir, @TempDir Path logs) throws Exception {
        Path readme = ReadmeWalkthrough.readme();
        List<Step> steps = ReadmeWalkthrough.steps(readme);
        assertThat(steps).as("walk-through steps marked in %s", readme).extracting(Step::id)
                .containsExactlyElementsOf(MARKED);

        try (PipelineInstance app = PipelineInstance.start(TestPipeline.unique("readme"), dataDir)) {
            for (Step step : steps) {
                assertThat(step.command()).as("step %s talks to the README's address", step.id())
                        .contains(README_ADDRESS);
                if (step.repeated()) {
                    await(step.id()).atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(250))
                            .untilAsserted(() -> printsTheSample(step, app, logs));
                } else {
                    printsTheSample(step, app, logs);
                }
            }
        }
    }

    private static void printsTheSample(Step step, PipelineInstance app, Path logs)
            throws IOException, InterruptedException {
        Shell shell = Shell.run(step.command().replace(README_ADDRESS, app.name()), logs, step.id());
        String sample = step.output().replace(README_ADDRESS, app.name());
        assertThat(shell.exitCode()).as("exit code of step %s (README.md line %d), stderr:%n%s", step.id(),
                step.line(), shell.err()).isZero();
        assertThat(SampleOutput.inSampleTerms(sample, shell.out()))
                .as("what step %s (README.md line %d) prints:%n%s", step.id(), step.line(), step.command())
                .isEqualTo(SampleOutput.trimmed(sample));
    }

    /** A command block as a reader pastes it into bash, which stops at the first command that fails. */
    private record Shell(int exitCode, String out, String err) {

        static Shell run(String script, Path logs, String name) throws IOException, InterruptedException {
            Path out = Files.createTempFile(logs, name, ".out");
            Path err = Files.createTempFile(logs, name, ".err");
            ProcessBuilder builder = new ProcessBuilder("bash", "-e", "-c", script)
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            // The README's commands talk to an app on this machine; a proxy from the build's environment would
            // put something else between curl and the app.
            builder.environment().keySet().removeIf(k -> k.toLowerCase(Locale.ROOT).endsWith("_proxy"));
            Process process = builder.start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                fail("%s did not end within 60 s:%n%s", name, script);
            }
            return new Shell(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        }
    }
}
