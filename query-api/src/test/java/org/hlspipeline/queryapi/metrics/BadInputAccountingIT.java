package org.hlspipeline.queryapi.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hlspipeline.processor.channel.AvroChannels.configure;
import static org.hlspipeline.processor.channel.AvroChannels.vod;
import static org.hlspipeline.processor.channel.AvroChannels.vodOf;
import static org.hlspipeline.processor.ingest.StreamEvents.end;
import static org.hlspipeline.processor.ingest.StreamEvents.renditionInfo;
import static org.hlspipeline.processor.ingest.StreamEvents.segment;
import static org.hlspipeline.queryapi.testing.DeadLetterTopic.header;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.hlspipeline.processor.channel.AvroChannels;
import org.hlspipeline.processor.kafka.DeadLetters;
import org.hlspipeline.queryapi.testing.DeadLetterTopic;
import org.hlspipeline.queryapi.testing.HttpPlaylists;
import org.hlspipeline.queryapi.testing.PipelineInstance;
import org.hlspipeline.queryapi.testing.TestKafka;
import org.hlspipeline.queryapi.testing.TestPipeline;
import org.hlspipeline.schemas.channel.Broadcast;
import org.hlspipeline.schemas.channel.CancelAlert;
import org.hlspipeline.schemas.channel.ChannelCommand;
import org.hlspipeline.schemas.channel.ConfigureChannel;
import org.hlspipeline.schemas.channel.Enqueue;
import org.hlspipeline.schemas.channel.Item;
import org.hlspipeline.schemas.channel.Position;
import org.hlspipeline.schemas.channel.RemoveItem;
import org.hlspipeline.schemas.registry.BundledSchemaRegistry;
import org.hlspipeline.schemas.registry.RestSchemaRegistryClient;
import org.hlspipeline.schemas.registry.SchemaRegistryConfig;
import org.hlspipeline.schemas.serde.AvroSerializer;
import org.hlspipeline.schemas.stream.RenditionInfo;
import org.hlspipeline.schemas.stream.StreamEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every bad input, accounted for, over the real broker: a known mix of good records, duplicates, a late segment
 * and every kind of bad record on both input topics. Each bad record's dead letter carries the reason sent for,
 * its error class when it could not be read, and its own topic, partition and offset; the exact counters add up
 * to the records sent; and good records sent after the bad ones are still applied (see docs/operations.md,
 * "Exact counters").
 */
class BadInputAccountingIT {

    private static final String APPLIED = "applied";
    private static final String DUPLICATE = "duplicate";
    private static final String LATE = "late";
    private static final String READ_ERROR = "org.hlspipeline.schemas.serde.AvroDeserializationException";

    /** One record sent, and what must become of it: an outcome, and for a dead letter its reason. */
    private record Sent(String what, String topic, int partition, long offset, String outcome, String reason) {
    }

    private final List<Sent> sent = new ArrayList<>();
    private KafkaProducer<String, byte[]> producer;

    private void send(String what, String topic, String key, byte[] value, String outcome, String reason)
            throws Exception {
        RecordMetadata at = producer.send(new ProducerRecord<>(topic, key, value)).get();
        sent.add(new Sent(what, topic, at.partition(), at.offset(), outcome, reason));
    }

    @Test
    void recordsInEqualAppliedPlusDeadLetteredPlusDuplicatesAndEveryReasonIsRight(@TempDir Path dataDir)
            throws Exception {
        TestPipeline pipeline = TestPipeline.unique("accounting");
        String events = pipeline.streamEvents();
        String commands = pipeline.channelCommands();
        try (PipelineInstance app = PipelineInstance.start(pipeline, dataDir);
             DeadLetterTopic deadLetters = new DeadLetterTopic(pipeline.deadLetters());
             KafkaProducer<String, byte[]> kafka = new KafkaProducer<>(Map.of(
                     ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()),
                     new StringSerializer(), new ByteArraySerializer())) {
            producer = kafka;
            BundledSchemaRegistry bundled = new BundledSchemaRegistry();
            AvroSerializer<StreamEvent> eventBytes = new AvroSerializer<>(bundled);
            AvroSerializer<ChannelCommand> commandBytes = new AvroSerializer<>(bundled);
            AvroSerializer<Broadcast> broadcastBytes = new AvroSerializer<>(bundled);
            Function<StreamEvent, byte[]> ev = event -> eventBytes.serialize(events, event);
            Function<ChannelCommand, byte[]> cmd = command -> commandBytes.serialize(commands, command);
            int foreignId = new RestSchemaRegistryClient(SchemaRegistryConfig.fromProperties(
                    Map.of(SchemaRegistryConfig.URL, app.registryUrl()))).register("thumbnails-value",
                    BadRecords.FOREIGN);

            // hls.stream-events: good records, duplicates, then every bad kind.
            for (int s = 1; s <= 10; s++) {
                send("segment " + s, events, "mix-a", ev.apply(segment("mix-a", "720p", s)), APPLIED, null);
            }
            send("rendition", events, "mix-a", ev.apply(renditionInfo("mix-a", "720p", 2_500_000, "1280x720")),
                    APPLIED, null);
            for (int s = 1; s <= 3; s++) {
                send("segment " + s, events, "mix-b", ev.apply(segment("mix-b", "720p", s)), APPLIED, null);
            }
            send("end", events, "mix-b", ev.apply(end("mix-b")), APPLIED, null);
            // The window holds 6 segments (5 to 10): a repeat inside it is a duplicate, one below it is late.
            send("same segment again", events, "mix-a", ev.apply(segment("mix-a", "720p", 9)), DUPLICATE, null);
            send("same segment a third time", events, "mix-a", ev.apply(segment("mix-a", "720p", 9)), DUPLICATE,
                    null);
            send("a segment below the window", events, "mix-a", ev.apply(segment("mix-a", "720p", 1)), LATE, null);
            send("second end", events, "mix-b", ev.apply(end("mix-b")), DUPLICATE, null);
            send("garbage bytes", events, "mix-a", BadRecords.json(), "dead-lettered", "deserialization");
            send("unknown schema id", events, "mix-a", BadRecords.unknownSchemaId(), "dead-lettered",
                    "deserialization");
            send("a Broadcast, another topic's type", events, "mix-a",
                    broadcastBytes.serialize(pipeline.broadcasts(), new Broadcast("mix-a", new CancelAlert())),
                    "dead-lettered", "deserialization");
            send("a foreign schema", events, "mix-a", BadRecords.foreign(foreignId), "dead-lettered",
                    "deserialization");
            byte[] endBytes = ev.apply(end("mix-a"));
            send("a 2 GiB string claimed", events, "mix-a", BadRecords.claiming(endBytes, 5, Integer.MAX_VALUE - 8),
                    "dead-lettered", "deserialization");
            send("negative duration", events, "mix-a", ev.apply(segment("mix-a", "720p", 20, -2.0, "neg.ts")),
                    "dead-lettered", "invalid");
            StreamEvent nan = renditionInfo("mix-a", "480p", 1_000_000, "854x480");
            ((RenditionInfo) nan.getPayload()).setFrameRate(Double.NaN);
            send("NaN frame rate", events, "mix-a", ev.apply(nan), "dead-lettered", "invalid");
            send("empty stream id", events, "", ev.apply(segment("", "720p", 1)), "dead-lettered", "invalid");
            String longId = "x".repeat(129);
            send("129-character stream id", events, longId, ev.apply(segment(longId, "720p", 1)), "dead-lettered",
                    "invalid");
            send("control character in the URI", events, "mix-a",
                    ev.apply(segment("mix-a", "720p", 21, 2.0, "seg\u0007.ts")), "dead-lettered", "invalid");
            send("negative sequence", events, "mix-a", ev.apply(segment("mix-a", "720p", -1)), "dead-lettered",
                    "invalid");
            send("sequence above 2^53", events, "mix-a", ev.apply(segment("mix-a", "720p", (1L << 53) + 1)),
                    "dead-lettered", "invalid");
            send("key differs from the stream id", events, "mix-b", ev.apply(segment("mix-a", "720p", 22)),
                    "dead-lettered", "invalid");
            send("same sequence, another URI", events, "mix-a",
                    ev.apply(segment("mix-a", "720p", 10, 2.0, "other.ts")), "dead-lettered", "conflict");
            send("segment after the end", events, "mix-b", ev.apply(segment("mix-b", "720p", 4)), "dead-lettered",
                    "stream-ended");

            // hls.channel-commands: the same, in the words of channels.
            send("configure", commands, "tv-mix", cmd.apply(new ChannelCommand("tv-mix", "cfg", null,
                    configure("720p", "480p"))), APPLIED, null);
            send("enqueue", commands, "tv-mix", cmd.apply(enqueue("tv-mix", "c1", vod("ep1", 3))), APPLIED, null);
            send("same command id again", commands, "tv-mix", cmd.apply(enqueue("tv-mix", "c1", vod("ep1", 3))),
                    DUPLICATE, null);
            send("garbage bytes", commands, "tv-mix", BadRecords.json(), "dead-lettered", "deserialization");
            send("a StreamEvent, another topic's type", commands, "tv-mix", ev.apply(segment("tv-mix", "720p", 1)),
                    "dead-lettered", "deserialization");
            byte[] emptyEnqueue = cmd.apply(new ChannelCommand("tv-mix", "c9", null,
                    new Enqueue(List.of(), Position.END)));
            send("two billion items claimed", commands, "tv-mix",
                    BadRecords.claiming(emptyEnqueue, emptyEnqueue.length - 2, 2_000_000_000L), "dead-lettered",
                    "deserialization");
            send("unknown channel", commands, "tv-nowhere", cmd.apply(enqueue("tv-nowhere", "c1", vod("ep1", 3))),
                    "dead-lettered", "invalid");
            send("unknown rendition", commands, "tv-mix",
                    cmd.apply(enqueue("tv-mix", "c2", vod("ep2", 3, "720p", "1080p"))), "dead-lettered", "invalid");
            List<Item> many = new ArrayList<>();
            for (int i = 0; i < 101; i++) {
                many.add(vod("many" + i, 3));
            }
            send("101 items", commands, "tv-mix", cmd.apply(enqueue("tv-mix", "c3", many.toArray(Item[]::new))),
                    "dead-lettered", "invalid");
            String[] wide = new String[65];
            for (int i = 0; i < wide.length; i++) {
                wide[i] = "r" + i;
            }
            send("a ladder of 65", commands, "tv-wide", cmd.apply(new ChannelCommand("tv-wide", "cfg", null,
                    configure(wide))), "dead-lettered", "invalid");
            ConfigureChannel nanLadder = configure("720p");
            nanLadder.getLadder().get(0).setFrameRate(Double.NaN);
            send("NaN frame rate", commands, "tv-nan", cmd.apply(new ChannelCommand("tv-nan", "cfg", null,
                    nanLadder)), "dead-lettered", "invalid");
            Item negative = vod("neg", 3);
            vodOf(negative).setSegmentDurationMicros(-2_000_000L);
            send("negative duration", commands, "tv-mix", cmd.apply(enqueue("tv-mix", "c4", negative)),
                    "dead-lettered", "invalid");
            Item control = vod("ctl", 1);
            vodOf(control).getRenditions().put("720p", AvroChannels.uris("seg\u0001.ts"));
            send("control character in a URI", commands, "tv-mix", cmd.apply(enqueue("tv-mix", "c5", control)),
                    "dead-lettered", "invalid");
            send("empty command id", commands, "tv-mix", cmd.apply(enqueue("tv-mix", "", vod("ep1", 3))),
                    "dead-lettered", "invalid");
            send("remove an unknown item", commands, "tv-mix", cmd.apply(new ChannelCommand("tv-mix", "c6", null,
                    new RemoveItem("not-queued"))), "dead-lettered", "invalid");

            // Good records after the bad ones.
            for (int s = 11; s <= 12; s++) {
                send("segment " + s, events, "mix-a", ev.apply(segment("mix-a", "720p", s)), APPLIED, null);
            }
            send("enqueue after", commands, "tv-mix", cmd.apply(enqueue("tv-mix", "c7", vod("ep2", 3))), APPLIED,
                    null);

            Map<String, Long> expectedStream = outcomes(events);
            Map<String, Long> expectedChannel = outcomes(commands);
            await("every record counted").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                    .untilAsserted(() -> {
                        Prometheus scrape = Prometheus.scrape(app.http());
                        assertThat(counted(scrape, "stream-events")).as("stream-events").isEqualTo(expectedStream);
                        assertThat(counted(scrape, "channel-commands")).as("channel-commands")
                                .isEqualTo(expectedChannel);
                    });
            List<Sent> bad = sent.stream().filter(s -> s.reason() != null).toList();
            List<ConsumerRecord<String, byte[]>> letters = await("every dead letter").atMost(Duration.ofSeconds(20))
                    .pollInterval(Duration.ofMillis(100)).until(deadLetters::records, r -> r.size() >= bad.size());

            Prometheus scrape = Prometheus.scrape(app.http());
            long streamIn = sent.stream().filter(s -> s.topic().equals(events)).count();
            long channelIn = sent.stream().filter(s -> s.topic().equals(commands)).count();
            System.out.printf("accounting: stream-events in %d = applied %d + dead-lettered %d + duplicate %d + "
                            + "late %d; channel-commands in %d = applied %d + dead-lettered %d + duplicate %d; %d "
                            + "dead letters read%n", streamIn, expectedStream.get(APPLIED),
                    expectedStream.get("dead-lettered"), expectedStream.get(DUPLICATE), expectedStream.get(LATE),
                    channelIn,
                    expectedChannel.get(APPLIED), expectedChannel.get("dead-lettered"),
                    expectedChannel.get(DUPLICATE), letters.size());

            assertThat(counted(scrape, "stream-events").values().stream().mapToLong(Long::longValue).sum())
                    .isEqualTo(streamIn);
            assertThat(counted(scrape, "channel-commands").values().stream().mapToLong(Long::longValue).sum())
                    .isEqualTo(channelIn);
            assertThat(letters).hasSameSizeAs(bad);
            for (Sent record : bad) {
                ConsumerRecord<String, byte[]> letter = letters.stream()
                        .filter(l -> record.topic().equals(header(l, DeadLetters.SOURCE_TOPIC))
                                && String.valueOf(record.partition()).equals(header(l, DeadLetters.SOURCE_PARTITION))
                                && String.valueOf(record.offset()).equals(header(l, DeadLetters.SOURCE_OFFSET)))
                        .findFirst().orElseThrow(() -> new AssertionError("no dead letter for " + record));
                System.out.printf("accounting: %s on %s -> %s: %s%n", record.what(),
                        record.topic().equals(events) ? "stream-events" : "channel-commands",
                        header(letter, DeadLetters.REASON), header(letter, DeadLetters.DETAIL));
                assertThat(header(letter, DeadLetters.REASON)).as(record.what()).isEqualTo(record.reason());
                assertThat(header(letter, DeadLetters.DETAIL)).as(record.what()).isNotBlank();
                assertThat(header(letter, DeadLetters.ERROR_CLASS)).as(record.what())
                        .isEqualTo(record.reason().equals("deserialization") ? READ_ERROR : null);
            }
            for (String reason : List.of("deserialization", "invalid", "conflict", "stream-ended")) {
                assertThat(scrape.count("hls_dlq_records_exact", "input", "stream-events", "reason", reason))
                        .as(reason).isEqualTo(bad.stream().filter(s -> s.topic().equals(events)
                                && s.reason().equals(reason)).count());
                assertThat(scrape.count("hls_dlq_records_exact", "input", "channel-commands", "reason", reason))
                        .as(reason).isEqualTo(bad.stream().filter(s -> s.topic().equals(commands)
                                && s.reason().equals(reason)).count());
            }
            assertThat(HttpPlaylists.playlist(app.http(), "mix-a", "720p")).contains("seg12.ts");
            assertThat(app.http().get().uri("/actuator/health").exchange().expectStatus().isOk()
                    .expectBody(String.class).returnResult().getResponseBody()).contains("\"state\":\"RUNNING\"");
        }
    }

    private static ChannelCommand enqueue(String channel, String commandId, Item... items) {
        return new ChannelCommand(channel, commandId, null, new Enqueue(new ArrayList<>(List.of(items)),
                Position.END));
    }

    /** What was sent to {@code topic}, by outcome, as {@code hls_records_exact} must show it. */
    private Map<String, Long> outcomes(String topic) {
        Map<String, Long> counts = new TreeMap<>(Map.of(APPLIED, 0L, DUPLICATE, 0L, LATE, 0L, "dead-lettered", 0L));
        sent.stream().filter(s -> s.topic().equals(topic)).forEach(s -> counts.merge(s.outcome(), 1L, Long::sum));
        return counts;
    }

    private static Map<String, Long> counted(Prometheus scrape, String input) {
        Map<String, Long> counts = new TreeMap<>();
        for (String outcome : List.of(APPLIED, DUPLICATE, LATE, "dead-lettered")) {
            counts.put(outcome, scrape.count("hls_records_exact", "input", input, "outcome", outcome));
        }
        return counts;
    }
}
