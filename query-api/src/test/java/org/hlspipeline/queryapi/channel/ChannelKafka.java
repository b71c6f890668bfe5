package org.hlspipeline.queryapi.channel;

import org.hlspipeline.processor.channel.ChannelStores;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.hlspipeline.processor.hls.PlaylistRenderer;
import org.hlspipeline.processor.hls.WindowSlide;
import org.hlspipeline.queryapi.kafka.StreamsRuntime;
import org.hlspipeline.processor.playout.AdMarkers;
import org.hlspipeline.processor.playout.ChannelConfig;
import org.hlspipeline.processor.playout.ChannelPlaylists;
import org.hlspipeline.processor.playout.ChannelSegment;
import org.hlspipeline.processor.playout.ChannelState;
import org.hlspipeline.processor.playout.Layer;
import org.hlspipeline.processor.playout.ResumePolicy;
import org.hlspipeline.schemas.channel.AfterAlert;
import org.hlspipeline.schemas.channel.AiredSegment;
import org.hlspipeline.schemas.channel.Alert;
import org.hlspipeline.schemas.channel.Broadcast;
import org.hlspipeline.schemas.channel.ChannelCommand;
import org.hlspipeline.schemas.channel.ConfigureChannel;
import org.hlspipeline.schemas.channel.Item;
import org.hlspipeline.schemas.channel.ItemKind;
import org.hlspipeline.schemas.channel.LadderRendition;
import org.hlspipeline.schemas.channel.RenditionSource;
import org.hlspipeline.schemas.channel.VodSource;
import org.hlspipeline.schemas.registry.BundledSchemaRegistry;
import org.hlspipeline.schemas.serde.AvroDeserializer;
import org.hlspipeline.schemas.serde.AvroSerializer;
import org.hlspipeline.queryapi.testing.PipelineInstance;
import org.hlspipeline.queryapi.testing.TestKafka;

/**
 * Channel playout over Kafka, for integration tests: Avro commands and broadcasts written straight to a pipeline's
 * topics (as a scheduler would, no HTTP), the as-run topic read back as an operator would (committed records
 * only, since the topology writes with exactly-once), and the channel playlist a window of the as-run renders to.
 *
 * <p>Short timings throughout: a ladder of 720p and 480p, a target duration of 1 s, VOD assets of 1 s segments
 * whose URIs are {@code https://cdn.example/<item>/<rendition>/seg<n>.ts}.
 */
public final class ChannelKafka {

    public static final long SECOND_MICROS = 1_000_000L;
    public static final List<String> LADDER = List.of("720p", "480p");
    public static final int WINDOW_SIZE = 6;
    public static final int TARGET_DURATION_SECONDS = 1;

    private ChannelKafka() {
    }

    // --- Avro items and commands ---

    /** A VOD item of {@code count} segments of 1 s in both renditions of the ladder. */
    public static Item vod(String itemId, ItemKind kind, int count) {
        Map<String, RenditionSource> renditions = new LinkedHashMap<>();
        for (String rendition : LADDER) {
            renditions.put(rendition, RenditionSource.newBuilder()
                    .setUriTemplate("https://cdn.example/" + itemId + "/" + rendition + "/seg{n}.ts")
                    .setUris(new ArrayList<>()).build());
        }
        return new Item(itemId, kind, itemId.toUpperCase(java.util.Locale.ROOT),
                new VodSource(renditions, count, SECOND_MICROS, new ArrayList<>(), 0L), null, null, false, false);
    }

    /** Ladder 720p/480p, window of 6, target duration 1 s; the filler may be null. */
    public static ConfigureChannel configure(Item fillerOrNull) {
        List<LadderRendition> ladder = new ArrayList<>();
        ladder.add(LadderRendition.newBuilder().setName("720p").setBandwidth(3_000_000L).setResolution("1280x720")
                .setCodecs("avc1.4d401f,mp4a.40.2").setFrameRate(25.0).build());
        ladder.add(LadderRendition.newBuilder().setName("480p").setBandwidth(1_200_000L).setResolution("854x480")
                .setCodecs("avc1.4d401e,mp4a.40.2").setFrameRate(25.0).build());
        return new ConfigureChannel(ladder, WINDOW_SIZE, TARGET_DURATION_SECONDS, fillerOrNull, true, null);
    }

    public static ChannelCommand command(String channelId, String commandId, Instant effectiveAtOrNull,
                                         Object payload) {
        return new ChannelCommand(channelId, commandId, effectiveAtOrNull, payload);
    }

    static Broadcast alert(String alertId, List<String> channels, Instant startAt, Duration duration,
                           AfterAlert after, Item... items) {
        return new Broadcast(alertId, new Alert(new ArrayList<>(channels), 100, startAt,
                duration.toNanos() / 1000, new ArrayList<>(List.of(items)), after));
    }

    @SafeVarargs
    public static <T> List<T> list(T... values) {
        return new ArrayList<>(List.of(values));
    }

    /** The partition Kafka's default partitioner gives a record key. */
    static int partitionOf(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    /** The segment number {@code n} of an as-run URI, that is the item's segment index (its assets start at 0). */
    public static int segmentIndex(AiredSegment s) {
        String uri = s.getUris().get("720p");
        return Integer.parseInt(uri.substring(uri.lastIndexOf("/seg") + 4, uri.length() - 3));
    }

    public static long airMillis(AiredSegment s) {
        return s.getAirTime().toEpochMilli();
    }

    /** Whether the live instance has taken in a command for the channel (its state is in the local store). */
    static boolean hasChannelState(PipelineInstance instance, String channelId) {
        KafkaStreams streams = instance.bean(StreamsRuntime.class).kafkaStreams();
        try {
            return streams.store(StoreQueryParameters.fromNameAndType(ChannelStores.CHANNELS,
                    QueryableStoreTypes.<String, byte[]>keyValueStore())).get(channelId) != null;
        } catch (RuntimeException e) {
            return false; // not queryable yet (rebalancing)
        }
    }

    // --- playlists from the as-run ---

    /**
     * The media playlist of {@code rendition} that the channel serves at wall time {@code atMillis}, rebuilt from
     * its as-run alone: the segments aired by then, slid by the channel's window rule, rendered by the production
     * renderer. Ad markers are not carried by the as-run, so this holds for channels without AD items.
     */
    public static String playlistAt(List<AiredSegment> asRun, long atMillis, String rendition) {
        List<ChannelSegment> aired = asRun.stream().filter(s -> airMillis(s) <= atMillis)
                .sorted(Comparator.comparingLong(AiredSegment::getMediaSequence))
                .map(s -> new ChannelSegment(s.getMediaSequence(), airMillis(s) * 1000, s.getDurationMicros(),
                        s.getUris(), s.getDiscontinuity(), s.getItemId(),
                        org.hlspipeline.processor.playout.ItemKind.valueOf(s.getKind().name()), s.getTitle()))
                .toList();
        if (aired.isEmpty()) {
            return "";
        }
        int removed = WindowSlide.removable(aired, ChannelSegment::durationMicros, WINDOW_SIZE,
                TARGET_DURATION_SECONDS);
        long slidDiscontinuities = aired.subList(0, removed).stream().filter(ChannelSegment::discontinuity).count();
        List<ChannelSegment> window = aired.subList(removed, aired.size());
        ChannelSegment last = aired.get(aired.size() - 1);
        ChannelConfig config = new ChannelConfig(
                List.of(new org.hlspipeline.processor.playout.LadderRendition("720p", 3_000_000L, null, "1280x720",
                                "avc1.4d401f,mp4a.40.2", 25.0),
                        new org.hlspipeline.processor.playout.LadderRendition("480p", 1_200_000L, null, "854x480",
                                "avc1.4d401e,mp4a.40.2", 25.0)),
                WINDOW_SIZE, TARGET_DURATION_SECONDS, null, true, AdMarkers.DATERANGE);
        ChannelState state = new ChannelState("as-run", config, last.endMicros(), last.mediaSequence() + 1,
                slidDiscontinuities, window,
                List.of(new Layer("queue", 0, ResumePolicy.RESUME, null, List.of(), List.of(), 0, 0)),
                List.of(), List.of(), 0, null, false, false, false, false);
        return PlaylistRenderer.renderMedia(ChannelPlaylists.media(state, rendition));
    }

    // --- writing ---

    /** Writes Avro channel commands and broadcasts, each record acknowledged before the call returns. */
    public static final class Publisher implements AutoCloseable {

        private final KafkaProducer<String, ChannelCommand> commands;
        private final KafkaProducer<String, Broadcast> broadcasts;

        Publisher() {
            this(TestKafka.bootstrapServers());
        }

        public Publisher(String bootstrapServers) {
            Map<String, Object> config = Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.LINGER_MS_CONFIG, 0);
            commands = new KafkaProducer<>(config, new StringSerializer(),
                    new AvroSerializer<>(new BundledSchemaRegistry()));
            broadcasts = new KafkaProducer<>(config, new StringSerializer(),
                    new AvroSerializer<>(new BundledSchemaRegistry()));
        }

        /** Keyed by channel id, with an explicit record timestamp (the command's "received" time). */
        public void command(String topic, ChannelCommand command, long timestampMillis) {
            send(commands, new ProducerRecord<>(topic, null, timestampMillis, command.getChannelId(), command));
        }

        /** Keyed by alert id, with an explicit record timestamp. */
        void broadcast(String topic, Broadcast broadcast, long timestampMillis) {
            send(broadcasts, new ProducerRecord<>(topic, null, timestampMillis, broadcast.getAlertId(), broadcast));
        }

        private static <V> void send(KafkaProducer<String, V> producer, ProducerRecord<String, V> record) {
            try {
                producer.send(record).get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("cannot write to " + record.topic(), e.getCause());
            }
        }

        @Override
        public void close() {
            commands.close(Duration.ofSeconds(5));
            broadcasts.close(Duration.ofSeconds(5));
        }
    }

    // --- reading ---

    /**
     * The as-run topic from its beginning, committed records only, per channel in topic order (which for one
     * channel is air order: a channel's records share a partition).
     */
    public static final class AsRun implements AutoCloseable {

        private final String topic;
        private final KafkaConsumer<String, byte[]> consumer;
        private final AvroDeserializer<AiredSegment> deserializer =
                new AvroDeserializer<>(AiredSegment.class, new BundledSchemaRegistry());
        private final Map<String, List<AiredSegment>> byChannel = new LinkedHashMap<>();

        AsRun(String topic) {
            this(TestKafka.bootstrapServers(), topic);
        }

        public AsRun(String bootstrapServers, String topic) {
            this.topic = topic;
            consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                    new StringDeserializer(), new ByteArrayDeserializer());
            org.awaitility.Awaitility.await("as-run topic " + topic + " exists").atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> !consumer.partitionsFor(topic, Duration.ofSeconds(5)).isEmpty());
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(5)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
        }

        String topic() {
            return topic;
        }

        /** Everything read so far for the channel, after one more poll. */
        synchronized List<AiredSegment> of(String channelId) {
            poll();
            return List.copyOf(byChannel.getOrDefault(channelId, List.of()));
        }

        /** The channel's as-run before {@code horizonMillis}, once a segment at or after the horizon is read. */
        public List<AiredSegment> awaitUntil(String channelId, long horizonMillis, Duration atMost) {
            org.awaitility.Awaitility.await("as-run of " + channelId + " on " + topic + " reaches "
                            + Instant.ofEpochMilli(horizonMillis))
                    .atMost(atMost).pollInterval(Duration.ofMillis(200))
                    .until(() -> of(channelId).stream().anyMatch(s -> airMillis(s) >= horizonMillis));
            return of(channelId).stream().filter(s -> airMillis(s) < horizonMillis).toList();
        }

        /** Waits until the channel's as-run satisfies the condition, and returns it. */
        List<AiredSegment> awaitThat(String channelId, String what, Duration atMost,
                                 Predicate<List<AiredSegment>> condition) {
            org.awaitility.Awaitility.await(what).atMost(atMost).pollInterval(Duration.ofMillis(200))
                    .until(() -> condition.test(of(channelId)));
            return of(channelId);
        }

        private void poll() {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                AiredSegment segment = deserializer.deserialize(record.topic(), record.value());
                byChannel.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(segment);
            }
        }

        @Override
        public void close() {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /** The instances' channel-command partitions, by instance (host:port), from Kafka Streams' metadata. */
    static Map<String, Set<Integer>> commandPartitionsByInstance(PipelineInstance any, String commandsTopic) {
        Map<String, Set<Integer>> owners = new LinkedHashMap<>();
        for (var client : any.bean(StreamsRuntime.class).kafkaStreams().metadataForAllStreamsClients()) {
            Set<Integer> partitions = new java.util.TreeSet<>();
            client.topicPartitions().stream().filter(tp -> tp.topic().equals(commandsTopic))
                    .forEach(tp -> partitions.add(tp.partition()));
            owners.put(client.host() + ":" + client.port(), partitions);
        }
        return owners;
    }
}
