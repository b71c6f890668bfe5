package org.hlspipeline.queryapi.tools;

import org.hlspipeline.tools.cli.ExitCodes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hlspipeline.queryapi.testing.HttpPlaylists.mediaPath;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hlspipeline.processor.hls.HlsPlaylistParser;
import org.hlspipeline.schemas.registry.BundledSchemaRegistry;
import org.hlspipeline.schemas.serde.AvroDeserializer;
import org.hlspipeline.schemas.stream.RenditionInfo;
import org.hlspipeline.schemas.stream.Segment;
import org.hlspipeline.schemas.stream.StreamEvent;
import org.hlspipeline.queryapi.testing.FreePorts;
import org.hlspipeline.queryapi.testing.PipelineInstance;
import org.hlspipeline.queryapi.testing.TestKafka;
import org.hlspipeline.queryapi.testing.TestPipeline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code producer-tools load} against a real broker and a running app. */
class LoadIT {

    @Test
    void publishesExactlyThePlannedEventsAndTheAppServesEveryStream(@TempDir Path dataDir) {
        TestPipeline pipeline = TestPipeline.unique("load");
        try (PipelineInstance app = PipelineInstance.start(pipeline, dataDir)) {
            ToolRun run = ToolRun.of("load", "--bootstrap-servers", TestKafka.bootstrapServers(),
                    "--topic", pipeline.streamEvents(), "--streams", "3", "--renditions", "2", "--events", "30",
                    "--rate", "max", "--progress", "none");

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.err()).isEmpty();
            assertThat(run.out()).startsWith("load finished: 3 streams x 2 renditions, 2 s segments, unthrottled\n")
                    .contains("  events sent   30 segment events + 6 rendition infos, acknowledged\n")
                    .contains("  errors        0\n")
                    .contains("  next sequence 5 ");

            AvroDeserializer<StreamEvent> avro = new AvroDeserializer<>(StreamEvent.class,
                    new BundledSchemaRegistry());
            List<ConsumerRecord<String, byte[]>> records = TopicRecords.all(pipeline.streamEvents());
            List<StreamEvent> events = records.stream()
                    .map(record -> avro.deserialize(pipeline.streamEvents(), record.value())).toList();
            assertThat(events).hasSize(36);
            assertThat(records).allSatisfy(record -> assertThat(record.value()[0]).isZero());
            assertThat(events.stream().filter(e -> e.getPayload() instanceof RenditionInfo)).hasSize(6);
            List<Segment> segments = events.stream().filter(e -> e.getPayload() instanceof Segment)
                    .map(e -> (Segment) e.getPayload()).toList();
            assertThat(segments).hasSize(30);
            Map<String, Long> perStream = events.stream().filter(e -> e.getPayload() instanceof Segment)
                    .collect(Collectors.groupingBy(e -> e.getStreamId().toString(), Collectors.counting()));
            assertThat(perStream).containsOnly(Map.entry("load-0001", 10L), Map.entry("load-0002", 10L),
                    Map.entry("load-0003", 10L));
            assertThat(records).allSatisfy(record -> assertThat(record.key())
                    .isEqualTo(avro.deserialize(pipeline.streamEvents(), record.value()).getStreamId().toString()));

            for (String stream : List.of("load-0001", "load-0002", "load-0003")) {
                for (String rendition : List.of("1080p", "720p")) {
                    String playlist = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                            .ignoreExceptions()
                            .until(() -> body(app, mediaPath(stream, rendition)),
                                    text -> text.contains(stream + "/" + rendition + "/4.ts"));
                    assertThat(HlsPlaylistParser.parseMedia(playlist).uris()).containsExactly(
                            stream + "/" + rendition + "/0.ts", stream + "/" + rendition + "/1.ts",
                            stream + "/" + rendition + "/2.ts", stream + "/" + rendition + "/3.ts",
                            stream + "/" + rendition + "/4.ts");
                    assertThat(playlist).contains("#EXT-X-TARGETDURATION:2").contains("#EXTINF:2.000,");
                }
                String master = body(app, "/streams/" + stream + "/master.m3u8");
                assertThat(master).contains("BANDWIDTH=6000000").contains("RESOLUTION=1920x1080")
                        .contains("BANDWIDTH=3000000").contains("RESOLUTION=1280x720");
            }
        }
    }

    @Test
    void anUnreachableBrokerIsOneLineAndExit3BeforeAnythingIsSent() throws IOException {
        String bootstrap = "127.0.0.1:" + FreePorts.pick();

        ToolRun run = assertTimeoutPreemptively(Duration.ofSeconds(40), () -> ToolRun.of("load",
                "--bootstrap-servers", bootstrap, "--streams", "2", "--events", "10", "--progress", "none"));

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(run.err()).startsWith("producer-tools load: Kafka at " + bootstrap + " did not take the record "
                + "for hls.stream-events in time").contains("Is the broker running");
        assertThat(run.err().lines()).hasSize(1);
        assertThat(run.out()).isEmpty();
    }

    private static String body(PipelineInstance app, String path) {
        byte[] bytes = app.http().get().uri(path).exchange().expectStatus().isOk().expectBody().returnResult()
                .getResponseBody();
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
