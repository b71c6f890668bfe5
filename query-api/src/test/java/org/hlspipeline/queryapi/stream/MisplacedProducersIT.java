package org.hlspipeline.queryapi.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hlspipeline.queryapi.testing.HttpPlaylists.mediaPath;
import static org.hlspipeline.queryapi.testing.HttpPlaylists.playlist;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import java.util.zip.CRC32;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RoundRobinPartitioner;
import org.apache.kafka.common.serialization.StringSerializer;
import org.hlspipeline.processor.hls.HlsPlaylistParser;
import org.hlspipeline.processor.hls.HlsRules;
import org.hlspipeline.processor.hls.ParsedMediaPlaylist;
import org.hlspipeline.processor.ingest.StreamEvents;
import org.hlspipeline.processor.kafka.KeyPartitions;
import org.hlspipeline.queryapi.testing.PipelineInstance;
import org.hlspipeline.queryapi.testing.TestKafka;
import org.hlspipeline.queryapi.testing.TestPipeline;
import org.hlspipeline.schemas.registry.BundledSchemaRegistry;
import org.hlspipeline.schemas.serde.AvroSerializer;
import org.hlspipeline.schemas.stream.StreamEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Producers whose partitioner is not Java's murmur2 put a stream's records on partitions whose task is not the
 * one interactive queries ask; the placement check reroutes them (docs/partitioning.md). Each stream's playlist
 * is compared with the playlist of a control stream, the same segments produced with Java's default partitioner,
 * and with what RFC 8216 says those segments make.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MisplacedProducersIT {

    private static final int PARTITIONS = 6;
    private static final long SEGMENTS = 6;

    private final TestPipeline pipeline = TestPipeline.unique("placement");
    private PipelineInstance app;
    private WebTestClient http;
    private KafkaProducer<String, StreamEvent> javaDefault;

    @BeforeAll
    void start(@TempDir Path dataDir) throws Exception {
        app = PipelineInstance.start(pipeline, dataDir, Map.of("hls.partitions", Integer.toString(PARTITIONS)));
        http = app.http();
        javaDefault = producer(Map.of());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestKafka.bootstrapServers()))) {
            assertThat(admin.describeTopics(List.of(pipeline.streamEvents())).allTopicNames()
                    .get(30, TimeUnit.SECONDS).get(pipeline.streamEvents()).partitions()).hasSize(PARTITIONS);
        }
    }

    @AfterAll
    void stop() {
        javaDefault.close();
        app.close();
    }

    @Test
    void librdkafkasDefaultPartitionerCrc32StillMakesThePlaylist() throws Exception {
        String stream = keyWhereCrc32AndMurmur2Disagree("python-transcoder");
        double before = misplacedCount();

        Map<Long, Integer> partitions = PythonProducer.find()
                .produce(TestKafka.bootstrapServers(), pipeline.streamEvents(), stream, 1, SEGMENTS, null);

        // librdkafka's consistent_random hashed the key with CRC32: every record on one partition, not murmur2's.
        assertThat(partitions.keySet()).containsExactlyElementsOf(sequences(1, SEGMENTS));
        assertThat(partitions.values()).containsOnly(crc32Partition(stream));
        String control = control(stream);
        assertThat(awaitPlaylist(stream)).isEqualTo(playlist(http, control, "720p"));
        awaitMisplacedCount(before + SEGMENTS);
    }

    @Test
    void librdkafkasMurmur2PartitionerAsDocumentedTakesNoHop() throws Exception {
        String stream = keyWhereCrc32AndMurmur2Disagree("python-murmur2");
        double before = misplacedCount();

        Map<Long, Integer> partitions = PythonProducer.find().produce(TestKafka.bootstrapServers(),
                pipeline.streamEvents(), stream, 1, SEGMENTS, "murmur2_random");

        assertThat(partitions.values()).containsOnly(KeyPartitions.of(stream, PARTITIONS));
        String control = control(stream);
        assertThat(awaitPlaylist(stream)).isEqualTo(playlist(http, control, "720p"));
        assertThat(misplacedCount()).isEqualTo(before);
    }

    @Test
    void aRoundRobinProducerStillMakesThePlaylist() throws Exception {
        String stream = "round-robin-transcoder";
        int own = KeyPartitions.of(stream, PARTITIONS);
        double before = misplacedCount();
        Map<Long, Integer> partitions = new LinkedHashMap<>();
        try (KafkaProducer<String, StreamEvent> roundRobin = producer(Map.of(
                ProducerConfig.PARTITIONER_CLASS_CONFIG, RoundRobinPartitioner.class.getName()))) {
            // The window opens at the first segment received, so the first is in before the others can overtake
            // it: a round-robin producer has no order per key, and what follows relies on the pending segments.
            partitions.putAll(send(roundRobin, stream, 1, 1));
            await("first segment of " + stream).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                    .until(() -> http.get().uri(mediaPath(stream, "720p")).exchange().expectBody().returnResult()
                            .getStatus().is2xxSuccessful());
            partitions.putAll(send(roundRobin, stream, 2, SEGMENTS));
        }

        assertThat(partitions.values()).as("partitions of %s, whose murmur2 partition is %d", stream, own)
                .contains(own).anyMatch(p -> p != own);
        long misplaced = partitions.values().stream().filter(p -> p != own).count();
        String control = control(stream);
        assertThat(awaitPlaylist(stream)).isEqualTo(playlist(http, control, "720p"));
        awaitMisplacedCount(before + misplaced);
    }

    /** The same segments under another stream id, produced with Java's default partitioner, which needs no hop. */
    private String control(String stream) throws Exception {
        String control = stream + "-control";
        send(javaDefault, control, 1, SEGMENTS);
        String text = awaitPlaylist(control);
        ParsedMediaPlaylist parsed = HlsPlaylistParser.parseMedia(text);
        HlsRules.assertValidMediaPlaylist(text);
        // RFC 8216: six 2-s segments from sequence 1, none ended, none lost: a window whose first is sequence 1,
        // target duration 2, the segments in sequence order and no gap.
        assertThat(parsed.mediaSequence()).isEqualTo(1);
        assertThat(parsed.targetDuration()).isEqualTo(2);
        assertThat(parsed.uris()).containsExactlyElementsOf(sequences(1, SEGMENTS).stream()
                .map(s -> "/segments/" + s + ".ts").toList());
        assertThat(text).doesNotContain("#EXT-X-GAP", "#EXT-X-ENDLIST");
        return control;
    }

    private String awaitPlaylist(String stream) {
        String last = "/segments/" + SEGMENTS + ".ts";
        return await("playlist of " + stream + " with " + SEGMENTS + " segments").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    var result = http.get().uri(mediaPath(stream, "720p")).exchange().expectBody(String.class)
                            .returnResult();
                    return result.getStatus().is2xxSuccessful() ? result.getResponseBody() : "";
                }, text -> text.contains(last) && text.lines().filter(l -> l.startsWith("#EXTINF:")).count()
                        == SEGMENTS);
    }

    private KafkaProducer<String, StreamEvent> producer(Map<String, Object> extra) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
        config.putAll(extra);
        return new KafkaProducer<>(config, new StringSerializer(), new AvroSerializer<>(new BundledSchemaRegistry()));
    }

    private Map<Long, Integer> send(KafkaProducer<String, StreamEvent> producer, String stream, long first,
                                    long last) throws Exception {
        Map<Long, Integer> partitions = new LinkedHashMap<>();
        for (long s = first; s <= last; s++) {
            StreamEvent event = StreamEvents.segment(stream, "720p", s, 2.0, "/segments/" + s + ".ts");
            partitions.put(s, producer.send(new ProducerRecord<>(pipeline.streamEvents(), stream, event)).get()
                    .partition());
        }
        return partitions;
    }

    /** librdkafka's consistent partitioner: CRC32 of the key bytes, modulo the partitions. */
    private static int crc32Partition(String key) {
        CRC32 crc = new CRC32();
        crc.update(key.getBytes(StandardCharsets.UTF_8));
        return (int) (crc.getValue() % PARTITIONS);
    }

    private static String keyWhereCrc32AndMurmur2Disagree(String prefix) {
        for (int i = 0; ; i++) {
            String key = prefix + "-" + i;
            if (crc32Partition(key) != KeyPartitions.of(key, PARTITIONS)) {
                return key;
            }
        }
    }

    private static List<Long> sequences(long first, long last) {
        return LongStream.rangeClosed(first, last).boxed().toList();
    }

    private void awaitMisplacedCount(double expected) {
        await("hls_misplaced_records_total = " + expected).atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(100)).until(this::misplacedCount, count -> count == expected);
    }

    /** This instance's hls_misplaced_records_total for the stream-events topic; 0 before the first. */
    private double misplacedCount() {
        String scrape = http.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        Matcher m = Pattern.compile("(?m)^hls_misplaced_records_total\\{([^}]*)\\} ([0-9.eE+-]+)$").matcher(scrape);
        List<Double> values = new ArrayList<>();
        while (m.find()) {
            if (m.group(1).contains("topic=\"" + pipeline.streamEvents() + "\"")) {
                values.add(Double.parseDouble(m.group(2)));
            }
        }
        assertThat(values).hasSizeLessThanOrEqualTo(1);
        return values.isEmpty() ? 0 : values.get(0);
    }
}
