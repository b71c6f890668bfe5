package org.hlspipeline.tools.load;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.hlspipeline.tools.cli.ClientSettings;
import org.hlspipeline.tools.cli.ConnectionOptions;
import org.hlspipeline.tools.cli.Converters;
import org.hlspipeline.tools.cli.ToolLogging;
import org.hlspipeline.tools.cli.VersionProvider;
import org.hlspipeline.tools.publish.PublishException;
import org.hlspipeline.tools.publish.ToolContext;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "load", sortOptions = false, mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Synthetic transcoders, for sizing a cluster: N streams x R renditions, every rendition finishing one "
                    + "segment per segment duration, published to hls.stream-events as the records a transcoder "
                    + "sends (Avro StreamEvent, Confluent wire format, acks=all, idempotent producer).",
            "",
            "First a RenditionInfo per rendition, so that every stream's master playlist works, then Segment "
                    + "events. Stream ids are <prefix>-0001, <prefix>-0002, ...; renditions 1080p, 720p, 540p, "
                    + "480p, 360p, 240p, then r07, r08, ...; sequences count from --start-sequence; segment URIs "
                    + "are <base-url><stream>/<rendition>/<sequence>.ts, the same in every run.",
            "",
            "Pace: real time by default, N x R events per segment duration spread evenly over it (what N live "
                    + "transcoders send). --rate sets a total rate instead; --rate max sends as fast as the "
                    + "producer and the cluster take them. A run ends after --duration (a paced run sends every "
                    + "event due before then) or after --events segment events.",
            "",
            "Progress goes to stderr: a bar on a terminal, a line every 5 s otherwise (CI, pipes, files). The "
                    + "summary on stdout gives the events sent and acknowledged, errors, duration, events/s "
                    + "against the target (and how far behind schedule the run fell), acknowledgement times "
                    + "(p50/p99/max) and bytes.",
            "",
            "A second run of the same streams repeats their sequences, which the pipeline ignores as "
                    + "duplicates: give it the --start-sequence the summary prints, or another --prefix."
        },
        footer = {
            "",
            "Examples:",
            "  # 100 live streams of 4 renditions, 2 s segments, for 5 minutes (200 events/s)",
            "  producer-tools load --streams 100 --renditions 4 --duration 5m",
            "  # how fast can the cluster take 1,000,000 events?",
            "  producer-tools load --streams 1000 --renditions 4 --events 1000000 --rate max",
            "  # batching and compression as your transcoders would use them",
            "  producer-tools load --streams 50 --duration 60s \\",
            "      --command-config client.properties"
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every record was acknowledged",
            "2:invalid options or client configuration; nothing was sent",
            "3:a send failed because Kafka or the registry was unreachable or too slow",
            "4:Kafka or the registry refused a record (authentication, authorization, too large)",
            "130:interrupted (Ctrl-C); the summary covers what was sent until then"
        })
public final class LoadCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--streams", paramLabel = "<n>", order = 1, defaultValue = "10",
            description = "Streams (synthetic transcoders), 1 to " + LoadPlan.MAX_STREAMS
                    + ". Default: ${DEFAULT-VALUE}.")
    int streams;

    @Option(names = "--renditions", paramLabel = "<n>", order = 2, defaultValue = "3",
            description = "Renditions per stream, 1 to " + LoadPlan.MAX_RENDITIONS + ". Default: ${DEFAULT-VALUE}.")
    int renditions;

    @Option(names = "--segment-duration", paramLabel = "<seconds>", order = 3, defaultValue = "2",
            converter = Converters.SecondsToMicros.class,
            description = "Every segment's duration, decimal seconds, greater than 0 and at most 60. "
                    + "Default: ${DEFAULT-VALUE}.")
    long segmentDurationMicros;

    @ArgGroup(exclusive = true, multiplicity = "1", order = 4, heading = "When to stop, one of:%n")
    StopOptions stop;

    static final class StopOptions {
        @Option(names = "--duration", required = true, paramLabel = "<time>",
                converter = LoadConverters.RunTime.class,
                description = "Run this long: 90, 60s, 5m, 1.5h (a bare number is seconds).")
        Duration time;

        @Option(names = "--events", required = true, paramLabel = "<n>",
                description = "Stop after this many segment events (rendition infos and ends not counted).")
        Long events;
    }

    @Option(names = "--rate", paramLabel = "<events/s|max>", order = 5, converter = LoadConverters.Rate.class,
            description = "Segment events per second in all, or max for as fast as they are taken. "
                    + "Default: real time (streams x renditions / segment duration).")
    LoadPlan.Pace pace;

    @Option(names = "--max-errors", paramLabel = "<n>", order = 6, defaultValue = "0",
            description = "Failed sends to tolerate before stopping. Default: ${DEFAULT-VALUE}, stop at the first. "
                    + "A refusal, or failures before anything was acknowledged, always stop the run.")
    long maxErrors;

    @Option(names = "--prefix", paramLabel = "<id>", order = 7, defaultValue = "load",
            description = "Stream ids are <prefix>-0001, <prefix>-0002, ... Default: ${DEFAULT-VALUE}.")
    String prefix;

    @Option(names = "--start-sequence", paramLabel = "<n>", order = 8, defaultValue = "0",
            description = "Sequence number of every rendition's first segment. Default: ${DEFAULT-VALUE}.")
    long startSequence;

    @Option(names = "--base-url", paramLabel = "<url>", order = 9,
            description = "Prefix of the segment URIs, e.g. https://cdn.example/ (default: relative URIs).")
    String baseUrl;

    @Option(names = "--end-streams", order = 10,
            description = "Publish an EndOfStream for every stream after its last segment.")
    boolean endStreams;

    @Option(names = "--progress", paramLabel = "<mode>", order = 11, defaultValue = "auto",
            converter = ProgressModeConverter.class,
            description = "auto (a bar on a terminal, else lines), bar, lines or none. Default: ${DEFAULT-VALUE}.")
    LoadProgress.Mode progressMode;

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--verbose", order = 200,
            description = "Show the Kafka client's log and the stack trace of a failure.")
    boolean verbose;

    @Override
    public Integer call() {
        LoadPlan plan = plan();
        List<String> problems = plan.problems();
        if (!problems.isEmpty()) {
            throw new ParameterException(spec.commandLine(), problems.get(0));
        }
        if (maxErrors < 0) {
            throw new ParameterException(spec.commandLine(), "--max-errors must not be negative");
        }
        Map<String, String> environment = ToolContext.of(spec).environment();
        ClientSettings settings;
        try {
            settings = connection.resolve(environment, ConnectionOptions.STREAM_EVENTS);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        if (verbose) {
            ToolLogging.verbose();
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (LoadSender sender = KafkaLoadSender.open(settings)) {
            sender.prepare();
            LoadProgress progress = ProgressChoice.of(progressMode, err, System.console() != null, environment);
            LoadResult result = runUntilDoneOrInterrupted(new LoadRun(plan, maxErrors, sender, ToolContext.of(spec).clock(),
                    progress), out);
            if (result.firstFailure() != null) {
                err.println(spec.qualifiedName() + ": " + result.failed() + " record"
                        + (result.failed() == 1 ? "" : "s") + " failed; the first: "
                        + result.firstFailure().getMessage());
                if (verbose) {
                    result.firstFailure().printStackTrace(err);
                }
                err.flush();
            }
            return result.exitCode();
        } catch (PublishException e) {
            err.println(spec.qualifiedName() + ": " + e.getMessage());
            err.flush();
            return e.failure().exitCode();
        }
    }

    LoadPlan plan() {
        LoadPlan.Stop until = stop.events != null ? new LoadPlan.Stop.AfterEvents(stop.events)
                : new LoadPlan.Stop.AfterTime(stop.time);
        return new LoadPlan(streams, renditions, segmentDurationMicros, until,
                pace == null ? new LoadPlan.Pace.RealTime() : pace, prefix, startSequence, baseUrl, endStreams);
    }

    /**
     * Runs and prints the summary. On Ctrl-C the JVM runs its shutdown hooks: the hook here stops the run and
     * waits (a bounded time) for the summary of what was sent, so that an interrupted measurement is not lost.
     */
    private static LoadResult runUntilDoneOrInterrupted(LoadRun run, PrintWriter out) {
        CountDownLatch reported = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            run.stop();
            try {
                reported.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "load-interrupted");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            LoadResult result = run.run();
            out.print(LoadSummary.format(result));
            out.flush();
            return result;
        } finally {
            reported.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // The hook is running: it returns now that the summary is out.
            }
        }
    }

    /** {@code auto}, {@code bar}, {@code lines}, {@code none}, in any case. */
    static final class ProgressModeConverter implements picocli.CommandLine.ITypeConverter<LoadProgress.Mode> {
        @Override
        public LoadProgress.Mode convert(String value) {
            try {
                return LoadProgress.Mode.valueOf(value.trim().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(
                        "'" + value + "' is not one of auto, bar, lines, none");
            }
        }
    }
}
