package org.hlspipeline.tools;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * What every subcommand that writes to Kafka shares: the connection options, {@code --verbose}, input checks that
 * fail with exit code 2 before connecting, opening the publisher, and reporting a publishing failure as one line
 * with its exit code. {@link PublishCommand} sends one event; {@link TailCommand} sends many.
 */
abstract class KafkaCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--verbose", order = 200,
            description = "Show the Kafka client's log and the stack trace of a failure.")
    boolean verbose;

    /** The tool this command runs in (found from the root, so that a command may also be nested in a group). */
    final ProducerTools tools() {
        return (ProducerTools) spec.root().userObject();
    }

    /** The topic this command writes unless told otherwise. */
    ConnectionOptions.TopicDefault topicDefault() {
        return ConnectionOptions.STREAM_EVENTS;
    }

    /** Throws the usage error (exit code 2) for the first problem found. */
    @SafeVarargs
    final void check(Optional<String>... problems) {
        for (Optional<String> problem : problems) {
            if (problem.isPresent()) {
                throw usage(problem.get());
            }
        }
    }

    /** A usage error (exit code 2) with this message. */
    final ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    /** Flags, environment, {@code --command-config} file and defaults, resolved; a bad file is a usage error. */
    final ClientSettings settings() {
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

    final PrintWriter out() {
        return spec.commandLine().getOut();
    }

    final PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** Prints the failure as one line on stderr (with the stack trace if {@code --verbose}); returns its exit code. */
    final int failed(PublishException e) {
        PrintWriter err = err();
        err.println(spec.qualifiedName() + ": " + e.getMessage());
        if (verbose) {
            e.printStackTrace(err);
        }
        err.flush();
        return e.failure().exitCode();
    }
}
