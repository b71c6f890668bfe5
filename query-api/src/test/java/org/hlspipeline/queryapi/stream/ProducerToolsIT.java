package org.hlspipeline.queryapi.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hlspipeline.queryapi.testing.HttpPlaylists.mediaPath;

import java.nio.file.Path;
import java.time.Duration;

import org.hlspipeline.processor.hls.HlsPlaylistParser;
import org.hlspipeline.queryapi.testing.PipelineInstance;
import org.hlspipeline.queryapi.testing.TestKafka;
import org.hlspipeline.queryapi.testing.TestPipeline;
import org.hlspipeline.tools.ProducerTools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The transcoder's command-line tool and the application agree, over a real broker, with no registry server:
 * both use the schema ids bundled with the release.
 */
class ProducerToolsIT {

    @Test
    void segmentsAndEndPublishedByTheToolReachThePlaylist(@TempDir Path dataDir) {
        TestPipeline pipeline = TestPipeline.unique("tools");
        try (PipelineInstance app = PipelineInstance.start(pipeline, dataDir)) {
            String[] connection = {"--bootstrap-servers", TestKafka.bootstrapServers(),
                    "--topic", pipeline.streamEvents()};
            for (int s = 10; s <= 12; s++) {
                assertThat(ProducerTools.run(concat(connection, "segment", "--stream", "tool", "--rendition", "720p",
                        "--sequence", String.valueOf(s), "--duration", "2.002", "--path", "/t/" + s + ".ts")))
                        .isZero();
            }
            assertThat(ProducerTools.run(concat(connection, "end", "--stream", "tool"))).isZero();

            String playlist = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                    .until(() -> app.http().get().uri(mediaPath("tool", "720p")).exchange()
                            .returnResult(String.class).getResponseBody().collectList().block().toString(),
                            body -> body.contains("#EXT-X-ENDLIST"));
            String text = new String(app.http().get().uri(mediaPath("tool", "720p")).exchange().expectStatus().isOk()
                    .expectBody().returnResult().getResponseBody());
            assertThat(playlist).isNotEmpty();
            assertThat(HlsPlaylistParser.parseMedia(text).uris()).containsExactly("/t/10.ts", "/t/11.ts", "/t/12.ts");
            assertThat(text).contains("#EXTINF:2.002,");
        }
    }

    @Test
    void aSegmentForAStreamTheAppSaysHasEndedIsRefusedWithExit7AndNotSent(@TempDir Path dataDir) {
        TestPipeline pipeline = TestPipeline.unique("tools-ended");
        try (PipelineInstance app = PipelineInstance.start(pipeline, dataDir)) {
            String[] connection = {"--bootstrap-servers", TestKafka.bootstrapServers(),
                    "--topic", pipeline.streamEvents()};
            String[] first = {"segment", "--stream", "over", "--rendition", "720p", "--sequence", "1", "--duration",
                    "2", "--path", "/o/1.ts", "--app-url", app.baseUrl()};
            assertThat(ProducerTools.run(concat(connection, first))).isZero();
            assertThat(ProducerTools.run(concat(connection, "end", "--stream", "over"))).isZero();
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                    .until(() -> app.http().get().uri("/api/streams/over").exchange().returnResult(String.class)
                            .getResponseBody().collectList().block().toString(),
                            body -> body.contains("\"ended\":true"));

            String[] late = {"segment", "--stream", "over", "--rendition", "720p", "--sequence", "2", "--duration",
                    "2", "--path", "/o/2.ts", "--app-url", app.baseUrl()};
            long before = records(pipeline.streamEvents());
            assertThat(ProducerTools.run(concat(connection, late))).isEqualTo(7);
            assertThat(records(pipeline.streamEvents())).as("records on the topic").isEqualTo(before);
        }
    }

    /** How many records the topic holds: the sum of its partitions' end offsets. */
    private static long records(String topic) {
        try (org.apache.kafka.clients.consumer.KafkaConsumer<byte[], byte[]> consumer =
                     new org.apache.kafka.clients.consumer.KafkaConsumer<>(java.util.Map.of("bootstrap.servers",
                             TestKafka.bootstrapServers()), new org.apache.kafka.common.serialization
                             .ByteArrayDeserializer(), new org.apache.kafka.common.serialization
                             .ByteArrayDeserializer())) {
            return consumer.endOffsets(consumer.partitionsFor(topic).stream()
                    .map(p -> new org.apache.kafka.common.TopicPartition(topic, p.partition())).toList())
                    .values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private static String[] concat(String[] connection, String... command) {
        String[] args = new String[command.length + connection.length];
        System.arraycopy(command, 0, args, 0, command.length);
        int at = command[0].equals("segment") || command[0].equals("end") ? 1 : 0;
        System.arraycopy(command, 0, args, 0, at);
        System.arraycopy(connection, 0, args, at, connection.length);
        System.arraycopy(command, at, args, at + connection.length, command.length - at);
        return args;
    }
}
