package org.hlspipeline.tools.cli;

import java.util.List;

/**
 * The Kafka client logs through slf4j-simple, configured by {@code simplelogger.properties} to show errors only,
 * so that a failure reads as the tool's one line; the two loggers that log the failures the tool reports itself
 * (authentication, authorization) are off. {@code --verbose} lowers all of them to INFO.
 */
public final class ToolLogging {

    private static final String LEVEL = "org.slf4j.simpleLogger.defaultLogLevel";
    private static final List<String> QUIET = List.of("org.slf4j.simpleLogger.log.org.apache.kafka.clients.NetworkClient",
            "org.slf4j.simpleLogger.log.org.apache.kafka.clients.Metadata");

    private ToolLogging() {
    }

    /**
     * Takes effect only if no logger was created yet in this JVM (the first Kafka client creates them) and no level
     * was chosen with {@code -D}; otherwise the existing setup is kept.
     */
    public static void verbose() {
        if (System.getProperty(LEVEL) == null) {
            System.setProperty(LEVEL, "info");
            QUIET.forEach(logger -> System.setProperty(logger, "info"));
        }
    }
}
