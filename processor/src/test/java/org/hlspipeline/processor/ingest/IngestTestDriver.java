package org.hlspipeline.processor.ingest;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.hlspipeline.processor.kafka.PipelineTopics;
import org.hlspipeline.processor.kafka.UnreachableRegistry;
import org.hlspipeline.processor.window.RenditionWindow;
import org.hlspipeline.processor.window.StreamState;
import org.hlspipeline.schemas.registry.BundledSchemaRegistry;
import org.hlspipeline.schemas.registry.SchemaRegistry;
import org.hlspipeline.schemas.serde.AvroSerde;
import org.hlspipeline.schemas.stream.StreamEvent;

/** The stream ingest topology in a {@link TopologyTestDriver}, with its input, dead-letter topic and stores. */
final class IngestTestDriver implements AutoCloseable {

    final TopologyTestDriver driver;
    final TestInputTopic<String, StreamEvent> events;
    final TestInputTopic<String, byte[]> rawEvents;
    final TestOutputTopic<String, byte[]> deadLetters;

    IngestTestDriver(Instant wallClock) {
        this(wallClock, new BundledSchemaRegistry());
    }

    /** @param registry where the processor looks up schema ids; the test's producers use the bundled ids */
    IngestTestDriver(Instant wallClock, SchemaRegistry registry) {
        PipelineTopics topics = PipelineTopics.defaults();
        AvroSerde<StreamEvent> serde = AvroSerde.of(StreamEvent.class, new BundledSchemaRegistry());
        StreamIngestSettings settings = StreamIngestSettings.defaults(topics,
                        AvroSerde.of(StreamEvent.class, registry).deserializer())
                .withIdleTtl(Duration.ofHours(1));
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "ingest-test-" + java.util.UUID.randomUUID());
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(StreamIngestTopology.build(settings), props, wallClock);
        events = driver.createInputTopic(topics.streamEvents(), new StringSerializer(), serde.serializer(),
                wallClock, Duration.ofMillis(100));
        rawEvents = driver.createInputTopic(topics.streamEvents(), new StringSerializer(),
                new ByteArraySerializer(), wallClock, Duration.ofMillis(100));
        deadLetters = driver.createOutputTopic(topics.deadLetters(), new StringDeserializer(),
                new ByteArrayDeserializer());
    }

    RenditionWindow window(String stream, String rendition) {
        return driver.<String, RenditionWindow>getKeyValueStore(StreamStores.WINDOWS)
                .get(WindowKeys.of(stream, rendition));
    }

    StreamState stream(String stream) {
        return driver.<String, StreamState>getKeyValueStore(StreamStores.STREAMS).get(stream);
    }

    /** The task's exact counts ({@link StreamStores#COUNTS}), by key. */
    java.util.Map<String, Long> counts() {
        java.util.Map<String, Long> counts = new java.util.TreeMap<>();
        driver.<String, Long>getKeyValueStore(StreamStores.COUNTS).all()
                .forEachRemaining(entry -> counts.put(entry.key, entry.value));
        return counts;
    }

    static String header(TestRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        driver.close();
    }
}
