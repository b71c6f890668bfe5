package org.hlspipeline.pipeline;

import java.util.Objects;

/** Topic names; the defaults are the contract for tools and tests, and every name can be configured. */
public record PipelineTopics(String streamEvents, String deadLetters) {

    public static final String DEFAULT_STREAM_EVENTS = "hls.stream-events";
    public static final String DEFAULT_DEAD_LETTERS = "hls.dlq";

    public PipelineTopics {
        Objects.requireNonNull(streamEvents, "streamEvents");
        Objects.requireNonNull(deadLetters, "deadLetters");
    }

    public static PipelineTopics defaults() {
        return new PipelineTopics(DEFAULT_STREAM_EVENTS, DEFAULT_DEAD_LETTERS);
    }
}
