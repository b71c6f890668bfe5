package org.hlspipeline.tools.publish;

import java.util.Objects;

import org.hlspipeline.tools.cli.ExitCodes;

/**
 * An event could not be published. The message is one line meant for the operator: it names what failed and,
 * where it helps, what to check. It never contains client secrets.
 */
public class PublishException extends Exception {

    /** Why, which decides the exit code. */
    public enum Failure {
        /** The client configuration is invalid; nothing was sent. */
        INVALID_CONFIG(ExitCodes.USAGE),
        /** Kafka or the registry could not be reached in time; a retry may succeed. */
        UNAVAILABLE(ExitCodes.UNAVAILABLE),
        /** Kafka or the registry answered with a refusal; a retry will not help. */
        REFUSED(ExitCodes.REFUSED);

        private final int exitCode;

        Failure(int exitCode) {
            this.exitCode = exitCode;
        }

        public int exitCode() {
            return exitCode;
        }
    }

    private final Failure failure;

    public PublishException(Failure failure, String message, Throwable cause) {
        super(message, cause);
        this.failure = Objects.requireNonNull(failure, "failure");
    }

    public PublishException(Failure failure, String message) {
        this(failure, message, null);
    }

    public Failure failure() {
        return failure;
    }
}
