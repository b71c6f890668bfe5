package org.hlspipeline.tools.cli;

/**
 * What {@code producer-tools} exits with. Scripts may rely on these numbers: 3 is worth a retry, 2, 4 and 5 are not.
 */
public final class ExitCodes {

    /**
     * The event was published and acknowledged by every in-sync replica ({@code tail}: the playlist ended and every
     * event was acknowledged; {@code asset import}: the descriptor was written).
     */
    public static final int OK = 0;
    /** A bug in the tool: something failed that the tool does not know how to explain. */
    public static final int INTERNAL_ERROR = 1;
    /** Bad command line, invalid event, or an invalid/unreadable client configuration. Nothing was sent. */
    public static final int USAGE = 2;
    /** Kafka or the schema registry could not be reached in time. Retrying later may succeed. */
    public static final int UNAVAILABLE = 3;
    /** Kafka or the schema registry answered and refused (authentication, authorization, rejected record). */
    public static final int REFUSED = 4;
    /**
     * The input is missing, unreadable or unusable: a playlist that does not exist (within the wait), is malformed,
     * restarted its numbering, or an asset whose renditions do not line up. The message names the file and line.
     */
    public static final int INPUT = 5;
    /**
     * The app's state says the pipeline would refuse the event, so it was not sent: {@code segment --app-url} for
     * a stream that has ended. (6 is {@code rebuild}'s: the application's group still has members.)
     */
    public static final int APP_REFUSES = 7;
    /** The command was interrupted (a long-running one, such as {@code tail}) before it finished. */
    public static final int INTERRUPTED = 130;

    private ExitCodes() {
    }
}
