package org.hlspipeline.queryapi.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hlspipeline.queryapi.testing.HttpPlaylists.mediaPath;
import static org.hlspipeline.queryapi.testing.HttpPlaylists.registered;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.KafkaStreams;
import org.hlspipeline.queryapi.kafka.StreamsRuntime;
import org.hlspipeline.queryapi.testing.PipelineInstance;
import org.hlspipeline.queryapi.testing.TestPipeline;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two instances on one broker, with a standby replica each. Any instance answers any key: it forwards to the
 * owner, and when the owner cannot be reached a standby answers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoInstancesIT {

    private static final int PARTITIONS = 6;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final TestPipeline pipeline = TestPipeline.unique("two");
    private PipelineInstance first;
    private PipelineInstance second;
    private final List<String> streams = new ArrayList<>();
    private final Map<String, byte[]> playlists = new LinkedHashMap<>();

    @BeforeAll
    void start(@TempDir Path firstDir, @TempDir Path secondDir) {
        Map<String, String> settings = Map.of("hls.partitions", String.valueOf(PARTITIONS),
                "hls.standby-replicas", "1");
        first = PipelineInstance.start(pipeline, firstDir, settings);
        second = PipelineInstance.start(pipeline, secondDir, settings);
        awaitBothOwnPartitions();
        streams.addAll(streamIdsCoveringEveryPartition());
    }

    @AfterAll
    void stop() {
        second.close();
        first.close();
    }

    private void awaitBothOwnPartitions() {
        await("both instances own partitions").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    KafkaStreams streams = first.bean(StreamsRuntime.class).kafkaStreams();
                    if (streams.state() != KafkaStreams.State.RUNNING
                            || second.bean(StreamsRuntime.class).kafkaStreams().state() != KafkaStreams.State.RUNNING) {
                        return false;
                    }
                    var clients = streams.metadataForAllStreamsClients();
                    return clients.size() == 2 && clients.stream().allMatch(m -> !m.topicPartitions().isEmpty())
                            && clients.stream().mapToInt(m -> m.topicPartitions().size()).sum() >= PARTITIONS;
                });
    }

    /** Stream ids chosen so every partition holds at least two streams, placed as Kafka's partitioner does. */
    private static List<String> streamIdsCoveringEveryPartition() {
        Map<Integer, Integer> perPartition = new LinkedHashMap<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; perPartition.size() < PARTITIONS || perPartition.values().stream().anyMatch(n -> n < 2); i++) {
            String id = "channel-" + i;
            int partition = Utils.toPositive(Utils.murmur2(id.getBytes(StandardCharsets.UTF_8))) % PARTITIONS;
            if (perPartition.getOrDefault(partition, 0) < 2) {
                perPartition.merge(partition, 1, Integer::sum);
                ids.add(id);
            }
        }
        return ids;
    }

    private EntityExchangeResult<byte[]> get(PipelineInstance instance, String stream) {
        return instance.http().get().uri(mediaPath(stream, "720p")).exchange()
                .expectStatus().isOk().expectBody().returnResult();
    }

    @Test
    @Order(1)
    void everyStreamsPlaylistIsByteIdenticalFromEitherInstance() {
        for (int i = 0; i < streams.size(); i++) {
            PipelineInstance writer = i % 2 == 0 ? first : second;
            for (long s = 1; s <= 3; s++) {
                registered(writer.http(), streams.get(i), "720p", s); // read-your-write may cross instances
            }
        }

        Set<String> servedByFromFirst = new HashSet<>();
        for (String stream : streams) {
            EntityExchangeResult<byte[]> fromFirst = get(first, stream);
            EntityExchangeResult<byte[]> fromSecond = get(second, stream);
            assertThat(fromFirst.getResponseBody()).isEqualTo(fromSecond.getResponseBody());
            assertThat(new String(fromFirst.getResponseBody(), StandardCharsets.UTF_8)).contains("/segments/3.ts");
            assertThat(fromFirst.getResponseHeaders().getETag()).isEqualTo(fromSecond.getResponseHeaders().getETag());
            assertThat(fromFirst.getResponseHeaders().getFirst(QueryHeaders.SERVED_BY))
                    .isEqualTo(fromSecond.getResponseHeaders().getFirst(QueryHeaders.SERVED_BY));
            servedByFromFirst.add(fromFirst.getResponseHeaders().getFirst(QueryHeaders.SERVED_BY));
            playlists.put(stream, fromFirst.getResponseBody());
        }
        // Both instances own some of the keys, so each one forwarded to the other at least once.
        assertThat(servedByFromFirst).containsExactlyInAnyOrder(first.name(), second.name());
    }

    @Test
    @Order(2)
    void theStreamListingFromEitherInstanceNamesEveryStreamInOrderAndPagesOn() {
        String described = streams.get(0);
        second.http().put().uri("/streams/{s}/renditions/720p", described)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("bandwidth", 2_500_000, "resolution", "1280x720")).exchange()
                .expectStatus().isOk().expectBody(Void.class);

        JsonNode fromFirst = await("the description is listed").atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> json(first, "/api/streams"), l -> !summary(l, described).path("master").isNull());
        JsonNode fromSecond = json(second, "/api/streams");
        // Streams live on both instances' partitions: each instance lists all of them, in id order.
        List<String> listed = fromFirst.path("streams").findValuesAsString("streamId");
        assertThat(listed).isSorted().containsAll(streams);
        assertThat(fromSecond.path("streams").findValuesAsString("streamId")).isEqualTo(listed);
        assertThat(fromFirst.path("unavailableInstances").size()).isZero();
        assertThat(fromFirst.path("truncated").asBoolean()).isFalse();

        JsonNode describedSummary = summary(fromFirst, described);
        assertThat(describedSummary.path("master").asString()).isEqualTo("/streams/" + described + "/master.m3u8");
        assertThat(describedSummary.path("renditions").get(0).path("description").path("resolution").asString())
                .isEqualTo("1280x720");
        JsonNode plain = summary(fromFirst, streams.get(1));
        assertThat(plain.path("ended").asBoolean()).isFalse();
        assertThat(plain.path("master").isNull()).as("no rendition described: no master playlist").isTrue();
        assertThat(plain.path("renditions").findValuesAsString("name")).containsExactly("720p");
        assertThat(plain.path("renditions").get(0).path("playlist").asString()).isEqualTo(mediaPath(streams.get(1),
                "720p"));
        assertThat(plain.path("unavailable").asBoolean()).isFalse();

        List<String> paged = new ArrayList<>();
        String next = "/api/streams?limit=5";
        while (next != null) {
            JsonNode page = json(second, next);
            assertThat(page.path("streams").size()).isBetween(1, 5);
            paged.addAll(page.path("streams").findValuesAsString("streamId"));
            next = page.path("truncated").asBoolean() ? page.path("next").asString() : null;
        }
        assertThat(paged).isEqualTo(listed);
        assertThat(first.http().get().uri("/api/streams?limit=0").exchange().expectStatus().isBadRequest()
                .expectBody(String.class).returnResult().getResponseBody()).contains("limit must be 1 to 1000");
    }

    private static JsonNode json(PipelineInstance instance, String path) {
        return JSON.readTree(instance.http().get().uri(path).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody());
    }

    private static JsonNode summary(JsonNode listing, String streamId) {
        for (JsonNode summary : listing.path("streams")) {
            if (streamId.equals(summary.path("streamId").asString())) {
                return summary;
            }
        }
        throw new AssertionError(streamId + " is not listed: " + listing);
    }

    /**
     * Channels keep their timeline and programme in two stores; the owner sends both as it holds them, and the
     * asking instance decodes the programme (the queue here) only to describe it.
     */
    @Test
    @Order(3)
    void everyChannelIsServedFromEitherInstanceWithItsQueue() {
        for (int i = 0; i < streams.size(); i++) {
            String channel = streams.get(i);
            PipelineInstance writer = i % 2 == 0 ? second : first;
            postCommand(writer, channel, Map.of("type", "configure", "targetDuration", 1, "ladder",
                    List.of(Map.of("name", "720p", "bandwidth", 2_500_000))));
            postCommand(writer, channel, Map.of("type", "enqueue", "items", List.of(vod("ep-a"), vod("ep-b"))));
        }

        Set<String> owners = new HashSet<>();
        for (String channel : streams) {
            await(channel + " airs on both instances").atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(200)).until(() -> {
                        String fromFirst = channelPlaylist(first, channel);
                        String fromSecond = channelPlaylist(second, channel);
                        // The two reads may straddle a boundary: equal once both fall between the same two.
                        return fromFirst != null && fromFirst.contains("/ep-a/seg") && fromFirst.equals(fromSecond);
                    });
            JsonNode fromFirst = channelJson(first, channel);
            JsonNode fromSecond = channelJson(second, channel);
            for (JsonNode view : List.of(fromFirst, fromSecond)) {
                assertThat(view.path("nowPlaying").path("itemId").asString()).isEqualTo("ep-a");
                assertThat(view.path("queue").findValuesAsString("itemId")).containsExactly("ep-b");
            }
            assertThat(fromFirst.path("servedBy").asString()).isEqualTo(fromSecond.path("servedBy").asString());
            owners.add(fromFirst.path("servedBy").asString());
        }
        assertThat(owners).containsExactlyInAnyOrder(first.name(), second.name());
    }

    private static void postCommand(PipelineInstance instance, String channel, Map<String, Object> command) {
        instance.http().post().uri("/channels/{c}/commands", channel).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(command).exchange().expectStatus().isAccepted().expectBody(Void.class);
    }

    private static Map<String, Object> vod(String itemId) {
        return Map.of("itemId", itemId, "kind", "PROGRAM", "vod", Map.of("segmentCount", 600, "segmentDuration", 1.0,
                "renditions", Map.of("720p", Map.of("uriTemplate", "https://cdn.example/" + itemId + "/seg{n}.ts"))));
    }

    private static String channelPlaylist(PipelineInstance instance, String channel) {
        EntityExchangeResult<byte[]> result = instance.http().get()
                .uri("/channels/{c}/renditions/720p/playlist.m3u8", channel).exchange().expectBody().returnResult();
        return result.getStatus().value() == 200
                ? new String(result.getResponseBody(), StandardCharsets.UTF_8) : null;
    }

    private static JsonNode channelJson(PipelineInstance instance, String channel) {
        String body = instance.http().get().uri("/api/channels/{c}", channel).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        return JSON.readTree(body);
    }

    @Test
    @Order(4)
    void whenTheOwnerCannotBeReachedAStandbyAnswers() {
        List<String> ownedBySecond = streams.stream().filter(stream -> second.name().equals(
                get(first, stream).getResponseHeaders().getFirst(QueryHeaders.SERVED_BY))).toList();
        assertThat(ownedBySecond).isNotEmpty();

        second.stopHttp();

        for (String stream : ownedBySecond) {
            EntityExchangeResult<byte[]> answer = get(first, stream);
            assertThat(answer.getResponseBody()).isEqualTo(playlists.get(stream));
            assertThat(answer.getResponseHeaders().getFirst(QueryHeaders.SERVED_BY)).isEqualTo(first.name());
            assertThat(answer.getResponseHeaders().getFirst(QueryHeaders.SERVED_ROLE)).isEqualTo("standby");
        }
    }
}
