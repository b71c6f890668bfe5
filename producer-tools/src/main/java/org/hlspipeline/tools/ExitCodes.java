package org.hlspipeline.tools;

/**
 * What {@code producer-tools} exits with. Scripts may rely on these numbers: 3 is worth a retry, 2 and 4 are not.
 */
public final class ExitCodes {

    /** The event was published and acknowledged by every in-sync replica. */
    public static final int OK = 0;
    /** A bug in the tool: something failed that the tool does not know how to explain. */
    public static final int INTERNAL_ERROR = 1;
    /** Bad command line, invalid event, or an invalid/unreadable client configuration. Nothing was sent. */
    public static final int USAGE = 2;
    /** Kafka or the schema registry could not be reached in time. Retrying later may succeed. */
    public static final int UNAVAILABLE = 3;
    /** Kafka or the schema registry answered and refused (authentication, authorization, rejected record). */
    public static final int REFUSED = 4;

    private ExitCodes() {
    }
}
