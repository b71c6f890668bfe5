package org.hlspipeline.queryapi.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hlspipeline.queryapi.testing.HttpPlaylists.register;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringSerializer;

import org.hlspipeline.schemas.channel.AiredSegment;
import org.hlspipeline.schemas.channel.Enqueue;
import org.hlspipeline.schemas.channel.Item;
import org.hlspipeline.schemas.channel.ItemKind;
import org.hlspipeline.schemas.channel.LiveSource;
import org.hlspipeline.schemas.channel.Position;
import org.hlspipeline.queryapi.testing.HttpPlaylists;
import org.hlspipeline.queryapi.testing.PipelineInstance;
import org.hlspipeline.queryapi.testing.TestKafka;
import org.hlspipeline.queryapi.testing.TestPipeline;
import org.hlspipeline.schemas.registry.BundledSchemaRegistry;
import org.hlspipeline.schemas.serde.AvroSerializer;
import org.hlspipeline.schemas.stream.LiveWindow;
import org.hlspipeline.schemas.stream.LiveWindowSegment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A channel relays a live stream that a transcoder publishes on the stream-events topic, over a real broker:
 * the stream and the channel live on whatever partitions their ids hash to. The test plays the transcoder and
 * publishes the next segment only once the channel has aired the previous one, so nothing waits on a timer.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiveRelayIT {

    private static final Duration AT_MOST = Duration.ofSeconds(30);

    private final TestPipeline pipeline = TestPipeline.unique("relay");
    private PipelineInstance app;
    private ChannelKafka.Publisher publisher;
    private ChannelKafka.AsRun asRun;

    @BeforeAll
    void start(@TempDir Path dataDir) {
        app = PipelineInstance.start(pipeline, dataDir);
        publisher = new ChannelKafka.Publisher();
        asRun = new ChannelKafka.AsRun(pipeline.asRun());
    }

    @AfterAll
    void stop() {
        asRun.close();
        publisher.close();
        app.close();
    }

    /** A 1 s segment of the stream, in both renditions of the channel's ladder. */
    private void publishSegment(String stream, long sequence) {
        WebTestClient http = app.http();
        for (String rendition : ChannelKafka.LADDER) {
            register(http, stream, rendition, sequence, 1.0, "https://live.example/" + stream + "/" + rendition
                    + "/" + sequence + ".ts").expectStatus().isCreated().expectBody(Void.class);
        }
    }

    private static Item live(String itemId, String stream, Long maxMicros) {
        return new Item(itemId, ItemKind.PROGRAM, "Live " + stream, new LiveSource(stream, maxMicros), null, null,
                false, false);
    }

    private void startChannel(String channel, Item... items) {
        long now = System.currentTimeMillis();
        publisher.command(pipeline.channelCommands(), ChannelKafka.command(channel, channel + "-configure", null,
                ChannelKafka.configure(ChannelKafka.vod("slate", ItemKind.FILLER, 2))), now);
        publisher.command(pipeline.channelCommands(), ChannelKafka.command(channel, channel + "-enqueue", null,
                new Enqueue(List.of(items), Position.END)), now);
    }

    private List<AiredSegment> awaitAired(String channel, String what, java.util.function.Predicate<List<AiredSegment>> done) {
        return asRun.awaitThat(channel, what, AT_MOST, done);
    }

    private static boolean relayed(List<AiredSegment> aired, String stream, long sequence) {
        return aired.stream().anyMatch(s -> s.getUris().get("720p").endsWith("/" + stream + "/720p/" + sequence + ".ts"));
    }

    @Test
    void aLiveItemRelaysTheStreamRenumberedAndSwitchesOutAfterItsMaximumDuration() {
        publishSegment("news", 1);
        publishSegment("news", 2);
        startChannel("relay-tv", ChannelKafka.vod("intro", ItemKind.BUMPER, 1), live("news-item", "news", 3_000_000L),
                ChannelKafka.vod("ep", ItemKind.PROGRAM, 2));

        awaitAired("relay-tv", "joins at the live edge", aired -> relayed(aired, "news", 2));
        publishSegment("news", 3);
        awaitAired("relay-tv", "relays 3", aired -> relayed(aired, "news", 3));
        publishSegment("news", 4);
        List<AiredSegment> aired = awaitAired("relay-tv", "switches out to ep after 3 s of relay",
                list -> list.stream().anyMatch(s -> s.getItemId().equals("ep")));

        List<AiredSegment> fromJoin = aired.stream().dropWhile(s -> !relayed(List.of(s), "news", 2)).toList();
        assertThat(fromJoin).extracting(s -> s.getItemId()).startsWith("news-item", "news-item", "news-item", "ep");
        assertThat(fromJoin.subList(0, 3)).extracting(s -> s.getUris().get("480p")).containsExactly(
                "https://live.example/news/480p/2.ts", "https://live.example/news/480p/3.ts",
                "https://live.example/news/480p/4.ts");
        assertThat(fromJoin.get(0).getDiscontinuity()).as("switch-in").isTrue();
        assertThat(fromJoin.get(1).getDiscontinuity()).isFalse();
        assertThat(fromJoin.get(3).getDiscontinuity()).as("switch-out").isTrue();
        for (int i = 1; i < aired.size(); i++) {
            assertThat(aired.get(i).getMediaSequence()).isEqualTo(aired.get(i - 1).getMediaSequence() + 1);
        }
        String playlist = new String(app.http().get().uri("/channels/relay-tv/renditions/720p/playlist.m3u8")
                .exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody());
        org.hlspipeline.processor.hls.HlsRules.assertValidMediaPlaylist(playlist);
    }

    @Test
    void aStalledStreamIsFilledWithFillerUntilItResumesAndItsEndEndsTheItem() {
        publishSegment("sports", 10);
        startChannel("stall-tv", live("sports-item", "sports", null), ChannelKafka.vod("after", ItemKind.PROGRAM, 1));

        awaitAired("stall-tv", "relays 10", aired -> relayed(aired, "sports", 10));
        awaitAired("stall-tv", "fills the stall with the filler",
                aired -> aired.stream().anyMatch(s -> s.getItemId().equals("slate")));
        publishSegment("sports", 11);
        awaitAired("stall-tv", "resumes the relay at 11", aired -> relayed(aired, "sports", 11));
        HttpPlaylists.end(app.http(), "sports");
        List<AiredSegment> aired = awaitAired("stall-tv", "the stream's end ends the item",
                list -> list.stream().anyMatch(s -> s.getItemId().equals("after")));

        List<String> items = aired.stream().map(AiredSegment::getItemId).dropWhile(id -> !id.equals("sports-item"))
                .toList();
        assertThat(items.get(0)).isEqualTo("sports-item");
        assertThat(items).containsSubsequence("sports-item", "slate", "sports-item", "after");
        AiredSegment firstFiller = aired.stream().filter(s -> s.getItemId().equals("slate")).findFirst().orElseThrow();
        AiredSegment back = aired.stream().filter(s -> relayed(List.of(s), "sports", 11)).findFirst().orElseThrow();
        assertThat(firstFiller.getDiscontinuity()).isTrue();
        assertThat(back.getDiscontinuity()).isTrue();
    }

    /**
     * The relay reads the live-windows topic and nothing else: a window written straight to it, for a stream
     * that never sent an event (no store, no changelog holds it), is relayed. The app created the topic
     * compacted, since a relay only needs each window's latest value.
     */
    @Test
    void aWindowOnTheLiveWindowsTopicAloneIsRelayed() throws Exception {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, LiveWindow> producer = new KafkaProducer<>(config, new StringSerializer(),
                new AvroSerializer<>(new BundledSchemaRegistry()))) {
            for (String rendition : ChannelKafka.LADDER) {
                LiveWindowSegment segment = new LiveWindowSegment(7L, "https://live.example/ghost/" + rendition
                        + "/7.ts", 1_000_000L, false, false, null, null, null, null);
                producer.send(new ProducerRecord<>(pipeline.liveWindows(), "ghost/" + rendition,
                        new LiveWindow("ghost", rendition, 1, 7L, 0L, List.of(segment), false, 1L))).get();
            }
        }
        startChannel("ghost-tv", live("ghost-item", "ghost", null));

        awaitAired("ghost-tv", "relays the window published on the topic", aired -> relayed(aired, "ghost", 7));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestKafka.bootstrapServers()))) {
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, pipeline.liveWindows());
            Config topicConfig = admin.describeConfigs(List.of(topic)).all().get().get(topic);
            assertThat(topicConfig.get(TopicConfig.CLEANUP_POLICY_CONFIG).value())
                    .isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
        }
    }
}
