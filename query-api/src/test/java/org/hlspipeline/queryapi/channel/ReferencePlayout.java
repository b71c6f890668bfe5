package org.hlspipeline.queryapi.channel;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.hlspipeline.processor.channel.ChannelPlayoutSettings;
import org.hlspipeline.processor.channel.ChannelPlayoutTopology;
import org.hlspipeline.processor.kafka.PipelineTopics;
import org.hlspipeline.schemas.serde.AvroSerde;
import org.hlspipeline.schemas.channel.AiredSegment;
import org.hlspipeline.schemas.channel.Broadcast;
import org.hlspipeline.schemas.channel.ChannelCommand;
import org.hlspipeline.schemas.registry.BundledSchemaRegistry;

/**
 * The run without a fault that a fault test compares with: the production channel topology
 * ({@link ChannelPlayoutTopology#build}, default settings, as the app runs it) in a {@link TopologyTestDriver},
 * fed the same command records with the same timestamps, its wall clock moved in 200 ms ticks. No broker, no
 * instance to kill, one task for every channel: what the channels air when nothing goes wrong.
 */
public final class ReferencePlayout {

    private static final Duration TICK = ChannelPlayoutSettings.DEFAULT_TICK_INTERVAL;

    /** A command as it was published: the record timestamp is when the app received it. */
    public record Published(ChannelCommand command, long timestampMillis) {
    }

    private ReferencePlayout() {
    }

    /** Every channel's as-run, in air order, once the wall clock has passed {@code untilMillis}. */
    public static Map<String, List<AiredSegment>> asRun(List<Published> log, long untilMillis) {
        BundledSchemaRegistry registry = new BundledSchemaRegistry();
        AvroSerde<ChannelCommand> commands = AvroSerde.of(ChannelCommand.class, registry);
        AvroSerde<AiredSegment> aired = AvroSerde.of(AiredSegment.class, registry);
        PipelineTopics topics = PipelineTopics.defaults();
        ChannelPlayoutSettings settings = ChannelPlayoutSettings.defaults(topics, commands.deserializer(),
                AvroSerde.of(Broadcast.class, registry).deserializer(), aired.serializer());
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "reference-playout");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        long start = log.stream().mapToLong(Published::timestampMillis).min().orElse(untilMillis) - TICK.toMillis();
        Map<String, List<AiredSegment>> byChannel = new LinkedHashMap<>();
        try (TopologyTestDriver driver = new TopologyTestDriver(ChannelPlayoutTopology.build(settings), props,
                Instant.ofEpochMilli(start))) {
            TestInputTopic<String, ChannelCommand> input = driver.createInputTopic(topics.channelCommands(),
                    new StringSerializer(), commands.serializer());
            TestOutputTopic<String, AiredSegment> output = driver.createOutputTopic(topics.asRun(),
                    new StringDeserializer(), aired.deserializer());
            List<Published> inOrder = log.stream()
                    .sorted(java.util.Comparator.comparingLong(Published::timestampMillis)).toList();
            long now = start;
            int next = 0;
            while (now <= untilMillis) {
                // A record is read at its timestamp, then the tick at that time runs, as on a live instance.
                while (next < inOrder.size() && inOrder.get(next).timestampMillis() <= now) {
                    Published p = inOrder.get(next++);
                    input.pipeInput(p.command().getChannelId(), p.command(), p.timestampMillis());
                }
                driver.advanceWallClockTime(TICK);
                now += TICK.toMillis();
            }
            for (TestRecord<String, AiredSegment> record : output.readRecordsToList()) {
                byChannel.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(record.value());
            }
        }
        return byChannel;
    }
}
