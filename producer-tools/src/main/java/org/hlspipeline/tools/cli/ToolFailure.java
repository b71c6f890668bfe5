package org.hlspipeline.tools.cli;

/**
 * A command cannot go on, for a reason the operator can act on: a missing or malformed playlist, a playlist that
 * restarted its numbering, an unreadable file, an invalid schedule. The message is one line; the exit code says what kind of failure.
 */
public final class ToolFailure extends Exception {

    private final int exitCode;

    public ToolFailure(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    /** Bad input (exit code {@link ExitCodes#INPUT}). */
    public static ToolFailure input(String message) {
        return new ToolFailure(ExitCodes.INPUT, message);
    }

    /** Bad usage found late, once the input was read (exit code {@link ExitCodes#USAGE}). */
    public static ToolFailure usage(String message) {
        return new ToolFailure(ExitCodes.USAGE, message);
    }

    public int exitCode() {
        return exitCode;
    }

    /** Prints the message as one line on {@code command}'s stderr (with the help hint for usage); the exit code. */
    public int report(picocli.CommandLine.Model.CommandSpec command) {
        java.io.PrintWriter err = command.commandLine().getErr();
        err.println(command.qualifiedName() + ": " + getMessage());
        if (exitCode == ExitCodes.USAGE) {
            err.println("Try '" + command.qualifiedName() + " --help' for more information.");
        }
        err.flush();
        return exitCode;
    }
}
