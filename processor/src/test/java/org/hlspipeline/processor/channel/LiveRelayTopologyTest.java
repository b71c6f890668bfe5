package org.hlspipeline.processor.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.TopologyTestDriver;
import org.hlspipeline.processor.PipelineTopology;
import org.hlspipeline.processor.ingest.StreamEvents;
import org.hlspipeline.processor.ingest.StreamIngestSettings;
import org.hlspipeline.processor.ingest.WindowKeys;
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
import org.hlspipeline.schemas.stream.LiveWindow;
import org.hlspipeline.schemas.stream.LiveWindowSegment;
import org.hlspipeline.schemas.stream.StreamEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Live relays through the topology: the stream windows arrive on the live-windows topic, which the global mirror
 * reads, whatever the application id (no changelog of another store is involved).
 */
class LiveRelayTopologyTest {

    private static final Instant T0 = Instant.parse("2026-11-21T20:00:00Z");
    private static final List<String> LADDER = List.of("720p", "480p");

    private final BundledSchemaRegistry registry = new BundledSchemaRegistry();
    private final PipelineTopics topics = PipelineTopics.defaults();
    private final AvroSerde<ChannelCommand> commandSerde = AvroSerde.of(ChannelCommand.class, registry);
    private final AvroSerde<AiredSegment> asRunSerde = AvroSerde.of(AiredSegment.class, registry);
    private final AvroSerde<LiveWindow> windowSerde = AvroSerde.of(LiveWindow.class, registry);
    private final AvroSerde<StreamEvent> eventSerde = AvroSerde.of(StreamEvent.class, registry);
    private final Map<String, List<LiveWindowSegment>> shown = new HashMap<>();
    private TopologyTestDriver driver;
    private TestInputTopic<String, ChannelCommand> commands;
    private TestOutputTopic<String, AiredSegment> asRun;

    private ChannelPlayoutSettings channelSettings() {
        return new ChannelPlayoutSettings(topics, commandSerde.deserializer(),
                AvroSerde.of(Broadcast.class, registry).deserializer(), asRunSerde.serializer(),
                ChannelPlayoutSettings.DEFAULT_COMMAND_LEAD, ChannelPlayoutSettings.DEFAULT_TICK_INTERVAL,
                PlayoutListener.NONE, windowSerde.deserializer(), null);
    }

    private StreamIngestSettings ingestSettings() {
        return StreamIngestSettings.defaults(topics, eventSerde.deserializer()).withLiveWindows(
                windowSerde.serializer());
    }

    /** A fresh application id each time: nothing the relay reads may depend on it. */
    private void drive(Topology topology) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "relay-test-" + UUID.randomUUID());
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(topology, props, T0);
        commands = driver.createInputTopic(topics.channelCommands(), new StringSerializer(), commandSerde.serializer());
        asRun = driver.createOutputTopic(topics.asRun(), new StringDeserializer(), asRunSerde.deserializer());
    }

    @AfterEach
    void close() {
        if (driver != null) {
            driver.close();
        }
    }

    private static String uri(String rendition, long n) {
        return "https://live.example/news/" + rendition + "/" + n + ".ts";
    }

    /** The transcoder's segment {@code n} (2 s) appears in both renditions' windows, as ingest publishes them. */
    private void publishWindows(TestInputTopic<String, LiveWindow> windows, long n) {
        for (String rendition : LADDER) {
            List<LiveWindowSegment> segments = shown.computeIfAbsent(rendition, r -> new ArrayList<>());
            segments.add(new LiveWindowSegment(n, uri(rendition, n), 2_000_000L, false, false, null, null, null,
                    null));
            windows.pipeInput(WindowKeys.of("news", rendition), new LiveWindow("news", rendition, 2,
                    segments.get(0).getSequence(), 0L, List.copyOf(segments), false, n));
        }
    }

    /** The transcoder publishes segment {@code n} (2 s) of both renditions as stream events. */
    private void publishEvents(TestInputTopic<String, StreamEvent> events, long n) {
        for (String rendition : LADDER) {
            events.pipeInput("news", StreamEvents.segment("news", rendition, n, 2.0, uri(rendition, n)));
        }
    }

    private void startChannel() {
        Item live = new Item("news", ItemKind.PROGRAM, "News", new LiveSource("news", 6_000_000L), null, null,
                false, false);
        commands.pipeInput("tv1", ChannelPlayoutTopologyTest.configure("tv1"), T0);
        commands.pipeInput("tv1", new ChannelCommand("tv1", "c1", null, new Enqueue(List.of(live,
                ChannelPlayoutTopologyTest.item("ep", 1, ItemKind.PROGRAM)), Position.END)), T0);
    }

    private List<String> aired() {
        return asRun.readValuesToList().stream().map(s -> (s.getDiscontinuity() ? "|" : "") + s.getItemId() + "#"
                + s.getUris().get("720p").replaceAll(".*/(?:seg)?(\\d+)\\.ts", "$1")).toList();
    }

    /** Segments 1 and 2 are there before the channel starts, 3 and 4 arrive while it relays. */
    private void relayFourSegments(java.util.function.LongConsumer publish) {
        publish.accept(1);
        publish.accept(2);
        startChannel();
        driver.advanceWallClockTime(Duration.ofSeconds(2)); // T0+2: the relay joins at 2 (boundary T0+1)
        publish.accept(3);
        driver.advanceWallClockTime(Duration.ofSeconds(2)); // T0+4: 3 at T0+3
        publish.accept(4);
        driver.advanceWallClockTime(Duration.ofSeconds(2)); // T0+6: 4 at T0+5: six seconds relayed
        driver.advanceWallClockTime(Duration.ofSeconds(2)); // T0+8: ep at T0+7
    }

    @Test
    void aLiveItemRelaysTheStreamThenTheStallFillsAndTheMaximumEndsIt() {
        drive(ChannelPlayoutTopology.build(channelSettings()));
        TestInputTopic<String, LiveWindow> windows = driver.createInputTopic(topics.liveWindows(),
                new StringSerializer(), windowSerde.serializer());

        relayFourSegments(n -> publishWindows(windows, n));

        assertThat(aired()).containsExactly("news#2", "news#3", "news#4", "|ep#0");
    }

    @Test
    void streamEventsReachTheRelayThroughTheLiveWindowsTopic() {
        drive(PipelineTopology.build(ingestSettings(), channelSettings()));
        TestInputTopic<String, StreamEvent> events = driver.createInputTopic(topics.streamEvents(),
                new StringSerializer(), eventSerde.serializer());

        relayFourSegments(n -> publishEvents(events, n));

        assertThat(aired()).containsExactly("news#2", "news#3", "news#4", "|ep#0");
    }

    @Test
    void noProcessorReadsAChangelog() {
        TopologyDescription description = PipelineTopology.build(ingestSettings(), channelSettings()).describe();
        Set<String> sources = new HashSet<>();
        for (TopologyDescription.Subtopology sub : description.subtopologies()) {
            for (TopologyDescription.Node node : sub.nodes()) {
                if (node instanceof TopologyDescription.Source source) {
                    sources.addAll(source.topicSet());
                }
            }
        }
        for (TopologyDescription.GlobalStore store : description.globalStores()) {
            sources.addAll(store.source().topicSet());
        }

        // The two repartition topics are the placement checks' reroutes (docs/partitioning.md), not changelogs.
        assertThat(sources).containsExactlyInAnyOrder(topics.streamEvents(), topics.channelCommands(),
                topics.broadcasts(), topics.liveWindows(), "stream-events-by-key-repartition",
                "channel-commands-by-key-repartition");
    }
}
