package org.hlspipeline.processor.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.hlspipeline.processor.kafka.DeadLetters;
import org.hlspipeline.processor.hls.HlsRules;
import org.hlspipeline.processor.hls.PlaylistRenderer;
import org.hlspipeline.processor.kafka.PipelineTopics;
import org.hlspipeline.processor.playout.ChannelPlaylists;
import org.hlspipeline.processor.playout.ChannelState;
import org.hlspipeline.schemas.channel.AiredSegment;
import org.hlspipeline.schemas.channel.Alert;
import org.hlspipeline.schemas.channel.AfterAlert;
import org.hlspipeline.schemas.channel.Broadcast;
import org.hlspipeline.schemas.channel.ChannelCommand;
import org.hlspipeline.schemas.channel.ConfigureChannel;
import org.hlspipeline.schemas.channel.Enqueue;
import org.hlspipeline.schemas.channel.Item;
import org.hlspipeline.schemas.channel.ItemKind;
import org.hlspipeline.schemas.channel.LadderRendition;
import org.hlspipeline.schemas.channel.Position;
import org.hlspipeline.schemas.channel.RenditionSource;
import org.hlspipeline.schemas.channel.VodSource;
import org.hlspipeline.schemas.registry.BundledSchemaRegistry;
import org.hlspipeline.schemas.serde.AvroSerde;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Channel playout through the real topology, the real Avro wire format and the real stores. The wall clock is
 * the driver's; commands take effect one second (the command lead) after they are received.
 */
class ChannelPlayoutTopologyTest {

    private static final Instant T0 = Instant.parse("2026-11-21T20:00:00Z");

    private final BundledSchemaRegistry registry = new BundledSchemaRegistry();
    private final AvroSerde<ChannelCommand> commandSerde = AvroSerde.of(ChannelCommand.class, registry);
    private final AvroSerde<Broadcast> broadcastSerde = AvroSerde.of(Broadcast.class, registry);
    private final AvroSerde<AiredSegment> asRunSerde = AvroSerde.of(AiredSegment.class, registry);
    private TopologyTestDriver driver;
    private TestInputTopic<String, ChannelCommand> commands;
    private TestInputTopic<String, byte[]> rawCommands;
    private TestInputTopic<String, Broadcast> broadcasts;
    private TestOutputTopic<String, AiredSegment> asRun;
    private TestOutputTopic<String, byte[]> deadLetters;

    @BeforeEach
    void start() {
        PipelineTopics topics = PipelineTopics.defaults();
        ChannelPlayoutSettings settings = ChannelPlayoutSettings.defaults(topics, commandSerde.deserializer(),
                broadcastSerde.deserializer(), asRunSerde.serializer());
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "playout-test-" + UUID.randomUUID());
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(ChannelPlayoutTopology.build(settings), props, T0);
        commands = driver.createInputTopic(topics.channelCommands(), new StringSerializer(),
                commandSerde.serializer());
        rawCommands = driver.createInputTopic(topics.channelCommands(), new StringSerializer(),
                new ByteArraySerializer());
        broadcasts = driver.createInputTopic(topics.broadcasts(), new StringSerializer(), broadcastSerde.serializer());
        asRun = driver.createOutputTopic(topics.asRun(), new StringDeserializer(), asRunSerde.deserializer());
        deadLetters = driver.createOutputTopic(topics.deadLetters(), new StringDeserializer(),
                new ByteArrayDeserializer());
    }

    @AfterEach
    void close() {
        driver.close();
    }

    static Item item(String name, int segments, ItemKind kind) {
        Map<String, RenditionSource> renditions = Map.of(
                "720p", RenditionSource.newBuilder().setUriTemplate("https://cdn.example/" + name + "/720p/seg{n}.ts")
                        .setUris(List.of()).build(),
                "480p", RenditionSource.newBuilder().setUriTemplate("https://cdn.example/" + name + "/480p/seg{n}.ts")
                        .setUris(List.of()).build());
        return Item.newBuilder().setItemId(name).setKind(kind).setTitle(name.toUpperCase())
                .setSource(VodSource.newBuilder().setRenditions(renditions).setSegmentCount(segments)
                        .setSegmentDurationMicros(2_000_000L).build())
                .build();
    }

    static ChannelCommand configure(String channel) {
        ConfigureChannel configure = ConfigureChannel.newBuilder().setLadder(List.of(
                LadderRendition.newBuilder().setName("720p").setBandwidth(2_500_000L).setResolution("1280x720").build(),
                LadderRendition.newBuilder().setName("480p").setBandwidth(1_000_000L).setResolution("854x480").build()))
                .setTargetDurationSeconds(2).build();
        return new ChannelCommand(channel, "configure-" + channel, null, configure);
    }

    static ChannelCommand enqueue(String channel, String commandId, Item... items) {
        return new ChannelCommand(channel, commandId, null, new Enqueue(List.of(items), Position.END));
    }

    private static String header(TestRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private ChannelState channel(String id) {
        KeyValueStore<String, byte[]> timelines = driver.getKeyValueStore(ChannelStores.CHANNELS);
        KeyValueStore<String, byte[]> programmes = driver.getKeyValueStore(ChannelStores.PROGRAMMES);
        byte[] timeline = timelines.get(id);
        return timeline == null ? null : new StoredChannel(timeline, programmes.get(id)).decode();
    }

    @Test
    void aConfiguredChannelAirsItsQueueAndWritesEveryAiredSegmentToTheAsRunTopic() {
        commands.pipeInput("tv1", configure("tv1"), T0);
        commands.pipeInput("tv1", enqueue("tv1", "c1", item("ep1", 3, ItemKind.PROGRAM),
                item("ep2", 2, ItemKind.PROGRAM)), T0);

        driver.advanceWallClockTime(Duration.ofSeconds(12));

        // Received at T0, effective one second later: segments air at T0+1, +3, +5, +7, +9, +11 s.
        List<AiredSegment> aired = asRun.readValuesToList();
        assertThat(aired).extracting(AiredSegment::getItemId)
                .containsExactly("ep1", "ep1", "ep1", "ep2", "ep2", "ep2");
        assertThat(aired).extracting(AiredSegment::getMediaSequence).containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
        assertThat(aired).extracting(AiredSegment::getDiscontinuity)
                .containsExactly(false, false, false, true, false, true);
        assertThat(aired.get(0).getAirTime()).isEqualTo(T0.plusSeconds(1));
        assertThat(aired.get(5).getAirTime()).isEqualTo(T0.plusSeconds(11));
        assertThat(aired.get(3).getUris()).containsEntry("480p", "https://cdn.example/ep2/480p/seg0.ts");

        ChannelState state = channel("tv1");
        String playlist = PlaylistRenderer.renderMedia(ChannelPlaylists.media(state, "720p"));
        HlsRules.assertValidMediaPlaylist(playlist);
        assertThat(playlist).contains("#EXT-X-MEDIA-SEQUENCE:0\n");
    }

    @Test
    void aRepeatedCommandIdIsAppliedOnce() {
        commands.pipeInput("tv1", configure("tv1"), T0);
        commands.pipeInput("tv1", enqueue("tv1", "same", item("ep1", 1, ItemKind.PROGRAM)), T0);
        commands.pipeInput("tv1", enqueue("tv1", "same", item("ep1", 1, ItemKind.PROGRAM)), T0);

        assertThat(channel("tv1").scheduled()).hasSize(2); // configure and one enqueue
    }

    @Test
    void badCommandsGoToTheDeadLetterTopicAndTheChannelKeepsAiring() {
        commands.pipeInput("tv1", configure("tv1"), T0);
        commands.pipeInput("tv1", enqueue("tv1", "c1", item("ep1", 50, ItemKind.PROGRAM)), T0);
        rawCommands.pipeInput("tv1", "garbage".getBytes(StandardCharsets.UTF_8), T0);
        Item missing480 = item("sd-less", 2, ItemKind.PROGRAM);
        ((VodSource) missing480.getSource()).setRenditions(Map.of("720p",
                RenditionSource.newBuilder().setUriTemplate("https://cdn.example/x/seg{n}.ts")
                        .setUris(List.of()).build()));
        commands.pipeInput("tv1", enqueue("tv1", "c2", missing480), T0);
        commands.pipeInput("tv1", enqueue("tv1", "c3"), T0);

        driver.advanceWallClockTime(Duration.ofSeconds(6));

        List<TestRecord<String, byte[]>> dead = deadLetters.readRecordsToList();
        assertThat(dead).extracting(r -> header(r, DeadLetters.REASON))
                .containsExactly("deserialization", "invalid", "invalid");
        assertThat(header(dead.get(1), DeadLetters.DETAIL)).contains("480p");
        assertThat(asRun.readValuesToList()).extracting(AiredSegment::getItemId).containsOnly("ep1").hasSize(3);
    }

    @Test
    void everyCommandCountsOnceUnderItsOutcomeAndABadBroadcastUnderItsOwn() {
        commands.pipeInput("tv1", configure("tv1"), T0);
        commands.pipeInput("tv1", enqueue("tv1", "c1", item("ep1", 5, ItemKind.PROGRAM)), T0);
        commands.pipeInput("tv1", enqueue("tv1", "c1", item("ep1", 5, ItemKind.PROGRAM)), T0);
        rawCommands.pipeInput("tv1", "garbage".getBytes(StandardCharsets.UTF_8), T0);
        commands.pipeInput("tv9", enqueue("tv9", "c9", item("ep9", 5, ItemKind.PROGRAM)), T0);
        driver.createInputTopic(PipelineTopics.defaults().broadcasts(), new StringSerializer(),
                new ByteArraySerializer()).pipeInput("storm", "garbage".getBytes(StandardCharsets.UTF_8), T0);
        driver.advanceWallClockTime(Duration.ofSeconds(1));

        Map<String, Long> counts = new java.util.TreeMap<>();
        driver.<String, Long>getKeyValueStore(ChannelStores.COUNTS).all()
                .forEachRemaining(entry -> counts.put(entry.key, entry.value));
        assertThat(counts).containsExactlyInAnyOrderEntriesOf(Map.of("applied/command", 2L,
                "duplicate/command", 1L, "dead-lettered/deserialization", 1L, "dead-lettered/invalid", 1L,
                "broadcast-dead-lettered/deserialization", 1L));
        assertThat(deadLetters.readRecordsToList()).extracting(r -> header(r, DeadLetters.REASON))
                .containsExactly("deserialization", "invalid", "deserialization");
    }

    @Test
    void aCommandClaimingTwoBillionItemsIsDeadLetteredWithoutBeingAllocated() {
        byte[] empty = commandSerde.serializer().serialize(PipelineTopics.defaults().channelCommands(),
                new ChannelCommand("tv1", "c1", null, new Enqueue(List.of(), Position.END)));
        // The empty items array and the position are the last two bytes: claim 2e9 items instead, as zigzag varint.
        java.io.ByteArrayOutputStream claim = new java.io.ByteArrayOutputStream();
        claim.write(empty, 0, empty.length - 2);
        long zigzag = 2_000_000_000L << 1;
        while ((zigzag & ~0x7FL) != 0) {
            claim.write((int) ((zigzag & 0x7F) | 0x80));
            zigzag >>>= 7;
        }
        claim.write((int) zigzag);

        rawCommands.pipeInput("tv1", claim.toByteArray(), T0);

        TestRecord<String, byte[]> dead = deadLetters.readRecord();
        assertThat(header(dead, DeadLetters.REASON)).isEqualTo("deserialization");
        assertThat(header(dead, DeadLetters.DETAIL))
                .contains("Collection length 2000000000 exceeds the maximum allowed of 1000000");
        assertThat(header(dead, DeadLetters.ERROR_CLASS)).endsWith("AvroDeserializationException");
    }

    @Test
    void anItemWithABadKeyGoesToTheDeadLetterTopicWithTheRuleAndAnFmp4ItemAirsWithItsMap() {
        commands.pipeInput("tv1", configure("tv1"), T0);
        Item badKey = item("locked", 2, ItemKind.PROGRAM);
        ((VodSource) badKey.getSource()).getRenditions().get("720p").setKey(
                new org.hlspipeline.schemas.stream.SegmentKey("AES-256", "https://keys.example/k", null, null, null));
        commands.pipeInput("tv1", enqueue("tv1", "c1", badKey), T0);
        Item cmaf = item("cmaf", 3, ItemKind.PROGRAM);
        ((VodSource) cmaf.getSource()).getRenditions().values().forEach(r -> r.setMap(
                new org.hlspipeline.schemas.stream.InitSection("https://cdn.example/cmaf/init.mp4", null)));
        commands.pipeInput("tv1", enqueue("tv1", "c2", cmaf), T0);

        driver.advanceWallClockTime(Duration.ofSeconds(6));

        List<TestRecord<String, byte[]>> dead = deadLetters.readRecordsToList();
        assertThat(dead).extracting(r -> header(r, DeadLetters.REASON)).containsExactly("invalid");
        assertThat(header(dead.get(0), DeadLetters.DETAIL)).contains("rendition 720p: key method must be AES-128, "
                + "SAMPLE-AES or SAMPLE-AES-CTR, was 'AES-256'");
        assertThat(asRun.readValuesToList()).extracting(AiredSegment::getItemId).containsOnly("cmaf").hasSize(3);
        String playlist = PlaylistRenderer.renderMedia(ChannelPlaylists.media(channel("tv1"), "720p"));
        HlsRules.assertValidMediaPlaylist(playlist);
        assertThat(playlist).contains("#EXT-X-VERSION:6\n")
                .containsOnlyOnce("#EXT-X-MAP:URI=\"https://cdn.example/cmaf/init.mp4\"\n");
    }

    @Test
    void anAlertFromTheBroadcastsTopicAirsOnTheChannelsItTargetsAndProgrammingResumes() {
        commands.pipeInput("tv1", configure("tv1"), T0);
        commands.pipeInput("tv2", configure("tv2"), T0);
        commands.pipeInput("tv1", enqueue("tv1", "c1", item("ep1", 20, ItemKind.PROGRAM)), T0);
        commands.pipeInput("tv2", enqueue("tv2", "c2", item("ep2", 20, ItemKind.PROGRAM)), T0);
        Alert alert = Alert.newBuilder().setChannels(List.of("*")).setPriority(100)
                .setStartAt(T0.plusSeconds(5)).setDurationMicros(4_000_000L)
                .setItems(List.of(item("storm", 1, ItemKind.ALERT))).setAfter(AfterAlert.RESUME).build();

        broadcasts.pipeInput("storm", new Broadcast("storm", alert), T0);
        driver.advanceWallClockTime(Duration.ofSeconds(14));

        // Boundaries at T0+1, 3, 5, 7, 9, 11, 13 s. The alert starts at 5 s and ends at the first boundary at or
        // after 9 s; RESUME continues each episode at its next unaired segment.
        List<TestRecord<String, AiredSegment>> aired = asRun.readRecordsToList();
        for (String channel : List.of("tv1", "tv2")) {
            String episode = channel.equals("tv1") ? "ep1" : "ep2";
            List<String> labels = aired.stream().filter(r -> r.key().equals(channel))
                    .map(r -> r.value().getItemId() + "#" + r.value().getUris().get("720p")
                            .replaceAll(".*seg(\\d+)\\.ts", "$1")).toList();
            assertThat(labels).as(channel).containsExactly(episode + "#0", episode + "#1", "storm#0", "storm#0",
                    episode + "#2", episode + "#3", episode + "#4");
        }
    }
}
