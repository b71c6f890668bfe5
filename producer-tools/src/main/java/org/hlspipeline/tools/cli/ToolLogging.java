package org.hlspipeline.tools.cli;

/**
 * The Kafka client logs through slf4j-simple, configured by {@code simplelogger.properties} to show errors only,
 * so that a failure reads as the tool's one line. {@code --verbose} lowers that to INFO.
 */
public final class ToolLogging {

    private static final String LEVEL = "org.slf4j.simpleLogger.defaultLogLevel";

    private ToolLogging() {
    }

    /**
     * Takes effect only if no logger was created yet in this JVM (the first Kafka client creates them) and no level
     * was chosen with {@code -D}; otherwise the existing setup is kept.
     */
    public static void verbose() {
        if (System.getProperty(LEVEL) == null) {
            System.setProperty(LEVEL, "info");
        }
    }
}
