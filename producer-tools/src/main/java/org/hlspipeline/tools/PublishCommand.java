package org.hlspipeline.tools;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.apache.avro.specific.SpecificRecord;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * What every publishing subcommand does: build one event from its options (refusing invalid input with exit code
 * 2 before connecting anywhere), resolve the connection, publish, and report one line.
 */
abstract class PublishCommand implements Callable<Integer> {

    /** An event ready to send: its key, its value, and how the success line names it. */
    record Outgoing(String key, SpecificRecord value, String description) {
    }

    @Spec
    CommandSpec spec;

    @ParentCommand
    ProducerTools tools;

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--verbose", order = 200,
            description = "Show the Kafka client's log and the stack trace of a failure.")
    boolean verbose;

    /** Builds the event from the options; calls {@link #check} for every rule. */
    abstract Outgoing event();

    /** The topic this command writes unless told otherwise. */
    ConnectionOptions.TopicDefault topicDefault() {
        return ConnectionOptions.STREAM_EVENTS;
    }

    /** Throws the usage error (exit code 2) for the first problem found. */
    @SafeVarargs
    final void check(Optional<String>... problems) {
        for (Optional<String> problem : problems) {
            if (problem.isPresent()) {
                throw new ParameterException(spec.commandLine(), problem.get());
            }
        }
    }

    @Override
    public final Integer call() {
        Outgoing outgoing = event();
        ClientSettings settings;
        try {
            settings = connection.resolve(tools.environment(), topicDefault());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        if (verbose) {
            ToolLogging.verbose();
        }
        PrintWriter out = spec.commandLine().getOut();
        try (EventPublisher publisher = tools.publishers().open(settings)) {
            Delivery delivery = publisher.publish(settings.topic(), outgoing.key(), outgoing.value());
            out.println("published " + outgoing.description() + " to " + delivery);
            out.flush();
            return ExitCodes.OK;
        } catch (PublishException e) {
            PrintWriter err = spec.commandLine().getErr();
            err.println(spec.qualifiedName() + ": " + e.getMessage());
            if (verbose) {
                e.printStackTrace(err);
            }
            err.flush();
            return e.failure().exitCode();
        }
    }
}
