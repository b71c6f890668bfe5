package org.hlspipeline.processor.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hlspipeline.processor.ingest.StreamEvents.end;
import static org.hlspipeline.processor.ingest.StreamEvents.segment;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.hlspipeline.processor.kafka.PipelineTopics;
import org.hlspipeline.processor.window.RenditionWindow;
import org.hlspipeline.schemas.registry.BundledSchemaRegistry;
import org.hlspipeline.schemas.serde.AvroSerde;
import org.hlspipeline.schemas.stream.LiveWindow;
import org.hlspipeline.schemas.stream.LiveWindowSegment;
import org.hlspipeline.schemas.stream.StreamEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Stream ingest publishes every window, as its playlist shows it, to the live-windows topic. */
class LiveWindowsTopicTest {

    private static final Instant T0 = Instant.parse("2026-11-21T20:00:00Z");

    private final BundledSchemaRegistry registry = new BundledSchemaRegistry();
    private final AvroSerde<StreamEvent> events = AvroSerde.of(StreamEvent.class, registry);
    private final AvroSerde<LiveWindow> windows = AvroSerde.of(LiveWindow.class, registry);
    private final PipelineTopics topics = PipelineTopics.defaults();
    private TopologyTestDriver driver;
    private TestInputTopic<String, StreamEvent> input;
    private TestOutputTopic<String, LiveWindow> output;

    @BeforeEach
    void start() {
        StreamIngestSettings settings = StreamIngestSettings.defaults(topics, events.deserializer())
                .withIdleTtl(Duration.ofHours(1)).withLiveWindows(windows.serializer());
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "live-windows-test-" + UUID.randomUUID());
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(StreamIngestTopology.build(settings), props, T0);
        input = driver.createInputTopic(topics.streamEvents(), new StringSerializer(), events.serializer());
        output = driver.createOutputTopic(topics.liveWindows(), new StringDeserializer(), windows.deserializer());
    }

    @AfterEach
    void close() {
        driver.close();
    }

    @Test
    void eachAppliedSegmentPublishesTheWindowUnderTheWindowKey() {
        input.pipeInput("news", segment("news", "720p", 1), T0);
        input.pipeInput("news", segment("news", "720p", 2), T0.plusSeconds(2));

        List<TestRecord<String, LiveWindow>> records = output.readRecordsToList();

        assertThat(records).extracting(TestRecord::key).containsExactly("news/720p", "news/720p");
        LiveWindow latest = records.get(1).value();
        assertThat(latest.getStreamId()).isEqualTo("news");
        assertThat(latest.getRendition()).isEqualTo("720p");
        assertThat(latest.getMediaSequence()).isEqualTo(1);
        assertThat(latest.getEnded()).isFalse();
        assertThat(latest.getSegments()).extracting(LiveWindowSegment::getUri).containsExactly("seg1.ts", "seg2.ts");
        RenditionWindow stored = driver.<String, RenditionWindow>getKeyValueStore(StreamStores.WINDOWS)
                .get("news/720p");
        assertThat(latest.getVersion()).isEqualTo(stored.version());
        assertThat(latest.getTargetDurationSeconds()).isEqualTo(stored.targetDurationSeconds());
    }

    @Test
    void whatPlayersCannotSeeYetIsNotPublished() {
        input.pipeInput("news", segment("news", "720p", 1), T0);
        output.readRecordsToList();

        input.pipeInput("news", segment("news", "720p", 3), T0.plusSeconds(1)); // waits for 2, pending
        input.pipeInput("news", segment("news", "720p", 1), T0.plusSeconds(1)); // a duplicate

        assertThat(output.isEmpty()).isTrue();
        input.pipeInput("news", segment("news", "720p", 2), T0.plusSeconds(2)); // releases 2 and 3
        assertThat(output.readValue().getSegments()).extracting(LiveWindowSegment::getSequence)
                .containsExactly(1L, 2L, 3L);
    }

    @Test
    void theEndOfTheStreamIsPublishedForEveryRendition() {
        input.pipeInput("news", segment("news", "720p", 1), T0);
        input.pipeInput("news", segment("news", "480p", 1), T0);
        output.readRecordsToList();

        input.pipeInput("news", end("news"), T0.plusSeconds(1));

        assertThat(output.readRecordsToList()).extracting(r -> r.key() + " ended=" + r.value().getEnded())
                .containsExactlyInAnyOrder("news/720p ended=true", "news/480p ended=true");
    }

    @Test
    void aRemovedStreamLeavesATombstonePerWindow() {
        input.pipeInput("news", segment("news", "720p", 1), T0);
        input.pipeInput("news", segment("news", "480p", 1), T0);
        output.readRecordsToList();

        driver.advanceWallClockTime(Duration.ofMinutes(62)); // past the 1 h idle TTL

        List<TestRecord<String, LiveWindow>> records = output.readRecordsToList();
        assertThat(records).extracting(TestRecord::key).containsExactlyInAnyOrder("news/720p", "news/480p");
        assertThat(records).allSatisfy(r -> assertThat(r.value()).isNull());
    }

    @Test
    void everyRenditionOfAStreamGoesToTheStreamIdsPartition() {
        int partitions = 6;
        int streamEventsPartition = Utils.toPositive(Utils.murmur2("news".getBytes(StandardCharsets.UTF_8)))
                % partitions;

        for (String key : List.of("news/720p", "news/480p", "news/audio")) {
            assertThat(LiveWindowPublisher.BY_STREAM_ID.partitions(topics.liveWindows(), key, null, partitions))
                    .hasValue(Set.of(streamEventsPartition));
        }
    }
}
