package org.hlspipeline.tools.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.net.ConnectException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.hlspipeline.schemas.registry.BundledSchemaRegistry;
import org.hlspipeline.schemas.registry.BundledSchemas;
import org.hlspipeline.schemas.registry.SchemaRegistry;
import org.hlspipeline.schemas.registry.SchemaRegistryException;
import org.hlspipeline.schemas.serde.AvroDeserializer;
import org.hlspipeline.schemas.serde.AvroSerializer;
import org.hlspipeline.schemas.stream.EndOfStream;
import org.hlspipeline.schemas.stream.Segment;
import org.hlspipeline.schemas.stream.StreamEvent;
import org.hlspipeline.tools.ToolRun;
import org.hlspipeline.tools.cli.ClientSettings;
import org.hlspipeline.tools.cli.ExitCodes;
import org.junit.jupiter.api.Test;

/**
 * The Kafka publisher with {@link MockProducer} standing in for the network only: the serializer, the registry
 * and the bytes are the real ones.
 */
class KafkaEventPublisherTest {

    private static final String TOPIC = "hls.stream-events";

    private static MockProducer<byte[], byte[]> mockProducer(boolean autoComplete) {
        // Without cluster metadata the mock puts every record in partition 0, at offsets 0, 1, 2, ...
        return new MockProducer<>(autoComplete, null, new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static KafkaEventPublisher publisher(MockProducer<byte[], byte[]> producer, SchemaRegistry registry) {
        return new KafkaEventPublisher(producer, new AvroSerializer<>(registry), "127.0.0.1:9092",
                Duration.ofSeconds(30));
    }

    @Test
    void theToolWritesConfluentWireFormatWithTheBundledStreamEventId() {
        MockProducer<byte[], byte[]> producer = mockProducer(true);
        PublisherFactory factory = settings -> publisher(producer, new BundledSchemaRegistry());

        ToolRun run = ToolRun.run(factory, "segment", "--stream", "news", "--rendition", "720p", "--sequence", "42",
                "--duration", "2.002", "--path", "https://cdn.example/news/720p/seg42.ts",
                "--program-date-time", "2026-11-21T20:00:00.250Z", "--discontinuity");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(producer.history()).hasSize(1);
        ProducerRecord<byte[], byte[]> record = producer.history().get(0);
        assertThat(record.topic()).isEqualTo(TOPIC);
        assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo("news");

        byte[] value = record.value();
        assertThat(value[0]).isEqualTo((byte) 0x00);
        assertThat(Arrays.copyOfRange(value, 1, 5)).containsExactly(0, 0, 0, 9);
        assertThat(ByteBuffer.wrap(value, 1, 4).getInt()).isEqualTo(BundledSchemas.STREAM_EVENT_V3.id());

        StreamEvent decoded = new AvroDeserializer<>(StreamEvent.class, new BundledSchemaRegistry())
                .deserialize(TOPIC, value);
        assertThat(decoded).isEqualTo(StreamEvent.newBuilder()
                .setStreamId("news")
                .setEventId(null)
                .setPayload(Segment.newBuilder()
                        .setRendition("720p")
                        .setSequence(42)
                        .setDurationMicros(2_002_000)
                        .setUri("https://cdn.example/news/720p/seg42.ts")
                        .setProgramDateTime(Instant.parse("2026-11-21T20:00:00.250Z"))
                        .setDiscontinuity(true)
                        .build())
                .build());

        assertThat(run.out()).isEqualTo("published segment news/720p #42 to hls.stream-events[0]@0"
                + System.lineSeparator());
        assertThat(producer.closed()).isTrue();
    }

    @Test
    void anEndOfStreamDecodesBackToTheSameEvent() throws PublishException {
        MockProducer<byte[], byte[]> producer = mockProducer(true);
        StreamEvent end = StreamEvent.newBuilder().setStreamId("news").setEventId("e-1")
                .setPayload(EndOfStream.newBuilder().setReason("over").build()).build();

        try (KafkaEventPublisher publisher = publisher(producer, new BundledSchemaRegistry())) {
            Delivery first = publisher.publish(TOPIC, "news", end);
            Delivery second = publisher.publish(TOPIC, "news", end);
            assertThat(second.partition()).isEqualTo(first.partition());
            assertThat(second.offset()).isEqualTo(first.offset() + 1);
        }

        byte[] value = producer.history().get(0).value();
        assertThat(new AvroDeserializer<>(StreamEvent.class, new BundledSchemaRegistry()).deserialize(TOPIC, value))
                .isEqualTo(end);
    }

    @Test
    void aFailedAcknowledgementIsClassifiedAndTheProducerClosedAtOnce() {
        MockProducer<byte[], byte[]> producer = mockProducer(false);
        KafkaEventPublisher publisher = publisher(producer, new BundledSchemaRegistry());
        StreamEvent end = StreamEvent.newBuilder().setStreamId("news")
                .setPayload(EndOfStream.newBuilder().build()).build();

        CompletableFuture<Throwable> outcome = CompletableFuture.supplyAsync(() -> {
            try {
                publisher.publish(TOPIC, "news", end);
                return null;
            } catch (PublishException e) {
                return e;
            }
        });
        Throwable failure = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            // The record is pending once the publisher is waiting on it; fail it then.
            while (!producer.errorNext(new TopicAuthorizationException("Not authorized to access topics: [" + TOPIC
                    + "]"))) {
                Thread.onSpinWait();
            }
            return outcome.join();
        });
        publisher.close();

        assertThat(failure).isInstanceOf(PublishException.class);
        assertThat(((PublishException) failure).failure()).isEqualTo(PublishException.Failure.REFUSED);
        assertThat(failure).hasMessageStartingWith("not authorized to write to hls.stream-events");
        assertThat(producer.closed()).isTrue();
    }

    @Test
    void aSendThatTimesOutIsUnavailableWithAHint() {
        MockProducer<byte[], byte[]> producer = mockProducer(true);
        producer.sendException = new TimeoutException("Topic hls.stream-events not present in metadata after 10000 ms.");
        KafkaEventPublisher publisher = publisher(producer, new BundledSchemaRegistry());

        assertThatThrownBy(() -> publisher.publish(TOPIC, "news",
                StreamEvent.newBuilder().setStreamId("news").setPayload(new EndOfStream()).build()))
                .isInstanceOfSatisfying(PublishException.class, e -> {
                    assertThat(e.failure()).isEqualTo(PublishException.Failure.UNAVAILABLE);
                    assertThat(e.failure().exitCode()).isEqualTo(3);
                })
                .hasMessageContaining("Kafka at 127.0.0.1:9092 did not take the record for hls.stream-events")
                .hasMessageContaining("not present in metadata after 10000 ms")
                .hasMessageContaining("Is the broker running");
    }

    @Test
    void kafkaErrorsMapToRetryableOrFinalExitCodes() {
        assertThat(KafkaEventPublisher.kafkaFailure(TOPIC, "b:9092", new NotLeaderOrFollowerException("moved"))
                .failure()).isEqualTo(PublishException.Failure.UNAVAILABLE);
        PublishException authentication = KafkaEventPublisher.kafkaFailure(TOPIC, "b:9092",
                new SaslAuthenticationException("Authentication failed: Invalid username or password"));
        assertThat(authentication.failure()).isEqualTo(PublishException.Failure.REFUSED);
        assertThat(authentication).hasMessageContaining("authentication failed")
                .hasMessageContaining("--command-config");
        assertThat(KafkaEventPublisher.kafkaFailure(TOPIC, "b:9092", new RecordTooLargeException("too big"))
                .failure()).isEqualTo(PublishException.Failure.REFUSED);
    }

    @Test
    void anUnreachableRegistryIsUnavailableAndNothingIsSent() {
        MockProducer<byte[], byte[]> producer = mockProducer(true);
        SchemaRegistry unreachable = registryFailing(new SchemaRegistryException(
                "could not register schema: http://registry:8081/subjects/hls.stream-events-value/versions is "
                        + "unreachable", new ConnectException("Connection refused")));

        assertThatThrownBy(() -> publisher(producer, unreachable).publish(TOPIC, "news",
                StreamEvent.newBuilder().setStreamId("news").setPayload(new EndOfStream()).build()))
                .isInstanceOfSatisfying(PublishException.class,
                        e -> assertThat(e.failure()).isEqualTo(PublishException.Failure.UNAVAILABLE))
                .hasMessageStartingWith("schema registry: could not register schema");
        assertThat(producer.history()).isEmpty();
    }

    @Test
    void aRegistryRefusalIsFinal() {
        SchemaRegistry refusing = registryFailing(new SchemaRegistryException(
                "could not register schema: http://registry:8081/... answered HTTP 401: Unauthorized", 401,
                SchemaRegistryException.NONE, null));

        assertThatThrownBy(() -> publisher(mockProducer(true), refusing).publish(TOPIC, "news",
                StreamEvent.newBuilder().setStreamId("news").setPayload(new EndOfStream()).build()))
                .isInstanceOfSatisfying(PublishException.class,
                        e -> assertThat(e.failure()).isEqualTo(PublishException.Failure.REFUSED));
    }

    @Test
    void producerConfigIsDurableAndFailsFastWhateverTheFileSays() {
        ClientSettings settings = new ClientSettings("kafka:9093", TOPIC, Map.of(
                "security.protocol", "SASL_SSL",
                "acks", "1",
                "enable.idempotence", "false",
                "max.block.ms", "3000",
                "schema.registry.url", "https://registry:8081",
                "schema.registry.ssl.truststore.location", "/etc/ts.p12",
                "basic.auth.user.info", "u:p"));

        Map<String, Object> config = KafkaEventPublisher.producerConfig(settings);

        assertThat(config).containsEntry("bootstrap.servers", "kafka:9093")
                .containsEntry("acks", "all")
                .containsEntry("enable.idempotence", true)
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("max.block.ms", "3000")
                .containsEntry("delivery.timeout.ms", 15_000)
                .containsEntry("request.timeout.ms", 10_000)
                .doesNotContainKeys("schema.registry.url", "schema.registry.ssl.truststore.location",
                        "basic.auth.user.info");
        assertThat(KafkaEventPublisher.producerConfig(new ClientSettings("k:1", TOPIC, Map.of())))
                .containsEntry("max.block.ms", 10_000);
    }

    private static SchemaRegistry registryFailing(SchemaRegistryException failure) {
        return new SchemaRegistry() {
            @Override
            public int register(String subject, org.apache.avro.Schema schema) {
                throw failure;
            }

            @Override
            public org.apache.avro.Schema schemaById(int id) {
                throw failure;
            }
        };
    }
}
