package org.hlspipeline.queryapi.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hlspipeline.queryapi.channel.ChannelKafka.airMillis;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.hlspipeline.schemas.channel.AiredSegment;
import org.hlspipeline.schemas.channel.ItemKind;
import org.hlspipeline.queryapi.testing.PipelineInstance;
import org.hlspipeline.queryapi.testing.TestKafka;
import org.hlspipeline.queryapi.testing.TestPipeline;
import org.hlspipeline.tools.ProducerTools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A scheduler's whole workflow with the real tool, the real broker and the real application: VOD playlists on disk
 * become asset descriptors ({@code asset import}), a schedule file naming them builds a channel ({@code schedule},
 * not a dry run), and an operator's {@code alert} reaches it. What aired is read where an operator would look:
 * the channel's playlist, {@code /api/channels/{id}}, and the as-run topic.
 *
 * <p>Short timings: target duration 1 s, assets of 1 s segments, the schedule's configuration effective at T0, a
 * few seconds ahead, which anchors the timeline there: the k-th segment airs at T0 + k s. The schedule's timed item
 * replaces the queue at T0 + 8 s; the alert starts at T0 + 12 s and lasts 3 s.
 */
class ChannelToolsIT {

    private static final String CHANNEL = "tools-tv";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration WAIT = Duration.ofSeconds(45);

    @TempDir
    Path dir;

    @Test
    void aScheduleFileBuildsAChannelThatAirsItAndAnAlertReachesIt() throws IOException {
        TestPipeline pipeline = TestPipeline.unique("channel-tools");
        try (PipelineInstance app = PipelineInstance.start(pipeline, dir.resolve("data"));
             ChannelKafka.AsRun asRun = new ChannelKafka.AsRun(pipeline.asRun())) {
            importAsset("ep1", 4);
            importAsset("ep2", 6);
            importAsset("news", 3);
            importAsset("slate", 2);
            importAsset("storm", 1);

            Instant t0 = Instant.now().plusSeconds(4).truncatedTo(ChronoUnit.MILLIS);
            Path schedule = Files.writeString(dir.resolve("tools-tv.yaml"), """
                    channel: %s
                    id: tools-tv-evening
                    configure:
                      effectiveAt: %s
                      targetDuration: 1
                      ladder:
                        - {name: 720p, bandwidth: 3000000, resolution: 1280x720}
                        - {name: 480p, bandwidth: 1200000, resolution: 854x480}
                      filler: {itemId: slate, kind: FILLER, title: Back soon, asset: assets/slate.json}
                    items:
                      - {itemId: ep1, title: Episode 1, asset: assets/ep1.json}
                      - {itemId: ep2, title: Episode 2, asset: assets/ep2.json}
                      - {itemId: news, title: Evening news, start: %s, asset: assets/news.json}
                    """.formatted(CHANNEL, t0, t0.plusSeconds(8)));
            String[] connection = {"--bootstrap-servers", TestKafka.bootstrapServers()};

            assertThat(ProducerTools.run(concat(new String[] {"schedule", schedule.toString(),
                    "--topic", pipeline.channelCommands()}, connection))).isZero();
            await("the channel's state").atMost(WAIT).pollInterval(Duration.ofMillis(100))
                    .until(() -> ChannelKafka.hasChannelState(app, CHANNEL));
            assertThat(ProducerTools.run(concat(new String[] {"alert", "--alert-id", "tools-storm",
                    "--channels", CHANNEL, "--start-at", t0.plusSeconds(12).toString(), "--duration", "3",
                    "--item", "storm", "--kind", "ALERT", "--title", "Storm warning",
                    "--asset", dir.resolve("assets/storm.json").toString(),
                    "--topic", pipeline.broadcasts()}, connection))).isZero();

            // Configured at T0, with the replace of the timed item still waiting for T0 + 8 s.
            JsonNode api = await("the channel configured").atMost(WAIT).pollInterval(Duration.ofMillis(200))
                    .until(() -> api(app), channel -> channel.path("configured").asBoolean());
            assertThat(api.path("ladder").findValuesAsString("name")).containsExactly("720p", "480p");
            assertThat(api.path("settings").path("targetDuration").asInt()).isEqualTo(1);
            if (Instant.now().isBefore(t0.plusSeconds(7))) {
                assertThat(api.path("scheduled").findValuesAsString("type")).contains("replace");
                assertThat(api.path("scheduled").findValuesAsString("effectiveAt"))
                        .contains(t0.plusSeconds(8).toString());
            }
            String playlist = await("ep1 in the channel's playlist").atMost(WAIT).pollInterval(Duration.ofMillis(200))
                    .until(() -> playlist(app), text -> text.contains("https://cdn.example/ep1/720p/seg0.ts"));
            assertThat(playlist).startsWith("#EXTM3U").contains("#EXTINF:1.000,");

            List<AiredSegment> aired = asRun.awaitUntil(CHANNEL, t0.plusSeconds(15).toEpochMilli(), WAIT);
            List<String> labels = new ArrayList<>();
            for (AiredSegment segment : aired) {
                assertThat(airMillis(segment)).isEqualTo(t0.plusSeconds(labels.size()).toEpochMilli());
                labels.add(segment.getItemId() + "#" + ChannelKafka.segmentIndex(segment));
            }
            assertThat(labels).containsExactly(
                    "ep1#0", "ep1#1", "ep1#2", "ep1#3",
                    "ep2#0", "ep2#1", "ep2#2", "ep2#3",   // cut at T0 + 8 s by the timed item's replace
                    "news#0", "news#1", "news#2",
                    "slate#0",                              // the queue is empty: the filler
                    "storm#0", "storm#0", "storm#0");       // the alert: its 1 s item for its 3 s
            assertThat(aired.get(0).getTitle()).isEqualTo("Episode 1");
            assertThat(aired.get(8).getTitle()).isEqualTo("Evening news");
            assertThat(aired.get(12).getKind()).isEqualTo(ItemKind.ALERT);
            assertThat(aired.get(12).getUris()).containsEntry("480p", "https://cdn.example/storm/480p/seg0.ts");
        }
    }

    /**
     * A VOD asset of {@code count} 1 s segments in 720p and 480p, as playlists on disk behind a master playlist,
     * made into {@code assets/<name>.json} by the tool's {@code asset import}, with URIs on a CDN.
     */
    private void importAsset(String name, int count) throws IOException {
        Path folder = dir.resolve("media").resolve(name);
        for (String rendition : List.of("720p", "480p")) {
            StringBuilder media = new StringBuilder("#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:1\n"
                    + "#EXT-X-MEDIA-SEQUENCE:0\n#EXT-X-PLAYLIST-TYPE:VOD\n");
            for (int i = 0; i < count; i++) {
                media.append("#EXTINF:1.000,\nseg").append(i).append(".ts\n");
            }
            media.append("#EXT-X-ENDLIST\n");
            Files.createDirectories(folder.resolve(rendition));
            Files.writeString(folder.resolve(rendition).resolve("index.m3u8"), media);
        }
        Files.writeString(folder.resolve("master.m3u8"), """
                #EXTM3U
                #EXT-X-STREAM-INF:BANDWIDTH=3000000,RESOLUTION=1280x720
                720p/index.m3u8
                #EXT-X-STREAM-INF:BANDWIDTH=1200000,RESOLUTION=854x480
                480p/index.m3u8
                """);
        Files.createDirectories(dir.resolve("assets"));
        assertThat(ProducerTools.run("asset", "import", folder.resolve("master.m3u8").toString(),
                "--base-url", "https://cdn.example/" + name + "/",
                "--output", dir.resolve("assets").resolve(name + ".json").toString())).isZero();
    }

    private static JsonNode api(PipelineInstance app) {
        byte[] body = app.http().get().uri("/api/channels/" + CHANNEL).exchange().returnResult(byte[].class)
                .getResponseBodyContent();
        return body == null || body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body);
    }

    private static String playlist(PipelineInstance app) {
        byte[] body = app.http().get().uri("/channels/" + CHANNEL + "/renditions/720p/playlist.m3u8").exchange()
                .returnResult(byte[].class).getResponseBodyContent();
        return body == null ? "" : new String(body, StandardCharsets.UTF_8);
    }

    private static String[] concat(String[] command, String[] connection) {
        String[] args = new String[command.length + connection.length];
        System.arraycopy(command, 0, args, 0, command.length);
        System.arraycopy(connection, 0, args, command.length, connection.length);
        return args;
    }
}
