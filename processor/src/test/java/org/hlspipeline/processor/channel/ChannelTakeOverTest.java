package org.hlspipeline.processor.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hlspipeline.processor.channel.ChannelPlayoutTopologyTest.configure;
import static org.hlspipeline.processor.channel.ChannelPlayoutTopologyTest.enqueue;
import static org.hlspipeline.processor.channel.ChannelPlayoutTopologyTest.item;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.hlspipeline.processor.kafka.InputBacklog;
import org.hlspipeline.processor.kafka.PipelineTopics;
import org.hlspipeline.processor.kafka.TaskClock;
import org.hlspipeline.schemas.channel.AiredSegment;
import org.hlspipeline.schemas.channel.Broadcast;
import org.hlspipeline.schemas.channel.ChannelCommand;
import org.hlspipeline.schemas.channel.Interrupt;
import org.hlspipeline.schemas.channel.ItemKind;
import org.hlspipeline.schemas.channel.ResumePolicy;
import org.hlspipeline.schemas.registry.BundledSchemaRegistry;
import org.hlspipeline.schemas.serde.AvroSerde;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A task that takes over a channel partition (its owner died, a standby is promoted) while a command published
 * meanwhile still waits in the partition: the wall clock must not air the boundaries that command changes before
 * the task has read it (docs/architecture.md, Time model). The driver's wall clock stands for the slow first fetch
 * of a promoted task: it runs on while no record arrives.
 */
class ChannelTakeOverTest {

    private static final Instant T0 = Instant.parse("2026-11-21T20:00:00Z");

    private final BundledSchemaRegistry registry = new BundledSchemaRegistry();
    private final AvroSerde<ChannelCommand> commandSerde = AvroSerde.of(ChannelCommand.class, registry);
    private final AvroSerde<AiredSegment> asRunSerde = AvroSerde.of(AiredSegment.class, registry);
    private TopologyTestDriver driver;
    private TestInputTopic<String, ChannelCommand> commands;
    private TestOutputTopic<String, AiredSegment> asRun;

    private void start(InputBacklog backlog) {
        PipelineTopics topics = PipelineTopics.defaults();
        ChannelPlayoutSettings settings = ChannelPlayoutSettings.defaults(topics, commandSerde.deserializer(),
                AvroSerde.of(Broadcast.class, registry).deserializer(), asRunSerde.serializer())
                .withInputBacklog(backlog);
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "take-over-test-" + UUID.randomUUID());
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(ChannelPlayoutTopology.build(settings), props, T0);
        commands = driver.createInputTopic(topics.channelCommands(), new StringSerializer(),
                commandSerde.serializer());
        asRun = driver.createOutputTopic(topics.asRun(), new StringDeserializer(), asRunSerde.deserializer());
    }

    @AfterEach
    void close() {
        driver.close();
    }

    /** Offsets 0 and 1 programme the channel at T0; offset 2, published at T0+20 s, breaks in at T0+30 s. */
    private List<AiredSegment> takeOverWithAPromoWaiting() {
        commands.pipeInput("tv1", configure("tv1"), T0);
        commands.pipeInput("tv1", enqueue("tv1", "show", item("show", 50, ItemKind.PROGRAM)), T0);
        // The first fetch of the promoted task is slow: the wall clock runs 40 s on with no record.
        driver.advanceWallClockTime(Duration.ofSeconds(40));
        ChannelCommand promo = new ChannelCommand("tv1", "promo", T0.plusSeconds(30),
                new Interrupt(List.of(item("promo", 2, ItemKind.PROMO)), 10, ResumePolicy.RESUME));
        commands.pipeInput("tv1", promo, T0.plusSeconds(20));
        driver.advanceWallClockTime(Duration.ofSeconds(TaskClock.IDLE_AFTER_MILLIS / 1000 + 1));
        return asRun.readValuesToList();
    }

    private static Instant promoAiredAt(List<AiredSegment> aired) {
        return aired.stream().filter(s -> s.getItemId().equals("promo")).findFirst().orElseThrow().getAirTime();
    }

    @Test
    void aCommandWaitingWhenTheTaskTookOverAirsWhereARunWithoutTheFaultAirsIt() {
        start((topic, partition) -> OptionalLong.of(2));
        List<AiredSegment> aired = takeOverWithAPromoWaiting();
        // Boundaries every 2 s from T0+1 s: the first at or after the promo's T0+30 s is T0+31 s.
        assertThat(promoAiredAt(aired)).isEqualTo(T0.plusSeconds(31));
        assertThat(aired).extracting(AiredSegment::getMediaSequence)
                .isEqualTo(java.util.stream.LongStream.range(0, aired.size()).boxed().toList());
        assertThat(aired.get(aired.size() - 1).getAirTime()).isAfter(T0.plusSeconds(40));
    }

    @Test
    void withoutTheBacklogKnownTheQuietWallClockAirsPastTheWaitingCommand() {
        start(InputBacklog.NONE);
        // What the fix is for: the boundaries up to T0+40 s were aired before the promo was read.
        assertThat(promoAiredAt(takeOverWithAPromoWaiting())).isAfter(T0.plusSeconds(40));
    }

    @Test
    void aBacklogThatNeverArrivesHoldsTheWallClockBackForABoundedTime() {
        start((topic, partition) -> OptionalLong.of(99));
        commands.pipeInput("tv1", configure("tv1"), T0);
        commands.pipeInput("tv1", enqueue("tv1", "show", item("show", 50, ItemKind.PROGRAM)), T0);
        driver.advanceWallClockTime(Duration.ofMillis(TaskClock.BACKLOG_WAIT_MILLIS - 1_000));
        assertThat(asRun.readValuesToList()).as("held back while the backlog may still come").isEmpty();
        driver.advanceWallClockTime(Duration.ofSeconds(2));
        List<AiredSegment> aired = asRun.readValuesToList();
        assertThat(aired).isNotEmpty();
        assertThat(aired.get(aired.size() - 1).getAirTime()).isAfter(T0.plusSeconds(55));
    }
}
