package org.hlspipeline.tools.rebuild;

import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.hlspipeline.tools.cli.ExitCodes;

/** A rebuild step that Kafka did not carry out; the message is one line for the operator. */
final class AdminFailure extends Exception {

    /** The ACLs a rebuild needs (docs/operations.md, "Kafka: SASL/SCRAM, TLS and ACLs"). */
    static final String NEEDED_ACLS = "A rebuild needs Read on the group and on the input topics, and Delete on "
            + "the internal topics";

    private final int exitCode;

    AdminFailure(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }

    /** A failed Admin call to {@code what}, worded for the operator and classified (exit code 3 or 4). */
    static AdminFailure of(String what, String bootstrapServers, Throwable cause) {
        String detail = cause.getMessage() == null || cause.getMessage().isBlank()
                ? cause.getClass().getSimpleName() : cause.getClass().getSimpleName() + ": " + cause.getMessage();
        if (unanswered(cause)) {
            return new AdminFailure(ExitCodes.UNAVAILABLE, "Kafka at " + bootstrapServers + " did not answer in "
                    + "time to " + what + " (" + detail + "). Is the broker running, and are --bootstrap-servers "
                    + "and --command-config right? Nothing was changed by this step.", cause);
        }
        if (cause instanceof AuthenticationException) {
            return new AdminFailure(ExitCodes.REFUSED, "Kafka at " + bootstrapServers + " refused the connection: "
                    + "authentication failed (" + detail + "). Check --command-config.", cause);
        }
        if (cause instanceof AuthorizationException) {
            return new AdminFailure(ExitCodes.REFUSED, "not authorized to " + what + " (" + detail + "). "
                    + NEEDED_ACLS + ".", cause);
        }
        return new AdminFailure(ExitCodes.REFUSED, "Kafka refused to " + what + " (" + detail + ")", cause);
    }

    /**
     * No broker answered: a timeout anywhere in the chain, or the admin client's own "Failed to find brokers"
     * (what listing groups says when the cluster metadata never arrived).
     */
    private static boolean unanswered(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TimeoutException || t instanceof InterruptedException
                    || (t.getClass() == KafkaException.class && String.valueOf(t.getMessage())
                    .startsWith("Failed to find brokers"))) {
                return true;
            }
        }
        return false;
    }
}

