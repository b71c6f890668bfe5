package org.hlspipeline.processor.ingest;

import org.hlspipeline.processor.window.WindowPolicy;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.hlspipeline.processor.kafka.PipelineTopics;
import org.hlspipeline.schemas.stream.LiveWindow;
import org.hlspipeline.schemas.stream.StreamEvent;

/**
 * Everything the stream ingest part of the topology needs from outside.
 *
 * @param policies          the window policy for a stream id (global default, or per stream by configuration)
 * @param idleTtl           a stream idle this long is removed from the stores (tombstones in the changelogs)
 * @param gapCheckInterval  how often wall-clock punctuation looks for gap deadlines when no record arrives
 * @param idleCheckInterval how often wall-clock punctuation looks for idle streams
 * @param liveWindowSerializer writes the windows to {@link PipelineTopics#liveWindows()}, which live relays read;
 *                          null for a topology without that output
 */
public record StreamIngestSettings(PipelineTopics topics, Deserializer<StreamEvent> eventDeserializer,
                                   Function<String, WindowPolicy> policies, Duration idleTtl,
                                   Duration gapCheckInterval, Duration idleCheckInterval, IngestListener listener,
                                   Serializer<LiveWindow> liveWindowSerializer) {

    public static final Duration DEFAULT_IDLE_TTL = Duration.ofHours(24);
    public static final Duration DEFAULT_GAP_CHECK_INTERVAL = Duration.ofMillis(250);
    public static final Duration DEFAULT_IDLE_CHECK_INTERVAL = Duration.ofMinutes(1);

    public StreamIngestSettings {
        Objects.requireNonNull(topics, "topics");
        Objects.requireNonNull(eventDeserializer, "eventDeserializer");
        Objects.requireNonNull(policies, "policies");
        Objects.requireNonNull(listener, "listener");
        if (idleTtl.isNegative() || idleTtl.isZero()) {
            throw new IllegalArgumentException("idle TTL must be positive");
        }
    }

    public static StreamIngestSettings defaults(PipelineTopics topics, Deserializer<StreamEvent> deserializer) {
        return new StreamIngestSettings(topics, deserializer, id -> WindowPolicy.defaults(), DEFAULT_IDLE_TTL,
                DEFAULT_GAP_CHECK_INTERVAL, DEFAULT_IDLE_CHECK_INTERVAL, IngestListener.NONE, null);
    }

    public StreamIngestSettings withIdleTtl(Duration ttl) {
        return new StreamIngestSettings(topics, eventDeserializer, policies, ttl, gapCheckInterval,
                idleCheckInterval, listener, liveWindowSerializer);
    }

    public StreamIngestSettings withListener(IngestListener newListener) {
        return new StreamIngestSettings(topics, eventDeserializer, policies, idleTtl, gapCheckInterval,
                idleCheckInterval, newListener, liveWindowSerializer);
    }

    public StreamIngestSettings withLiveWindows(Serializer<LiveWindow> serializer) {
        return new StreamIngestSettings(topics, eventDeserializer, policies, idleTtl, gapCheckInterval,
                idleCheckInterval, listener, serializer);
    }
}
