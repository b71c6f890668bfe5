package org.hlspipeline.processor.kafka;

import java.util.List;
import java.util.Objects;

/**
 * Topic names; the defaults are the contract for tools and tests, and every name can be configured.
 *
 * @param liveWindows every stream window as its playlist shows it, keyed {@code streamId/rendition}: written by
 *                    stream ingest, read by live relays (see docs/architecture.md, Live relays)
 */
public record PipelineTopics(String streamEvents, String channelCommands, String broadcasts, String asRun,
                             String deadLetters, String liveWindows) {

    public static final String DEFAULT_STREAM_EVENTS = "hls.stream-events";
    public static final String DEFAULT_CHANNEL_COMMANDS = "hls.channel-commands";
    public static final String DEFAULT_BROADCASTS = "hls.broadcasts";
    public static final String DEFAULT_AS_RUN = "hls.as-run";
    public static final String DEFAULT_DEAD_LETTERS = "hls.dlq";
    public static final String DEFAULT_LIVE_WINDOWS = "hls.live-windows";

    public PipelineTopics {
        Objects.requireNonNull(streamEvents, "streamEvents");
        Objects.requireNonNull(channelCommands, "channelCommands");
        Objects.requireNonNull(broadcasts, "broadcasts");
        Objects.requireNonNull(asRun, "asRun");
        Objects.requireNonNull(deadLetters, "deadLetters");
        Objects.requireNonNull(liveWindows, "liveWindows");
    }

    public static PipelineTopics defaults() {
        return new PipelineTopics(DEFAULT_STREAM_EVENTS, DEFAULT_CHANNEL_COMMANDS, DEFAULT_BROADCASTS,
                DEFAULT_AS_RUN, DEFAULT_DEAD_LETTERS, DEFAULT_LIVE_WINDOWS);
    }

    /** Every topic the pipeline reads or writes, for provisioning. */
    public List<String> all() {
        return List.of(streamEvents, channelCommands, broadcasts, asRun, deadLetters, liveWindows);
    }

    /**
     * The topics read as tables, latest value per key, to be created with {@code cleanup.policy=compact}: only
     * the live windows, whose removed streams leave tombstones, so the topic holds the live streams and no more.
     */
    public List<String> compacted() {
        return List.of(liveWindows);
    }
}
