package org.hlspipeline.processor.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hlspipeline.processor.ingest.StreamEvents.segment;
import static org.hlspipeline.processor.ingest.StreamIngestTopologyTest.header;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.hlspipeline.processor.kafka.DeadLetters;
import org.hlspipeline.processor.kafka.KeyPartitions;
import org.hlspipeline.processor.kafka.PipelineTopics;
import org.hlspipeline.processor.kafka.Placement;
import org.hlspipeline.processor.window.RenditionWindow;
import org.hlspipeline.processor.window.SegmentOutcome;
import org.hlspipeline.processor.window.WindowSegment;
import org.hlspipeline.schemas.registry.BundledSchemaRegistry;
import org.hlspipeline.schemas.serde.AvroSerde;
import org.hlspipeline.schemas.stream.StreamEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The placement check in front of the stream processor. The driver reads every input record from partition 0;
 * told that the topic has 6 partitions, it sees a stream whose murmur2 partition is another as misplaced, so the
 * reroute through the repartition topic runs as it does on a real cluster.
 */
class StreamPlacementTopologyTest {

    private static final Instant T0 = Instant.parse("2026-11-21T20:00:00Z");
    private static final int PARTITIONS = 6;

    private final PipelineTopics topics = PipelineTopics.defaults();
    private final AvroSerde<StreamEvent> serde = AvroSerde.of(StreamEvent.class, new BundledSchemaRegistry());
    private final List<String> misplaced = new ArrayList<>();
    private final List<SegmentOutcome> outcomes = new ArrayList<>();
    private TopologyTestDriver driver;
    private TestInputTopic<String, StreamEvent> events;
    private TestOutputTopic<String, byte[]> deadLetters;
    private KeyValueStore<String, RenditionWindow> windows;
    private String away;
    private String home;

    private Topology topology() {
        StreamIngestSettings settings = StreamIngestSettings.defaults(topics, serde.deserializer())
                .withListener(new IngestListener() {
                    @Override
                    public void segmentApplied(String streamId, String rendition, SegmentOutcome outcome,
                                               long eventToVisibleMillis) {
                        outcomes.add(outcome);
                    }
                });
        Placement placement = new Placement(topic -> PARTITIONS,
                (topic, key, partition, keyPartition) -> misplaced.add(topic + " " + key + " " + partition + "→"
                        + keyPartition));
        return StreamIngestTopology.build(settings, placement);
    }

    @BeforeEach
    void start() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "placement-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(topology(), props, T0);
        events = driver.createInputTopic(topics.streamEvents(), new StringSerializer(), serde.serializer(),
                T0, Duration.ofMillis(100));
        deadLetters = driver.createOutputTopic(topics.deadLetters(), new StringDeserializer(),
                new ByteArrayDeserializer());
        windows = driver.getKeyValueStore(StreamStores.WINDOWS);
        away = keyWithPartition(false);
        home = keyWithPartition(true);
    }

    @AfterEach
    void close() {
        driver.close();
    }

    /** A stream id whose murmur2 partition among 6 is (or is not) 0, the partition the driver reads from. */
    private static String keyWithPartition(boolean zero) {
        for (int i = 0; ; i++) {
            String key = "news-" + i;
            if ((KeyPartitions.of(key, PARTITIONS) == 0) == zero) {
                return key;
            }
        }
    }

    private List<Long> sequences(String stream) {
        RenditionWindow window = windows.get(WindowKeys.of(stream, "720p"));
        return window == null ? List.of() : window.segments().stream().map(WindowSegment::sequence).toList();
    }

    @Test
    void aMisplacedStreamIsReroutedToItsPartitionAppliedInOrderAndCounted() {
        for (long s = 1; s <= 3; s++) {
            events.pipeInput(away, segment(away, "720p", s));
        }

        assertThat(sequences(away)).containsExactly(1L, 2L, 3L);
        String expected = topics.streamEvents() + " " + away + " 0→" + KeyPartitions.of(away, PARTITIONS);
        assertThat(misplaced).containsExactly(expected, expected, expected);
        // Each record reached the processor once, by the reroute alone: a second copy would show as a duplicate.
        assertThat(outcomes).containsExactly(SegmentOutcome.APPENDED, SegmentOutcome.APPENDED,
                SegmentOutcome.APPENDED);
        assertThat(deadLetters.isEmpty()).isTrue();
    }

    @Test
    void aStreamOnItsOwnPartitionTakesNoHopAndIsNotCounted() {
        events.pipeInput(home, segment(home, "720p", 1));

        assertThat(sequences(home)).containsExactly(1L);
        assertThat(outcomes).containsExactly(SegmentOutcome.APPENDED);
        assertThat(misplaced).isEmpty();
    }

    @Test
    void theDeadLetterOfAReroutedRecordNamesTheInputItWasProducedTo() {
        events.pipeInput(home, segment(home, "720p", 1));
        events.pipeInput(away, segment("not-" + away, "720p", 1));

        TestRecord<String, byte[]> dead = deadLetters.readRecord();
        assertThat(dead.key()).isEqualTo(away);
        assertThat(header(dead, DeadLetters.REASON)).isEqualTo("invalid");
        assertThat(header(dead, DeadLetters.SOURCE_TOPIC)).isEqualTo(topics.streamEvents());
        assertThat(header(dead, DeadLetters.SOURCE_PARTITION)).isEqualTo("0");
        assertThat(header(dead, DeadLetters.SOURCE_OFFSET)).isEqualTo("1");
        assertThat(dead.headers().toArray()).extracting(Header::key).noneMatch(k -> k.startsWith("hls.placement"));
        assertThat(misplaced).hasSize(1);
    }

    @Test
    void theRerouteIsARepartitionTopicReadByTheProcessorsOwnSubtopology() {
        TopologyDescription description = topology().describe();
        TopologyDescription.Subtopology processor = description.subtopologies().stream()
                .filter(sub -> sub.nodes().stream().anyMatch(n -> n.name().equals(StreamIngestTopology.PROCESSOR)))
                .findFirst().orElseThrow();
        Set<String> sources = new HashSet<>();
        processor.nodes().stream().filter(TopologyDescription.Source.class::isInstance)
                .forEach(n -> sources.addAll(((TopologyDescription.Source) n).topicSet()));

        assertThat(sources).containsExactlyInAnyOrder(topics.streamEvents(), "stream-events-by-key-repartition");
    }
}
