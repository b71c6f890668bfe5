package org.hlspipeline.queryapi.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.KafkaStreams;
import org.hlspipeline.processor.signing.UrlSigner;
import org.hlspipeline.queryapi.kafka.StreamsRuntime;
import org.hlspipeline.queryapi.query.QueryHeaders;
import org.hlspipeline.queryapi.testing.PipelineInstance;
import org.hlspipeline.queryapi.testing.TestPipeline;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Signed read URLs on two instances in the middle of a key rotation: the first signs with the new key and still
 * verifies the old one, the second signs with the old key and already verifies the new one (docs/operations.md,
 * Signed read URLs). Playlists need a valid signature, each refusal is a 403 problem, a signed master's variants
 * are signed and play from either instance, and forwarded reads (the /internal/ hop), health, the JSON API and
 * token-authorized writes are untouched.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignedUrlIT {

    private static final String NEW_KEY = "new-signing-key-0123456789";
    private static final String OLD_KEY = "old-signing-key-0123456789";
    private static final String TOKEN = "signed-it-token";
    private static final int PARTITIONS = 6;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern MEDIA_URI = Pattern.compile("URI=\"([^\"]+)\"");

    private final UrlSigner byOldKey = new UrlSigner(List.of(OLD_KEY), Clock.systemUTC());
    private final UrlSigner byNewKey = new UrlSigner(List.of(NEW_KEY), Clock.systemUTC());
    private final UrlSigner byStrangerKey = new UrlSigner(List.of("stranger-key-0123456789"), Clock.systemUTC());
    private final List<String> streams = new ArrayList<>();
    private PipelineInstance first;
    private PipelineInstance second;

    @BeforeAll
    void start(@TempDir Path firstDir, @TempDir Path secondDir) {
        TestPipeline pipeline = TestPipeline.unique("signed");
        first = PipelineInstance.start(pipeline, firstDir, settings(NEW_KEY + "," + OLD_KEY));
        second = PipelineInstance.start(pipeline, secondDir, settings(OLD_KEY + ", " + NEW_KEY));
        awaitBothOwnPartitions();
        streams.addAll(streamIdsOnEveryPartition());
        for (String stream : streams) {
            for (long sequence = 1; sequence <= 2; sequence++) {
                write(first, HttpMethod.POST, "/streams/" + stream + "/renditions/720p/segments",
                        Map.of("sequence", sequence, "duration", 2.0, "path", "/segments/" + sequence + ".ts"))
                        .expectStatus().isCreated().expectBody(Void.class);
            }
        }
        String described = streams.get(0);
        write(first, HttpMethod.PUT, "/streams/" + described + "/renditions/audio-en", Map.of("type", "AUDIO",
                "groupId", "aac", "name", "English", "language", "en", "default", true, "autoselect", true))
                .expectStatus().isOk().expectBody(Void.class);
        write(first, HttpMethod.PUT, "/streams/" + described + "/renditions/720p", Map.of("bandwidth", 2_500_000,
                "audio", "aac")).expectStatus().isOk().expectBody(Void.class);
        write(second, HttpMethod.PUT, "/streams/" + described + "/renditions/480p", Map.of("bandwidth", 1_200_000,
                "audio", "aac")).expectStatus().isOk().expectBody(Void.class);
        for (String rendition : List.of("audio-en", "480p")) {
            write(second, HttpMethod.POST, "/streams/" + described + "/renditions/" + rendition + "/segments",
                    Map.of("sequence", 1, "duration", 2.0, "path", "/" + rendition + "/1.ts"))
                    .expectStatus().isCreated().expectBody(Void.class);
        }
    }

    private static Map<String, String> settings(String keys) {
        return Map.of("hls.security.signed-url-keys", keys, "hls.security.write-tokens", TOKEN,
                "hls.partitions", String.valueOf(PARTITIONS));
    }

    @AfterAll
    void stop() {
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
    }

    private void awaitBothOwnPartitions() {
        await("both instances own partitions").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    KafkaStreams kafkaStreams = first.bean(StreamsRuntime.class).kafkaStreams();
                    if (kafkaStreams.state() != KafkaStreams.State.RUNNING || second.bean(StreamsRuntime.class)
                            .kafkaStreams().state() != KafkaStreams.State.RUNNING) {
                        return false;
                    }
                    var clients = kafkaStreams.metadataForAllStreamsClients();
                    return clients.size() == 2 && clients.stream().allMatch(m -> !m.topicPartitions().isEmpty());
                });
    }

    /** Two stream ids on each partition, placed as Kafka's partitioner does, so both instances own some. */
    private static List<String> streamIdsOnEveryPartition() {
        Map<Integer, Integer> perPartition = new LinkedHashMap<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; perPartition.size() < PARTITIONS || perPartition.values().stream().anyMatch(n -> n < 2); i++) {
            String id = "signed-" + i;
            int partition = Utils.toPositive(Utils.murmur2(id.getBytes(StandardCharsets.UTF_8))) % PARTITIONS;
            if (perPartition.getOrDefault(partition, 0) < 2) {
                perPartition.merge(partition, 1, Integer::sum);
                ids.add(id);
            }
        }
        return ids;
    }

    private static org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec write(
            PipelineInstance instance, HttpMethod method, String path, Map<String, Object> body) {
        return instance.http().method(method).uri(path).contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TOKEN).bodyValue(body).exchange();
    }

    /** GET of a path and query exactly as written: no template expansion, no re-encoding. */
    private static EntityExchangeResult<byte[]> get(PipelineInstance instance, String pathAndQuery) {
        return instance.http().get().uri(URI.create(instance.baseUrl() + pathAndQuery)).exchange().expectBody()
                .returnResult();
    }

    private static String body(EntityExchangeResult<byte[]> result) {
        return result.getResponseBody() == null ? "" : new String(result.getResponseBody(), StandardCharsets.UTF_8);
    }

    private static void assertRefused(EntityExchangeResult<byte[]> result, String type, String detail) {
        assertThat(result.getStatus().value()).as(body(result)).isEqualTo(403);
        assertThat(result.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        JsonNode problem = JSON.readTree(body(result));
        assertThat(problem.path("type").asString()).isEqualTo(type);
        assertThat(problem.path("status").asInt()).isEqualTo(403);
        assertThat(problem.path("detail").asString()).contains(detail);
        assertThat(body(result)).doesNotContain("Exception", "at org.", NEW_KEY, OLD_KEY);
    }

    private String media(String stream) {
        return "/streams/" + stream + "/renditions/720p/playlist.m3u8";
    }

    @Test
    void unsignedMalformedWrongAndExpiredReadsAre403Problems() {
        String path = media(streams.get(0));
        for (PipelineInstance instance : List.of(first, second)) {
            assertRefused(get(instance, path), "/problems/signature-required", "the URL is not signed");
            assertRefused(get(instance, path + "?expires=2000000000"), "/problems/signature-required",
                    "no signature");
            assertRefused(get(instance, path + "?expires=soon&signature=x"), "/problems/signature-invalid",
                    "expires must be epoch seconds");
            assertRefused(get(instance, path + "?expires=2000000000&signature=not-base64!"),
                    "/problems/signature-invalid", "base64url");
            long inAnHour = byOldKey.nowSeconds() + 3600;
            assertRefused(get(instance, byStrangerKey.sign(path, inAnHour)), "/problems/signature-invalid",
                    "does not match");
            // Signed for another path, or with its expiry moved on.
            String other = byOldKey.signedQuery(media(streams.get(1)), inAnHour);
            assertRefused(get(instance, path + "?" + other), "/problems/signature-invalid", "does not match");
            assertRefused(get(instance, byOldKey.sign(path, inAnHour).replace("expires=" + inAnHour,
                    "expires=" + (inAnHour + 1))), "/problems/signature-invalid", "does not match");
            assertRefused(get(instance, byOldKey.sign(path, byOldKey.nowSeconds() - 5)),
                    "/problems/signature-invalid", "expired at");
            // Every playlist route and the IPTV list are covered, HEAD as GET; a problem carries CORS for players.
            EntityExchangeResult<byte[]> channel = get(instance, "/channels/none/master.m3u8");
            assertRefused(channel, "/problems/signature-required", "not signed");
            assertThat(channel.getResponseHeaders().getAccessControlAllowOrigin()).isEqualTo("*");
            assertRefused(get(instance, "/channels/none/renditions/720p/playlist.m3u8"),
                    "/problems/signature-required", "not signed");
            assertRefused(get(instance, "/streams/" + streams.get(0) + "/master.m3u8"),
                    "/problems/signature-required", "not signed");
            assertRefused(get(instance, "/channels.m3u"), "/problems/signature-required", "not signed");
            instance.http().head().uri(path).exchange().expectStatus().isForbidden().expectBody(Void.class);
        }
    }

    @Test
    void signedReadsAnswerFromEitherInstanceWhoeverOwnsTheStream() {
        long inAnHour = byOldKey.nowSeconds() + 3600;
        Set<String> servedBy = new HashSet<>();
        for (String stream : streams) {
            for (UrlSigner signer : List.of(byOldKey, byNewKey)) {
                for (PipelineInstance instance : List.of(first, second)) {
                    EntityExchangeResult<byte[]> read = get(instance, signer.sign(media(stream), inAnHour)
                            + "&_HLS_msn=1");
                    assertThat(read.getStatus().value()).as(stream + " " + body(read)).isEqualTo(200);
                    assertThat(body(read)).contains("/segments/2.ts");
                    if (instance == first) {
                        servedBy.add(read.getResponseHeaders().getFirst(QueryHeaders.SERVED_BY));
                    }
                }
            }
        }
        // Both own some streams, so the first forwarded reads to the second over /internal/, unsigned.
        assertThat(servedBy).containsExactlyInAnyOrder(first.name(), second.name());
    }

    @Test
    void aSignedMastersVariantsAndGroupMembersAreSignedAndPlayFromEitherInstance() {
        String master = "/streams/" + streams.get(0) + "/master.m3u8";
        long expires = byOldKey.nowSeconds() + 600;
        for (PipelineInstance instance : List.of(first, second)) {
            String text = await("the master lists both variants and the audio group")
                    .atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                    .until(() -> body(get(instance, byOldKey.sign(master, expires))),
                            t -> t.contains("480p") && t.contains("720p") && t.contains("audio-en"));
            List<String> uris = new ArrayList<>();
            text.lines().filter(line -> !line.isEmpty() && !line.startsWith("#")).forEach(uris::add);
            Matcher media = MEDIA_URI.matcher(text);
            while (media.find()) {
                uris.add(media.group(1));
            }
            assertThat(uris).hasSize(3).allSatisfy(uri -> assertThat(uri)
                    .matches("renditions/[a-z0-9-]+/playlist\\.m3u8\\?expires=" + expires
                            + "&signature=[A-Za-z0-9_-]{43}"));
            for (String uri : uris) {
                String followed = URI.create(master).resolve(uri).toString();
                // A load balancer may send the variant to the other instance: it verifies either key.
                for (PipelineInstance reader : List.of(first, second)) {
                    EntityExchangeResult<byte[]> read = get(reader, followed);
                    assertThat(read.getStatus().value()).as(followed + " " + body(read)).isEqualTo(200);
                    assertThat(body(read)).startsWith("#EXTM3U");
                }
                String unsigned = followed.substring(0, followed.indexOf('?'));
                assertThat(get(instance, unsigned).getStatus().value()).isEqualTo(403);
            }
        }
    }

    @Test
    void theIptvListIsSignedAndListsSignedMasters() {
        long expires = byOldKey.nowSeconds() + 600;
        EntityExchangeResult<byte[]> list = get(first, byOldKey.sign("/channels.m3u", expires));
        assertThat(list.getStatus().value()).as(body(list)).isEqualTo(200);
        assertThat(body(list)).startsWith("#EXTM3U");
        // The guide lists no playlist: it stays open.
        assertThat(get(first, "/epg.xml").getStatus().value()).isEqualTo(200);
    }

    @Test
    void healthTheJsonApiTheInternalHopAndTokenWritesAreUnaffected() {
        for (PipelineInstance instance : List.of(first, second)) {
            assertThat(get(instance, "/actuator/health").getStatus().value()).isEqualTo(200);
            assertThat(get(instance, "/actuator/health/readiness").getStatus().value()).isEqualTo(200);
            assertThat(get(instance, "/actuator/prometheus").getStatus().value()).isEqualTo(200);
            assertThat(get(instance, "/api/streams").getStatus().value()).isEqualTo(200);
            assertThat(get(instance, "/").getStatus().value()).isEqualTo(200);
            assertThat(get(instance, "/internal/stores/streams/keys").getStatus().value()).isEqualTo(200);
        }
        String stream = streams.get(1);
        write(second, HttpMethod.POST, "/streams/" + stream + "/renditions/720p/segments",
                Map.of("sequence", 3, "duration", 2.0, "path", "/segments/3.ts")).expectStatus().isCreated()
                        .expectBody(Void.class);
        second.http().post().uri("/streams/" + stream + "/renditions/720p/segments")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("sequence", 4, "duration", 2.0, "path", "/segments/4.ts")).exchange()
                .expectStatus().isUnauthorized().expectBody(Void.class);
        String signed = byNewKey.sign(media(stream), byNewKey.nowSeconds() + 60);
        assertThat(body(get(first, signed))).contains("/segments/3.ts").doesNotContain("/segments/4.ts");
    }
}
