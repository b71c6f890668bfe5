package org.hlspipeline.processor.channel;

import java.time.Duration;
import java.util.Objects;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.hlspipeline.processor.kafka.InputBacklog;
import org.hlspipeline.processor.kafka.PipelineTopics;
import org.hlspipeline.schemas.channel.AiredSegment;
import org.hlspipeline.schemas.channel.Broadcast;
import org.hlspipeline.schemas.channel.ChannelCommand;
import org.hlspipeline.schemas.stream.LiveWindow;

/**
 * Everything the channel playout part of the topology needs from outside.
 *
 * @param commandLead  a command takes effect no earlier than this long after it was received. Boundaries are
 *                     decided when the clock reaches them; the lead keeps every command ahead of the boundary it
 *                     changes, so a replay applies it exactly where the live run did
 * @param tickInterval how often wall-clock punctuation airs due boundaries when the task is quiet
 * @param liveWindowDeserializer reads {@link PipelineTopics#liveWindows()}, which live relays follow; null for a
 *                     topology without live relays
 * @param inputBacklog what a task taking over a command partition must read before the wall clock airs anything
 *                     (null: {@link InputBacklog#NONE})
 */
public record ChannelPlayoutSettings(PipelineTopics topics, Deserializer<ChannelCommand> commandDeserializer,
                                     Deserializer<Broadcast> broadcastDeserializer,
                                     Serializer<AiredSegment> asRunSerializer, Duration commandLead,
                                     Duration tickInterval, PlayoutListener listener,
                                     Deserializer<LiveWindow> liveWindowDeserializer,
                                     InputBacklog inputBacklog) {

    public static final Duration DEFAULT_COMMAND_LEAD = Duration.ofSeconds(1);
    public static final Duration DEFAULT_TICK_INTERVAL = Duration.ofMillis(200);

    public ChannelPlayoutSettings {
        Objects.requireNonNull(topics, "topics");
        Objects.requireNonNull(commandDeserializer, "commandDeserializer");
        Objects.requireNonNull(broadcastDeserializer, "broadcastDeserializer");
        Objects.requireNonNull(asRunSerializer, "asRunSerializer");
        Objects.requireNonNull(listener, "listener");
        inputBacklog = inputBacklog == null ? InputBacklog.NONE : inputBacklog;
        if (commandLead.isNegative()) {
            throw new IllegalArgumentException("command lead must not be negative");
        }
    }

    public static ChannelPlayoutSettings defaults(PipelineTopics topics, Deserializer<ChannelCommand> commands,
                                                  Deserializer<Broadcast> broadcasts,
                                                  Serializer<AiredSegment> asRun) {
        return new ChannelPlayoutSettings(topics, commands, broadcasts, asRun, DEFAULT_COMMAND_LEAD,
                DEFAULT_TICK_INTERVAL, PlayoutListener.NONE, null, InputBacklog.NONE);
    }

    public ChannelPlayoutSettings withInputBacklog(InputBacklog backlog) {
        return new ChannelPlayoutSettings(topics, commandDeserializer, broadcastDeserializer, asRunSerializer,
                commandLead, tickInterval, listener, liveWindowDeserializer, backlog);
    }

    public long commandLeadMicros() {
        return commandLead.toNanos() / 1000;
    }
}
