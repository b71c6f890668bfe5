package org.hlspipeline.tools;

import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;

import org.hlspipeline.tools.alert.AlertCommand;
import org.hlspipeline.tools.alert.CancelAlertCommand;
import org.hlspipeline.tools.asset.AssetCommand;
import org.hlspipeline.tools.channel.CommandGroup;
import org.hlspipeline.tools.cli.ExitCodes;
import org.hlspipeline.tools.cli.ToolClock;
import org.hlspipeline.tools.cli.VersionProvider;
import org.hlspipeline.tools.load.LoadCommand;
import org.hlspipeline.tools.publish.EndCommand;
import org.hlspipeline.tools.publish.KafkaCommand;
import org.hlspipeline.tools.publish.KafkaEventPublisher;
import org.hlspipeline.tools.publish.PublisherFactory;
import org.hlspipeline.tools.publish.RenditionInfoCommand;
import org.hlspipeline.tools.publish.SegmentCommand;
import org.hlspipeline.tools.publish.ToolContext;
import org.hlspipeline.tools.rebuild.RebuildCommand;
import org.hlspipeline.tools.schedule.ScheduleCommand;
import org.hlspipeline.tools.sign.SignCommand;
import org.hlspipeline.tools.tail.TailCommand;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;
import picocli.CommandLine;

/**
 * The {@code producer-tools} command line: publishes events to the pipeline's Kafka topics, in the Confluent wire
 * format the app reads.
 *
 * <p>Use {@link #main} from a shell, {@link #run(String...)} from Java code that wants the exit code without
 * {@code System.exit}, and the constructor to substitute the publisher or the environment (tests).
 */
@Command(name = "producer-tools", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        subcommands = {SegmentCommand.class, EndCommand.class, RenditionInfoCommand.class, TailCommand.class,
            AssetCommand.class, CommandGroup.class, ScheduleCommand.class, AlertCommand.class,
            CancelAlertCommand.class, LoadCommand.class, RebuildCommand.class, SignCommand.class,
            CommandLine.HelpCommand.class},
        description = {
            "Publish events, channel commands and alerts to the HLS playlist pipeline's Kafka topics (Avro, "
                    + "Confluent wire format), generate load, and prepare a replay.",
            "",
            "Connection settings come from flags, else the environment, else a --command-config file, else the "
                    + "defaults, which reach the app's embedded broker on 127.0.0.1:9092 with the schema ids "
                    + "bundled with this release."
        },
        synopsisSubcommandLabel = "COMMAND",
        commandListHeading = "%nCommands:%n",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:published and acknowledged (acks=all); tail: the playlist ended; asset import: written; "
                    + "--dry-run: valid",
            "1:internal error (a bug in the tool)",
            "2:invalid command line, event or client configuration; nothing was sent",
            "3:Kafka or the schema registry unreachable or too slow; retrying may succeed",
            "4:Kafka or the schema registry refused (authentication, authorization, rejected record)",
            "5:a playlist or input file (playlist, asset descriptor, command or alert JSON, schedule) is "
                    + "missing, malformed or invalid; nothing was sent",
            "6:rebuild: the application's consumer group still has members; stop every instance first",
            "7:segment --app-url: the app says the stream has ended, so the pipeline would dead-letter the "
                    + "segment; nothing was sent"
        },
        footer = {
            "",
            "Environment: KAFKA_BOOTSTRAP_SERVERS, SCHEMA_REGISTRY_URL, SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO, "
                    + "SCHEMA_REGISTRY_TRUSTSTORE_LOCATION, SCHEMA_REGISTRY_TRUSTSTORE_PASSWORD, "
                    + "SCHEMA_REGISTRY_KEYSTORE_LOCATION, SCHEMA_REGISTRY_KEYSTORE_PASSWORD, "
                    + "HLS_TOPIC_STREAM_EVENTS, HLS_TOPIC_CHANNEL_COMMANDS, HLS_TOPIC_BROADCASTS, HLS_APP_URL.",
            "",
            "Examples:",
            "  producer-tools segment --stream news --rendition 720p \\",
            "      --sequence 42 --duration 2.002 --path seg42.ts",
            "  producer-tools end --stream news",
            "  producer-tools tail /srv/media/live/index.m3u8 --stream news \\",
            "      --rendition 720p",
            "  producer-tools asset import /srv/media/ep1/master.m3u8 --output ep1.json",
            "  producer-tools schedule tv1.yaml --dry-run",
            "  producer-tools command skip --channel tv1",
            "  producer-tools alert --alert-id storm-1 --channels '*' --duration 30 \\",
            "      --item storm-slate --kind ALERT --asset storm.json",
            "  producer-tools sign --expires-in 3600 /streams/news/master.m3u8",
            "  producer-tools segment --help"
        })
public final class ProducerTools implements Callable<Integer>, ToolContext {

    @Spec
    CommandSpec spec;

    private final PublisherFactory publishers;
    private final Map<String, String> environment;
    private final InputStream stdin;
    private final ToolClock clock;

    /** The real tool: Kafka publishers, the process environment. */
    public ProducerTools() {
        this(KafkaEventPublisher::open, System.getenv());
    }

    /**
     * @param publishers  opens the publisher each command sends through
     * @param environment where the environment variables are read from
     */
    public ProducerTools(PublisherFactory publishers, Map<String, String> environment) {
        this(publishers, environment, System.in);
    }

    /** @param stdin what an input file named {@code -} reads */
    public ProducerTools(PublisherFactory publishers, Map<String, String> environment, InputStream stdin) {
        this(publishers, environment, stdin, ToolClock.SYSTEM);
    }

    /** @param clock what {@code tail} and {@code load} wait on (tests drive their own) */
    public ProducerTools(PublisherFactory publishers, Map<String, String> environment, InputStream stdin,
                         ToolClock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.publishers = Objects.requireNonNull(publishers, "publishers");
        this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
        this.stdin = Objects.requireNonNull(stdin, "stdin");
    }

    public static void main(String... args) {
        System.exit(run(args));
    }

    /**
     * Runs the tool as {@link #main} does, printing to {@code System.out} and {@code System.err}, and returns the
     * exit code instead of exiting (see {@link ExitCodes}).
     */
    public static int run(String... args) {
        return new ProducerTools().execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true),
                args);
    }

    /** Runs one command line, writing results to {@code out} and problems to {@code err}; returns the exit code. */
    public int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(this)
                .setOut(out)
                .setErr(err)
                .setParameterExceptionHandler(ProducerTools::usageError)
                .setExecutionExceptionHandler(ProducerTools::internalError);
        try {
            return commandLine.execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** {@code producer-tools} without a command. */
    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "missing command: segment, end, rendition-info, tail, "
                + "asset, command, schedule, alert, cancel-alert, load, rebuild or sign");
    }

    @Override
    public PublisherFactory publishers() {
        return publishers;
    }

    @Override
    public Map<String, String> environment() {
        return environment;
    }

    @Override
    public InputStream stdin() {
        return stdin;
    }

    @Override
    public ToolClock clock() {
        return clock;
    }

    /** One line naming the problem and where to read more, instead of picocli's full usage text. */
    private static int usageError(ParameterException e, String[] args) {
        CommandLine commandLine = e.getCommandLine();
        PrintWriter err = commandLine.getErr();
        err.println(commandLine.getCommandSpec().qualifiedName() + ": " + e.getMessage());
        UnmatchedArgumentException.printSuggestions(e, err);
        err.println("Try '" + commandLine.getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        return ExitCodes.USAGE;
    }

    private static int internalError(Exception e, CommandLine commandLine, ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        boolean canBeVerbose = commandLine.getCommand() instanceof KafkaCommand;
        boolean verbose = commandLine.getCommand() instanceof KafkaCommand command && command.verbose();
        err.println(commandLine.getCommandSpec().qualifiedName() + ": internal error: " + e
                + (verbose || !canBeVerbose ? "" : " (run again with --verbose for the stack trace)"));
        if (verbose) {
            e.printStackTrace(err);
        }
        err.flush();
        return ExitCodes.INTERNAL_ERROR;
    }
}
