package org.hlspipeline.queryapi.stream;

import org.hlspipeline.processor.ingest.StreamEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hlspipeline.queryapi.testing.DeadLetterTopic.header;
import static org.hlspipeline.queryapi.testing.HttpPlaylists.playlist;
import static org.hlspipeline.queryapi.testing.HttpPlaylists.register;
import static org.hlspipeline.queryapi.testing.HttpPlaylists.registered;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.hlspipeline.processor.kafka.DeadLetters;
import org.hlspipeline.processor.hls.HlsPlaylistParser;
import org.hlspipeline.schemas.registry.BundledSchemaRegistry;
import org.hlspipeline.schemas.serde.AvroDeserializer;
import org.hlspipeline.schemas.serde.AvroSerializer;
import org.hlspipeline.schemas.stream.Segment;
import org.hlspipeline.schemas.stream.StreamEvent;
import org.hlspipeline.queryapi.testing.DeadLetterTopic;
import org.hlspipeline.queryapi.testing.PipelineInstance;
import org.hlspipeline.queryapi.testing.TestKafka;
import org.hlspipeline.queryapi.testing.TestPipeline;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Records that cannot be applied reach the dead-letter topic, over real Kafka, with their original bytes and a
 * reason; the topology keeps running and later valid events are still applied.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StreamDeadLetterIT {

    private final TestPipeline pipeline = TestPipeline.unique("dlq");
    private PipelineInstance app;
    private DeadLetterTopic deadLetters;
    private KafkaProducer<String, byte[]> producer;

    @BeforeAll
    void start(@TempDir Path dataDir) {
        app = PipelineInstance.start(pipeline, dataDir);
        deadLetters = new DeadLetterTopic(pipeline.deadLetters());
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer());
    }

    @AfterAll
    void stop() {
        producer.close();
        deadLetters.close();
        app.close();
    }

    private ConsumerRecord<String, byte[]> awaitDeadLetter(String key, String reason) {
        return await("dead letter " + reason + " for " + key).atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> deadLetters.records().stream()
                        .filter(r -> key.equals(r.key()) && reason.equals(header(r, DeadLetters.REASON)))
                        .findFirst(), java.util.Optional::isPresent).get();
    }

    @Test
    void garbageBytesGoToTheDeadLetterTopicAndLaterEventsAreStillProcessed() throws Exception {
        byte[] garbage = "{\"sequence\": 1, \"this is\": \"JSON, not Avro\"}".getBytes(StandardCharsets.UTF_8);
        producer.send(new ProducerRecord<>(pipeline.streamEvents(), "garbage", garbage)).get();

        ConsumerRecord<String, byte[]> dead = awaitDeadLetter("garbage", "deserialization");
        assertThat(dead.value()).isEqualTo(garbage);
        assertThat(header(dead, DeadLetters.DETAIL)).contains("magic byte");
        assertThat(header(dead, DeadLetters.SOURCE_TOPIC)).isEqualTo(pipeline.streamEvents());
        assertThat(header(dead, DeadLetters.SOURCE_OFFSET)).isNotBlank();

        registered(app.http(), "garbage", "720p", 1);
        assertThat(HlsPlaylistParser.parseMedia(playlist(app.http(), "garbage", "720p")).uris())
                .containsExactly("/segments/1.ts");
    }

    @Test
    void aConflictingDuplicateGoesToTheDeadLetterTopicWithReasonConflict() {
        register(app.http(), "conflict", "720p", 1, 2.0, "/first.ts").expectStatus().isCreated().expectBody(Void.class);

        register(app.http(), "conflict", "720p", 1, 2.0, "/second.ts").expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("/problems/segment-conflict");

        ConsumerRecord<String, byte[]> dead = awaitDeadLetter("conflict", "conflict");
        StreamEvent rejected = new AvroDeserializer<>(StreamEvent.class, new BundledSchemaRegistry())
                .deserialize(pipeline.streamEvents(), dead.value());
        assertThat(((Segment) rejected.getPayload()).getUri()).isEqualTo("/second.ts");
        assertThat(playlist(app.http(), "conflict", "720p")).contains("/first.ts").doesNotContain("/second.ts");
    }

    @Test
    void aValidAvroEventThatBreaksARuleIsDeadLetteredAsInvalid() throws Exception {
        StreamEvent event = StreamEvents.segment("invalid", "720p", 1, 2.0, "/ok.ts");
        byte[] bytes = new AvroSerializer<StreamEvent>(new BundledSchemaRegistry())
                .serialize(pipeline.streamEvents(), event);
        producer.send(new ProducerRecord<>(pipeline.streamEvents(), "another-key", bytes)).get();

        ConsumerRecord<String, byte[]> dead = awaitDeadLetter("another-key", "invalid");
        assertThat(header(dead, DeadLetters.DETAIL)).contains("differs from streamId");
        List<String> reasons = deadLetters.records().stream().map(r -> header(r, DeadLetters.REASON)).toList();
        assertThat(reasons).doesNotContainNull();
    }
}
