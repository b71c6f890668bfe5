package org.hlspipeline.processor.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.hlspipeline.processor.kafka.PipelineTopics;
import org.hlspipeline.schemas.channel.AiredSegment;
import org.hlspipeline.schemas.channel.Broadcast;
import org.hlspipeline.schemas.channel.ChannelCommand;
import org.hlspipeline.schemas.channel.Enqueue;
import org.hlspipeline.schemas.channel.Item;
import org.hlspipeline.schemas.channel.ItemKind;
import org.hlspipeline.schemas.channel.LiveSource;
import org.hlspipeline.schemas.channel.Position;
import org.hlspipeline.schemas.registry.BundledSchemaRegistry;
import org.hlspipeline.schemas.serde.AvroSerde;
import org.hlspipeline.processor.window.RenditionWindow;
import org.hlspipeline.processor.ingest.StreamStateCodecs;
import org.hlspipeline.processor.ingest.WindowKeys;
import org.hlspipeline.processor.window.WindowPolicy;
import org.hlspipeline.processor.window.WindowSegment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Live relays through the topology: the stream windows arrive on their changelog, as the global mirror reads it. */
class LiveRelayTopologyTest {

    private static final Instant T0 = Instant.parse("2026-11-21T20:00:00Z");
    private static final String CHANGELOG = "test-stream-windows-changelog";

    private final BundledSchemaRegistry registry = new BundledSchemaRegistry();
    private final AvroSerde<ChannelCommand> commandSerde = AvroSerde.of(ChannelCommand.class, registry);
    private final AvroSerde<AiredSegment> asRunSerde = AvroSerde.of(AiredSegment.class, registry);
    private TopologyTestDriver driver;
    private TestInputTopic<String, ChannelCommand> commands;
    private TestInputTopic<String, byte[]> windows;
    private TestOutputTopic<String, AiredSegment> asRun;
    private final java.util.Map<String, RenditionWindow> current = new java.util.HashMap<>();

    @BeforeEach
    void start() {
        PipelineTopics topics = PipelineTopics.defaults();
        ChannelPlayoutSettings settings = new ChannelPlayoutSettings(topics, commandSerde.deserializer(),
                AvroSerde.of(Broadcast.class, registry).deserializer(), asRunSerde.serializer(),
                ChannelPlayoutSettings.DEFAULT_COMMAND_LEAD, ChannelPlayoutSettings.DEFAULT_TICK_INTERVAL,
                PlayoutListener.NONE, CHANGELOG);
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "relay-test-" + UUID.randomUUID());
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(ChannelPlayoutTopology.build(settings), props, T0);
        commands = driver.createInputTopic(topics.channelCommands(), new StringSerializer(), commandSerde.serializer());
        windows = driver.createInputTopic(CHANGELOG, new StringSerializer(), new ByteArraySerializer());
        asRun = driver.createOutputTopic(topics.asRun(), new StringDeserializer(), asRunSerde.deserializer());
    }

    @AfterEach
    void close() {
        driver.close();
    }

    /** The transcoder's segment {@code n} (2 s) appears in both renditions' windows. */
    private void streamSegment(long n) {
        for (String rendition : List.of("720p", "480p")) {
            WindowSegment segment = new WindowSegment(n, "https://live.example/news/" + rendition + "/" + n + ".ts",
                    2_000_000, false, false, null);
            RenditionWindow window = current.get(rendition);
            window = window == null ? RenditionWindow.open(segment, WindowPolicy.defaults(), 0)
                    : window.add(segment, 0).window();
            current.put(rendition, window);
            windows.pipeInput(WindowKeys.of("news", rendition), StreamStateCodecs.WINDOW.encode(window));
        }
    }

    private List<String> aired() {
        return asRun.readValuesToList().stream().map(s -> (s.getDiscontinuity() ? "|" : "") + s.getItemId() + "#"
                + s.getUris().get("720p").replaceAll(".*/(?:seg)?(\\d+)\\.ts", "$1")).toList();
    }

    @Test
    void aLiveItemRelaysTheStreamThenTheStallFillsAndTheMaximumEndsIt() {
        streamSegment(1);
        streamSegment(2);
        Item live = new Item("news", ItemKind.PROGRAM, "News", new LiveSource("news", 6_000_000L), null, null,
                false, false);
        commands.pipeInput("tv1", ChannelPlayoutTopologyTest.configure("tv1"), T0);
        commands.pipeInput("tv1", new ChannelCommand("tv1", "c1", null, new Enqueue(List.of(live,
                ChannelPlayoutTopologyTest.item("ep", 1, ItemKind.PROGRAM)), Position.END)), T0);

        driver.advanceWallClockTime(Duration.ofSeconds(2)); // T0+2: the relay joins at 2 (boundary T0+1)
        streamSegment(3);
        driver.advanceWallClockTime(Duration.ofSeconds(2)); // T0+4: 3 at T0+3
        streamSegment(4);
        driver.advanceWallClockTime(Duration.ofSeconds(2)); // T0+6: 4 at T0+5: six seconds relayed
        driver.advanceWallClockTime(Duration.ofSeconds(2)); // T0+8: ep at T0+7

        assertThat(aired()).containsExactly("news#2", "news#3", "news#4", "|ep#0");
    }
}
