package org.hlspipeline.queryapi.testing;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Topic names and application id for one test class, so classes sharing the JVM's broker never see each other's
 * records or state. The default names ({@code hls.stream-events}, {@code hls.dlq}) are kept as prefixes.
 */
public record TestPipeline(String applicationId, String streamEvents, String deadLetters, String suffix) {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    public static TestPipeline unique(String name) {
        String suffix = name + "-" + COUNTER.incrementAndGet();
        return new TestPipeline("hls-pipeline-" + suffix, "hls.stream-events." + suffix, "hls.dlq." + suffix,
                suffix);
    }

    /** The same topics, read by another application (a rebuild from the topics). */
    public TestPipeline withApplicationId(String newApplicationId) {
        return new TestPipeline(newApplicationId, streamEvents, deadLetters, suffix);
    }

    public String channelCommands() {
        return "hls.channel-commands." + suffix;
    }

    public String broadcasts() {
        return "hls.broadcasts." + suffix;
    }

    public String asRun() {
        return "hls.as-run." + suffix;
    }

    public String liveWindows() {
        return "hls.live-windows." + suffix;
    }

    public String schemas() {
        return "_schemas." + suffix;
    }

    /** The settings that point an instance at these topics, by the names of README's configuration table. */
    public java.util.Map<String, String> environment() {
        return java.util.Map.of(
                "HLS_APPLICATION_ID", applicationId,
                "HLS_TOPIC_STREAM_EVENTS", streamEvents,
                "HLS_TOPIC_DLQ", deadLetters,
                "HLS_TOPIC_CHANNEL_COMMANDS", channelCommands(),
                "HLS_TOPIC_BROADCASTS", broadcasts(),
                "HLS_TOPIC_AS_RUN", asRun(),
                "HLS_TOPIC_LIVE_WINDOWS", liveWindows(),
                "HLS_TOPIC_SCHEMAS", schemas());
    }
}
