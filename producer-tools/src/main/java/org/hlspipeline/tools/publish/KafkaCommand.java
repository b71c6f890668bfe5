package org.hlspipeline.tools.publish;

import java.io.InputStream;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.apache.avro.specific.SpecificRecord;
import org.hlspipeline.tools.cli.ClientSettings;
import org.hlspipeline.tools.cli.ConnectionOptions;
import org.hlspipeline.tools.cli.ExitCodes;
import org.hlspipeline.tools.cli.ToolLogging;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * What every subcommand that writes to Kafka shares: the connection options, {@code --verbose}, input checks that
 * fail with exit code 2 before connecting, opening the publisher, and reporting a publishing failure as one line
 * with its exit code. {@link PublishCommand} sends one event; {@code tail} sends many; the channel
 * commands, alerts and schedules (in their own packages) send one or a few records in order.
 */
public abstract class KafkaCommand implements Callable<Integer> {

    /** A record ready to send: its key, its value, and how the success line names it. */
    public record Outgoing(String key, SpecificRecord value, String description) {
    }

    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--verbose", order = 200,
            description = "Show the Kafka client's log and the stack trace of a failure.")
    boolean verbose;

    /** The tool this command runs in (found from the root, so that a command may also be nested in a group). */
    protected final ToolContext tools() {
        return ToolContext.of(spec);
    }

    /** Whether {@code --verbose} was given: the entry point then prints the stack trace of an internal error. */
    public final boolean verbose() {
        return verbose;
    }

    /** The topic this command writes unless told otherwise. */
    protected ConnectionOptions.TopicDefault topicDefault() {
        return ConnectionOptions.STREAM_EVENTS;
    }

    /** This command's picocli model: its name, its command line, its parent. */
    protected final CommandSpec commandSpec() {
        return spec;
    }

    /** Throws the usage error (exit code 2) for the first problem found. */
    @SafeVarargs
    protected final void check(Optional<String>... problems) {
        for (Optional<String> problem : problems) {
            if (problem.isPresent()) {
                throw usage(problem.get());
            }
        }
    }

    /** A usage error (exit code 2) with this message. */
    protected final ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    /** Flags, environment, {@code --command-config} file and defaults, resolved; a bad file is a usage error. */
    protected final ClientSettings settings() {
        ClientSettings settings;
        try {
            settings = connection.resolve(tools().environment(), topicDefault());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        if (verbose) {
            ToolLogging.verbose();
        }
        return settings;
    }

    /** What {@code -} names as an input file: the tool's standard input. */
    protected final InputStream stdin() {
        return tools().stdin();
    }

    protected final PrintWriter out() {
        return spec.commandLine().getOut();
    }

    protected final PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /**
     * Sends the records in order, each acknowledged before the next is sent, so that they keep their order
     * whatever the producer's retries; prints {@code printed.line} of each on stdout once acknowledged. A failure
     * halfway is reported with what was sent before it.
     *
     * @return the exit code
     */
    protected final int publishInOrder(List<Outgoing> records, ClientSettings settings, Printed printed) {
        int sent = 0;
        try (EventPublisher publisher = tools().publishers().open(settings)) {
            for (Outgoing record : records) {
                Delivery delivery = publisher.publish(settings.topic(), record.key(), record.value());
                sent++;
                out().println(printed.line(record, delivery));
                out().flush();
            }
            return ExitCodes.OK;
        } catch (PublishException e) {
            if (sent > 0) {
                err().println(spec.qualifiedName() + ": sent " + sent + " of " + records.size()
                        + " records before the failure below; the others were not sent");
            }
            return failed(e);
        }
    }

    /**
     * With {@code dryRun}, prints {@code shown} (what would be sent) and sends nothing; otherwise sends the record
     * and prints {@code printed} once it is acknowledged.
     *
     * @return the exit code
     */
    protected final int sendOrShow(Outgoing record, boolean dryRun, String shown, String printed) {
        if (dryRun) {
            out().println(shown);
            out().flush();
            return ExitCodes.OK;
        }
        return publishInOrder(List.of(record), settings(), (sent, delivery) -> printed);
    }

    /** The line printed for an acknowledged record. */
    @FunctionalInterface
    protected interface Printed {
        String line(Outgoing record, Delivery delivery);
    }

    /** Prints the failure as one line on stderr (with the stack trace if {@code --verbose}); returns its exit code. */
    protected final int failed(PublishException e) {
        PrintWriter err = err();
        err.println(spec.qualifiedName() + ": " + e.getMessage());
        if (verbose) {
            e.printStackTrace(err);
        }
        err.flush();
        return e.failure().exitCode();
    }
}
