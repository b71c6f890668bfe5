package org.hlspipeline.queryapi.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.hlspipeline.queryapi.testing.AppProcess;
import org.hlspipeline.queryapi.testing.KafkaCluster;
import org.hlspipeline.queryapi.testing.KafkaSecurity;
import org.hlspipeline.queryapi.testing.ToolProcess;
import org.hlspipeline.tools.ProducerTools;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The app and producer-tools against a SASL_SSL (SCRAM-SHA-512) listener with the {@code StandardAuthorizer} and
 * exactly the ACLs of docs/operations.md ("Kafka: SASL/SCRAM, TLS and ACLs"): each principal can do its job, and
 * is refused at least one thing beyond it. The app runs as an operator runs it ({@code java -jar}, the documented
 * environment variables); the wrong-password run is the real tool in its own JVM, so that its stderr is what a
 * user sees.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KafkaSecurityIT {

    private static final String APPLICATION = "hls-pipeline";
    private static final String STREAM_EVENTS = "hls.stream-events";
    private static final String CHANNEL_COMMANDS = "hls.channel-commands";
    private static final Map<String, String> PASSWORDS = Map.of("transcoder", "transcoder-secret",
            "scheduler", "scheduler-secret", "app", "app-secret", "operator", "operator-secret");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    static Path dir;

    private static KafkaSecurity security;
    private static KafkaCluster cluster;
    private static AppProcess app;
    private static final Map<String, Path> configs = new HashMap<>();

    @BeforeAll
    static void startClusterWithTheDocumentedAcls() {
        long started = System.nanoTime();
        security = KafkaSecurity.create(dir.resolve("tls"));
        cluster = KafkaCluster.startSecured(dir.resolve("kafka"), KafkaCluster.NODES, security);
        long clusterUp = System.nanoTime();
        try (Admin admin = cluster.admin()) {
            KafkaSecurity.createUsers(admin, PASSWORDS);
        }
        Path adminFile = KafkaSecurity.write(dir.resolve("admin.properties"), security.adminProperties());
        PASSWORDS.forEach((user, password) -> configs.put(user, KafkaSecurity.write(
                dir.resolve(user + ".properties"), security.clientProperties(user, password))));
        DocumentedAcls acls = DocumentedAcls.read();
        acls.apply(cluster.bootstrapServers(), adminFile);
        try (Admin admin = cluster.admin()) {
            assertThat(admin.describeAcls(AclBindingFilter.ANY).values().get(30, TimeUnit.SECONDS))
                    .as("the ACLs on the cluster are exactly the documented ones").hasSize(acls.bindings());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        long aclsDone = System.nanoTime();

        Map<String, String> environment = new HashMap<>();
        environment.put("SPRING_KAFKA_PROPERTIES_SECURITY_PROTOCOL", "SASL_SSL");
        environment.put("SPRING_KAFKA_PROPERTIES_SASL_MECHANISM", KafkaSecurity.MECHANISM);
        environment.put("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG",
                security.clientProperties("app", PASSWORDS.get("app")).get("sasl.jaas.config"));
        environment.put("SPRING_KAFKA_PROPERTIES_SSL_TRUSTSTORE_TYPE", "PKCS12");
        environment.put("SPRING_KAFKA_PROPERTIES_SSL_TRUSTSTORE_LOCATION", security.truststore().toString());
        environment.put("SPRING_KAFKA_PROPERTIES_SSL_TRUSTSTORE_PASSWORD", security.truststorePassword());
        environment.put("HLS_TOPIC_PARTITIONS", "2");
        // So that the purge of consumed repartition records (what Delete on the internal topics is for) shows soon.
        environment.put("SPRING_KAFKA_STREAMS_PROPERTIES_REPARTITION_PURGE_INTERVAL_MS", "500");
        app = AppProcess.start("app", dir.resolve("app"), cluster.bootstrapServers(), environment).awaitReady();
        long appReady = System.nanoTime();
        System.out.printf("KafkaSecurityIT: cluster %d ms, users and %d ACLs %d ms, app ready %d ms%n",
                millis(started, clusterUp), acls.bindings(), millis(clusterUp, aclsDone), millis(aclsDone, appReady));
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void theAppAcceptsASegmentOverHttpAndServesIt() throws Exception {
        HttpResponse<String> posted = HTTP.send(HttpRequest.newBuilder(URI.create(app.baseUrl()
                        + "/streams/secure/renditions/720p/segments")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"sequence\": 1, \"duration\": 2.0, \"path\": \"/s/1.ts\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
        assertThat(get("/streams/secure/renditions/720p/playlist.m3u8").body()).contains("/s/1.ts");
        // The secured cluster is the fault tests' three nodes: what the app created is replicated on all three.
        try (Admin admin = cluster.admin()) {
            Map<String, TopicDescription> topics = admin.describeTopics(List.of(STREAM_EVENTS, CHANNEL_COMMANDS))
                    .allTopicNames().get(30, TimeUnit.SECONDS);
            assertThat(topics.values()).allSatisfy(topic -> assertThat(topic.partitions())
                    .allSatisfy(partition -> assertThat(partition.replicas()).hasSize(KafkaCluster.NODES)));
        }
    }

    @Test
    @Order(2)
    void theTranscoderPublishesASegmentThatThePlaylistShows() {
        ToolRun run = tool("transcoder", "segment", "--stream", "secure", "--rendition", "720p", "--sequence", "2",
                "--duration", "2.0", "--path", "/s/2.ts", "--app-url", "none");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        await("the transcoder's segment in the playlist").atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> get("/streams/secure/renditions/720p/playlist.m3u8").body(), body -> body.contains("/s/2.ts"));
    }

    /**
     * A transcoder whose partitioner ignores the key: the app reroutes the misplaced records through its
     * repartition topic (docs/partitioning.md), and then deletes them there once consumed, which takes the Delete
     * ACL on its internal topics.
     */
    @Test
    @Order(3)
    void misplacedRecordsGoThroughTheRepartitionTopicWhichTheAppPurges() throws Exception {
        Map<String, String> roundRobin = new HashMap<>(security.clientProperties("transcoder",
                PASSWORDS.get("transcoder")));
        roundRobin.put("partitioner.class", "org.apache.kafka.clients.producer.RoundRobinPartitioner");
        configs.put("round-robin", KafkaSecurity.write(dir.resolve("round-robin.properties"), roundRobin));
        for (int sequence = 3; sequence <= 6; sequence++) {
            ToolRun run = tool("round-robin", "segment", "--stream", "secure", "--rendition", "720p",
                    "--sequence", String.valueOf(sequence), "--duration", "2.0", "--path", "/s/" + sequence + ".ts",
                    "--app-url", "none");
            assertThat(run.exitCode()).as(run.toString()).isZero();
        }
        await("every segment in the playlist").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> get("/streams/secure/renditions/720p/playlist.m3u8").body(), body -> body.contains("/s/6.ts"));
        String repartition = APPLICATION + "-stream-events-by-key-repartition";
        await("the repartition topic purged").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> offsets(repartition, OffsetSpec.earliest()), start -> start > 0);
    }

    @Test
    @Order(4)
    void aWrongPasswordFailsWithOneLineNamingTheMechanismAndProducesNothing() throws Exception {
        Map<String, String> wrong = new HashMap<>(security.clientProperties("transcoder", "not-the-password"));
        Path file = KafkaSecurity.write(dir.resolve("wrong.properties"), wrong);
        long before = records(STREAM_EVENTS);
        try (ToolProcess tool = ToolProcess.start(dir, "wrong-password", List.of("segment",
                "--bootstrap-servers", cluster.bootstrapServers(), "--command-config", file.toString(),
                "--stream", "secure", "--rendition", "720p", "--sequence", "7", "--duration", "2.0",
                "--path", "/s/7.ts", "--app-url", "none"))) {
            assertThat(tool.awaitExit(Duration.ofSeconds(60))).as(tool.err()).isEqualTo(4);
            assertThat(tool.out()).isEmpty();
            assertThat(tool.err().lines().toList()).as("stderr").hasSize(1).first().asString()
                    .startsWith("producer-tools segment: Kafka at " + cluster.bootstrapServers()
                            + " refused the connection: authentication failed")
                    .contains("SCRAM-SHA-512").contains("--command-config");
        }
        assertThat(records(STREAM_EVENTS)).as("records on " + STREAM_EVENTS).isEqualTo(before);
    }

    @Test
    @Order(5)
    void theSchedulerConfiguresAChannelAndCancelsAnAlert() {
        ToolRun configure = tool("scheduler", "command", "configure", "--channel", "secure-tv", "--rendition",
                "720p:2500000:1280x720");
        assertThat(configure.exitCode()).as(configure.toString()).isZero();
        ToolRun cancel = tool("scheduler", "cancel-alert", "--alert-id", "secure-alert");
        assertThat(cancel.exitCode()).as(cancel.toString()).isZero();
        await("the channel in the app").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> get("/api/channels/secure-tv").statusCode() == 200);
    }

    /** The app's other writes: channel commands and broadcasts from HTTP, the as-run log, dead letters. */
    @Test
    @Order(6)
    void theAppTakesChannelCommandsAirsThemAndDeadLetters() throws Exception {
        String item = "{\"itemId\": \"ep1\", \"title\": \"Episode 1\", \"vod\": {\"renditions\": {\"720p\": "
                + "{\"uriTemplate\": \"https://cdn.example/ep1/720p/seg{n}.ts\"}}, \"segmentCount\": 30, "
                + "\"segmentDuration\": 2.0}}";
        HttpResponse<String> enqueued = HTTP.send(HttpRequest.newBuilder(URI.create(app.baseUrl()
                        + "/channels/secure-tv/commands")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"type\": \"enqueue\", \"items\": [" + item + "]}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(enqueued.statusCode()).as(enqueued.body()).isBetween(200, 299);
        long broadcasts = records("hls.broadcasts");
        HttpResponse<String> cancelled = HTTP.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + "/broadcasts"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"type\": \"cancel-alert\", \"alertId\": \"secure-alert\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(202);
        assertThat(records("hls.broadcasts")).isEqualTo(broadcasts + 1);

        assertThat(tool("transcoder", "end", "--stream", "secure-ended").exitCode()).isZero();
        await("the stream ended").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> get("/api/streams/secure-ended").body(), body -> body.contains("\"ended\":true"));
        ToolRun late = tool("transcoder", "segment", "--stream", "secure-ended", "--rendition", "720p",
                "--sequence", "1", "--duration", "2.0", "--path", "/e/1.ts", "--app-url", "none");
        assertThat(late.exitCode()).as(late.toString()).isZero();

        await("a dead letter").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> records("hls.dlq"), count -> count > 0);
        await("the channel on the air").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> records("hls.as-run"), count -> count > 0);
    }

    @Test
    @Order(7)
    void noPrincipalCanDoMoreThanItsJob() throws Exception {
        ToolRun transcoderCommand = tool("transcoder", "command", "skip", "--channel", "secure-tv");
        assertThat(transcoderCommand.exitCode()).as(transcoderCommand.toString()).isEqualTo(4);
        assertThat(transcoderCommand.err()).contains("not authorized to write to " + CHANNEL_COMMANDS);
        try (KafkaConsumer<byte[], byte[]> consumer = consumer("transcoder")) {
            consumer.assign(List.of(new TopicPartition(STREAM_EVENTS, 0)));
            consumer.seekToBeginning(consumer.assignment());
            assertThatThrownBy(() -> pollFor(consumer, Duration.ofSeconds(20)))
                    .isInstanceOf(TopicAuthorizationException.class);
        }

        ToolRun transcoderRebuild = tool("transcoder", "rebuild", "--application-id", APPLICATION, "--dry-run");
        assertThat(transcoderRebuild.exitCode()).as(transcoderRebuild.toString()).isEqualTo(4);
        assertThat(transcoderRebuild.err()).contains("not authorized to describe the consumer group '" + APPLICATION
                + "'").contains("A rebuild needs Read on the group and on the input topics");

        ToolRun schedulerSegment = tool("scheduler", "segment", "--stream", "secure", "--rendition", "720p",
                "--sequence", "9", "--duration", "2.0", "--path", "/s/9.ts", "--app-url", "none");
        assertThat(schedulerSegment.exitCode()).as(schedulerSegment.toString()).isEqualTo(4);
        assertThat(schedulerSegment.err()).contains("not authorized to write to " + STREAM_EVENTS);

        try (Admin asApp = admin("app")) {
            assertRefused(() -> asApp.deleteTopics(List.of(STREAM_EVENTS)).all().get(30, TimeUnit.SECONDS));
            assertRefused(() -> asApp.createTopics(List.of(new NewTopic("not-the-apps", 1, (short) 1))).all()
                    .get(30, TimeUnit.SECONDS));
        }
        assertThat(topics()).contains(STREAM_EVENTS).doesNotContain("not-the-apps");
    }

    @Test
    @Order(8)
    void theOperatorRebuildsOnceTheAppIsStoppedAndNoMore() throws Exception {
        app.stop();
        assertThat(topics()).anyMatch(topic -> topic.startsWith(APPLICATION + "-"));
        ToolRun dryRun = tool("operator", "rebuild", "--application-id", APPLICATION, "--dry-run");
        assertThat(dryRun.exitCode()).as(dryRun.toString()).isZero();
        assertThat(dryRun.out()).contains(APPLICATION + "-stream-windows-changelog");
        ToolRun yes = tool("operator", "rebuild", "--application-id", APPLICATION, "--yes");
        assertThat(yes.exitCode()).as(yes.toString()).isZero();

        assertThat(topics()).noneMatch(topic -> topic.startsWith(APPLICATION + "-"));
        try (Admin admin = cluster.admin()) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(APPLICATION)
                    .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
            assertThat(committed).isNotEmpty().allSatisfy((partition, offset) ->
                    assertThat(offset.offset()).as(partition.toString()).isZero());
        }

        ToolRun operatorSegment = tool("operator", "segment", "--stream", "secure", "--rendition", "720p",
                "--sequence", "9", "--duration", "2.0", "--path", "/s/9.ts", "--app-url", "none");
        assertThat(operatorSegment.exitCode()).as(operatorSegment.toString()).isEqualTo(4);
        try (Admin asOperator = admin("operator")) {
            assertRefused(() -> asOperator.deleteTopics(List.of(STREAM_EVENTS)).all().get(30, TimeUnit.SECONDS));
        }
        assertThat(topics()).contains(STREAM_EVENTS);
    }

    /** One run of the real producer-tools in this JVM as {@code user}, with its {@code --command-config}. */
    private static ToolRun tool(String user, String... command) {
        List<String> args = new ArrayList<>(List.of(command));
        int at = command[0].equals("command") ? 2 : 1;
        args.addAll(at, List.of("--bootstrap-servers", cluster.bootstrapServers(),
                "--command-config", configs.get(user).toString()));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = new ProducerTools().execute(new PrintWriter(out), new PrintWriter(err),
                args.toArray(String[]::new));
        return new ToolRun(exitCode, out.toString(), err.toString());
    }

    private record ToolRun(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(TopicAuthorizationException.class);
    }

    private static Properties clientProperties(String user) {
        Properties props = new Properties();
        props.putAll(security.clientProperties(user, PASSWORDS.get(user)));
        props.put("bootstrap.servers", cluster.bootstrapServers());
        props.put("request.timeout.ms", "10000");
        props.put("default.api.timeout.ms", "15000");
        return props;
    }

    private static Admin admin(String user) {
        return Admin.create(clientProperties(user));
    }

    private static KafkaConsumer<byte[], byte[]> consumer(String user) {
        return new KafkaConsumer<>(clientProperties(user), new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** Polls until the consumer throws, or returns (nothing thrown) after {@code limit}. */
    private static void pollFor(KafkaConsumer<byte[], byte[]> consumer, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(500));
        }
    }

    private static List<String> topics() throws Exception {
        try (Admin admin = cluster.admin()) {
            return List.copyOf(admin.listTopics().names().get(30, TimeUnit.SECONDS));
        }
    }

    /** How many records the topic holds, read as the admin: the sum of its partitions' end offsets. */
    private static long records(String topic) throws Exception {
        return offsets(topic, OffsetSpec.latest());
    }

    /** The sum over the topic's partitions of their earliest or latest offsets, read as the admin. */
    private static long offsets(String topic, OffsetSpec spec) throws Exception {
        try (Admin admin = cluster.admin()) {
            int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS)
                    .get(topic).partitions().size();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (int p = 0; p < partitions; p++) {
                latest.put(new TopicPartition(topic, p), spec);
            }
            return admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).values().stream()
                    .mapToLong(info -> info.offset()).sum();
        }
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + path)).timeout(Duration.ofSeconds(5))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static long millis(long from, long to) {
        return TimeUnit.NANOSECONDS.toMillis(to - from);
    }
}
