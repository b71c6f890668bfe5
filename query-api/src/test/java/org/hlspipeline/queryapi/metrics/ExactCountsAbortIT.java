package org.hlspipeline.queryapi.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.hlspipeline.processor.ingest.StreamEvents;
import org.hlspipeline.queryapi.testing.HttpPlaylists;
import org.hlspipeline.queryapi.testing.PipelineInstance;
import org.hlspipeline.queryapi.testing.TestKafka;
import org.hlspipeline.queryapi.testing.TestPipeline;
import org.hlspipeline.schemas.registry.BundledSchemaRegistry;
import org.hlspipeline.schemas.serde.AvroSerializer;
import org.hlspipeline.schemas.stream.StreamEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * An aborted exactly-once transaction, over the real broker: a real instance's processing fails once after a
 * segment is applied and before the commit. The store-backed count says how many records were applied, once
 * each; the per-instance Micrometer counter has counted the aborted work again (see docs/operations.md, "Exact
 * counters").
 */
@ExtendWith(OutputCaptureExtension.class)
class ExactCountsAbortIT {

    private static final int SEGMENTS = 20;

    @AfterEach
    void disarm() {
        AbortOnce.stream = null;
    }

    @Test
    void anAbortedTransactionDoublesTheMicrometerCounterButNotTheExactCount(@TempDir Path dataDir,
                                                                           CapturedOutput output) throws Exception {
        TestPipeline pipeline = TestPipeline.unique("abort");
        AbortOnce.stream = "abort";
        AbortOnce.applied.set(0);
        AbortOnce.thrown.set(false);
        // The dead thread's consumer does not leave the group: a short session lets its replacement take the task
        // over in seconds rather than after the default 45 s.
        try (PipelineInstance app = PipelineInstance.start(pipeline, dataDir,
                Map.of("spring.main.sources", AbortOnce.class.getName(),
                        "spring.kafka.streams.properties.session.timeout.ms", "6000"));
             KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                     ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                     ProducerConfig.LINGER_MS_CONFIG, 50), new StringSerializer(), new ByteArraySerializer())) {
            AvroSerializer<StreamEvent> avro = new AvroSerializer<>(new BundledSchemaRegistry());
            // One batch, so that the records before the failing one are likely in the aborted transaction too.
            for (int s = 1; s <= SEGMENTS; s++) {
                if (s == AbortOnce.THROW_AT - 1) {
                    producer.send(new ProducerRecord<>(pipeline.streamEvents(), "abort",
                            "not avro".getBytes(StandardCharsets.UTF_8)));
                }
                producer.send(new ProducerRecord<>(pipeline.streamEvents(), "abort",
                        avro.serialize(pipeline.streamEvents(), StreamEvents.segment("abort", "720p", s))));
            }
            producer.flush();

            await("every segment applied after the abort").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> Prometheus.scrape(app.http()).count("hls_segments_applied_exact") >= SEGMENTS
                            && app.http().get().uri(HttpPlaylists.mediaPath("abort", "720p")).exchange()
                            .returnResult(String.class).getResponseBody().collectList().block().toString()
                            .contains("seg" + SEGMENTS + ".ts"));
            Prometheus after = Prometheus.scrape(app.http());
            long exact = after.count("hls_segments_applied_exact");
            long perInstance = after.count("hls_segments_registered_total");
            long exactDlq = after.count("hls_dlq_records_exact", "input", "stream-events", "reason",
                    "deserialization");
            long perInstanceDlq = after.count("hls_dlq_records_total", "reason", "deserialization");
            System.out.printf("abort: %d segments and 1 garbage record sent; exact applied %d, "
                            + "hls_segments_registered_total %d; exact dead letters %d, hls_dlq_records_total %d%n",
                    SEGMENTS, exact, perInstance, exactDlq, perInstanceDlq);

            assertThat(AbortOnce.thrown).isTrue();
            assertThat(output.getAll()).contains("Stream thread failed; replacing it")
                    .contains("injected fault after applying segment " + AbortOnce.THROW_AT);
            assertThat(exact).isEqualTo(SEGMENTS);
            assertThat(after.count("hls_records_exact", "input", "stream-events", "outcome", "applied"))
                    .isEqualTo(SEGMENTS);
            assertThat(after.count("hls_records_exact", "input", "stream-events", "outcome", "duplicate")).isZero();
            assertThat(exactDlq).isEqualTo(1);
            // The failing record was counted before the throw and again when it was processed again.
            assertThat(perInstance).isGreaterThan(SEGMENTS);
            assertThat(perInstanceDlq).isGreaterThanOrEqualTo(1);
        }
    }
}
