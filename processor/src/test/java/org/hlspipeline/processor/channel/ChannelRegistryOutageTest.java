package org.hlspipeline.processor.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hlspipeline.processor.channel.ChannelPlayoutTopologyTest.configure;
import static org.hlspipeline.processor.channel.ChannelPlayoutTopologyTest.enqueue;
import static org.hlspipeline.processor.channel.ChannelPlayoutTopologyTest.item;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.hlspipeline.processor.kafka.PipelineTopics;
import org.hlspipeline.processor.kafka.UnreachableRegistry;
import org.hlspipeline.schemas.channel.AfterAlert;
import org.hlspipeline.schemas.channel.AiredSegment;
import org.hlspipeline.schemas.channel.Alert;
import org.hlspipeline.schemas.channel.Broadcast;
import org.hlspipeline.schemas.channel.ChannelCommand;
import org.hlspipeline.schemas.channel.ItemKind;
import org.hlspipeline.schemas.registry.BundledSchemaRegistry;
import org.hlspipeline.schemas.serde.AvroSerde;
import org.junit.jupiter.api.Test;

/**
 * A channel goes on airing while the schema registry cannot be asked about a command's or a broadcast's schema
 * id; the command waits, unapplied and not dead-lettered, and the alert is read once the registry answers.
 */
class ChannelRegistryOutageTest {

    private static final Instant T0 = Instant.parse("2026-12-04T08:00:00Z");

    private final BundledSchemaRegistry ids = new BundledSchemaRegistry();
    private final AvroSerde<ChannelCommand> commandSerde = AvroSerde.of(ChannelCommand.class, ids);
    private final AvroSerde<Broadcast> broadcastSerde = AvroSerde.of(Broadcast.class, ids);

    @Test
    void theChannelAirsThroughTheOutageAndTakesTheHeldCommandAndAlertAfterIt() {
        UnreachableRegistry registry = new UnreachableRegistry(true);
        PipelineTopics topics = PipelineTopics.defaults();
        ChannelPlayoutSettings settings = ChannelPlayoutSettings.defaults(topics,
                AvroSerde.of(ChannelCommand.class, registry).deserializer(),
                AvroSerde.of(Broadcast.class, registry).deserializer(),
                AvroSerde.of(AiredSegment.class, ids).serializer());
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "outage-test-" + UUID.randomUUID());
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        try (TopologyTestDriver driver = new TopologyTestDriver(ChannelPlayoutTopology.build(settings), props, T0)) {
            TestInputTopic<String, byte[]> commands = driver.createInputTopic(topics.channelCommands(),
                    new StringSerializer(), new ByteArraySerializer());
            TestInputTopic<String, byte[]> broadcasts = driver.createInputTopic(topics.broadcasts(),
                    new StringSerializer(), new ByteArraySerializer());
            var asRun = driver.createOutputTopic(topics.asRun(), new StringDeserializer(),
                    AvroSerde.of(AiredSegment.class, ids).deserializer());
            var deadLetters = driver.createOutputTopic(topics.deadLetters(), new StringDeserializer(),
                    new ByteArrayDeserializer());
            commands.pipeInput("tv1", command(configure("tv1")), T0);
            commands.pipeInput("tv1", command(enqueue("tv1", "c1", item("ep1", 10, ItemKind.PROGRAM))), T0);

            registry.answer(false);
            // A scheduler's and an alerting system's new schema versions: ids the task has to look up.
            commands.pipeInput("tv1", UnreachableRegistry.underNewId(
                    command(enqueue("tv1", "c2", item("ep2", 2, ItemKind.PROGRAM)))), T0.plusSeconds(2));
            Alert alert = Alert.newBuilder().setChannels(List.of("*")).setPriority(100)
                    .setStartAt(T0.plusSeconds(12)).setDurationMicros(2_000_000L)
                    .setItems(List.of(item("storm", 1, ItemKind.ALERT))).setAfter(AfterAlert.RESUME).build();
            broadcasts.pipeInput("storm", UnreachableRegistry.underNewId(
                    broadcastSerde.serializer().serialize(topics.broadcasts(), new Broadcast("storm", alert))),
                    T0.plusSeconds(2));
            advance(driver, 6);

            assertThat(asRun.readValuesToList()).as("on air through the outage").extracting(AiredSegment::getItemId)
                    .containsOnly("ep1").hasSize(3);
            assertThat(deadLetters.isEmpty()).isTrue();

            registry.answer(true);
            advance(driver, 34);

            List<String> aired = asRun.readValuesToList().stream().map(AiredSegment::getItemId).toList();
            assertThat(aired).contains("storm");
            assertThat(aired.indexOf("ep2")).as("the held enqueue, after the queue it was appended to")
                    .isGreaterThan(aired.lastIndexOf("ep1"));
            assertThat(aired.stream().filter("ep1"::equals)).hasSize(7);
            assertThat(deadLetters.isEmpty()).isTrue();
            Map<String, Long> counts = new java.util.TreeMap<>();
            driver.<String, Long>getKeyValueStore(ChannelStores.COUNTS).all()
                    .forEachRemaining(entry -> counts.put(entry.key, entry.value));
            assertThat(counts).containsExactlyEntriesOf(Map.of("applied/command", 3L));
        }
    }

    private byte[] command(ChannelCommand command) {
        return commandSerde.serializer().serialize("hls.channel-commands", command);
    }

    private static void advance(TopologyTestDriver driver, int seconds) {
        for (int s = 0; s < seconds; s++) {
            driver.advanceWallClockTime(Duration.ofSeconds(1));
        }
    }
}
