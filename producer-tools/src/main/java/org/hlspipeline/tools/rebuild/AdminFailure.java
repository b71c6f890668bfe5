package org.hlspipeline.tools.rebuild;

/** A rebuild step that Kafka did not carry out; the message is one line for the operator. */
final class AdminFailure extends Exception {

    private final int exitCode;

    AdminFailure(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
