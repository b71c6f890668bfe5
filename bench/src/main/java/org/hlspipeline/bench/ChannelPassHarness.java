package org.hlspipeline.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.stream.Stream;

import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.hlspipeline.processor.channel.ChannelPlayoutSettings;
import org.hlspipeline.processor.channel.ChannelPlayoutTopology;
import org.hlspipeline.processor.channel.ChannelStores;
import org.hlspipeline.processor.channel.ChannelStateCodec;
import org.hlspipeline.processor.channel.StoredChannel;
import org.hlspipeline.processor.kafka.PipelineTopics;
import org.apache.kafka.streams.state.KeyValueStore;
import org.hlspipeline.processor.playout.ChannelConfig;
import org.hlspipeline.processor.playout.ChannelState;
import org.hlspipeline.processor.playout.Playout;
import org.hlspipeline.processor.playout.PlayoutCommand;
import org.hlspipeline.processor.kafka.DueIndex;
import org.hlspipeline.schemas.channel.AiredSegment;
import org.hlspipeline.schemas.channel.Broadcast;
import org.hlspipeline.schemas.channel.ChannelCommand;
import org.hlspipeline.schemas.registry.BundledSchemaRegistry;
import org.hlspipeline.schemas.serde.AvroSerde;

/**
 * Channel punctuation at the scale target, through the real channel topology: its processor, its RocksDB stores
 * (timelines, programmes, due index), the Avro as-run records and the changelog writes, driven by Kafka's
 * {@link TopologyTestDriver} instead of a broker. Every channel is configured with the {@link ChannelFixtures}
 * ladder and given 51 hour-long items at the same instant, so every 2 s of wall clock all of them are due at once:
 * the worst case for one punctuation pass. Each round is one pass and one commit (RocksDB flush, checkpoint).
 *
 * <p>Prints per round the boundaries aired, the time the pass took, and the changelog bytes written, then the
 * heap in use and the size of the state directory. Run with:
 * {@code java -cp bench/target/benchmarks.jar org.hlspipeline.bench.ChannelPassHarness [channels] [rounds]}.
 */
public final class ChannelPassHarness {

    private static final Instant T0 = Instant.parse("2026-11-21T20:00:00Z");
    private static final Duration SEGMENT = Duration.ofSeconds(2);

    private ChannelPassHarness() {
    }

    public static void main(String[] args) throws IOException {
        int channels = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        Path stateDir = Files.createTempDirectory("channel-pass-");
        BundledSchemaRegistry registry = new BundledSchemaRegistry();
        AvroSerde<ChannelCommand> commandSerde = AvroSerde.of(ChannelCommand.class, registry);
        AvroSerde<AiredSegment> asRunSerde = AvroSerde.of(AiredSegment.class, registry);
        PipelineTopics topics = PipelineTopics.defaults();
        ChannelPlayoutSettings settings = ChannelPlayoutSettings.defaults(topics, commandSerde.deserializer(),
                AvroSerde.of(Broadcast.class, registry).deserializer(), asRunSerde.serializer());
        String applicationId = "channel-pass";
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        long heapBefore = usedHeap();

        try (TopologyTestDriver driver = new TopologyTestDriver(ChannelPlayoutTopology.build(settings), props, T0)) {
            TestOutputTopic<String, byte[]> asRun = driver.createOutputTopic(topics.asRun(), new StringDeserializer(),
                    new ByteArrayDeserializer());
            List<TestOutputTopic<String, byte[]>> changelogs = new ArrayList<>();
            for (String store : List.of(ChannelStores.CHANNELS, ChannelStores.PROGRAMMES, ChannelStores.DUE,
                    ChannelStores.SEEN)) {
                changelogs.add(driver.createOutputTopic(applicationId + "-" + store + "-changelog",
                        new StringDeserializer(), new ByteArrayDeserializer()));
            }

            long setupStart = System.nanoTime();
            seed(driver, channels);
            System.out.printf(Locale.ROOT, "%,d channels seeded with %d items each in %.1f s%n", channels,
                    ChannelFixtures.QUEUED + 1, (System.nanoTime() - setupStart) / 1e9);

            System.out.println("round  boundaries  pass ms  us/boundary  changelog KB  changelog B/boundary");
            for (int round = 1; round <= rounds; round++) {
                long start = System.nanoTime();
                driver.advanceWallClockTime(SEGMENT);
                long nanos = System.nanoTime() - start;
                long aired = asRun.getQueueSize();
                long[] bytes = drain(asRun, changelogs);
                System.out.printf(Locale.ROOT, "%5d  %10d  %7.0f  %11.1f  %12.0f  %20.0f%n", round, aired,
                        nanos / 1e6, aired == 0 ? 0 : nanos / 1e3 / aired, bytes[1] / 1024.0,
                        aired == 0 ? 0 : (double) bytes[1] / aired);
            }
            System.out.printf(Locale.ROOT, "heap in use: %.0f MiB before the driver, %.0f MiB with %,d channels%n",
                    heapBefore / 1048576.0, usedHeap() / 1048576.0, channels);
            System.out.printf(Locale.ROOT, "state directory: %.1f MiB%n", size(stateDir) / 1048576.0);
        }
    }

    /**
     * Stores every channel as the processor would after taking in its configure and enqueue commands at T0: the
     * test driver commits (flushing RocksDB and writing checkpoints) after every piped record, which a running
     * application does only every commit interval, so piping 20,000 commands would mostly measure that.
     */
    private static void seed(TopologyTestDriver driver, int channels) {
        KeyValueStore<String, byte[]> timelines = driver.getKeyValueStore(ChannelStores.CHANNELS);
        KeyValueStore<String, byte[]> programmes = driver.getKeyValueStore(ChannelStores.PROGRAMMES);
        DueIndex due = new DueIndex(driver.getKeyValueStore(ChannelStores.DUE));
        ChannelConfig config = new ChannelConfig(ChannelFixtures.LADDER, ChannelFixtures.WINDOW,
                ChannelFixtures.TARGET_SECONDS, ChannelFixtures.filler(), true,
                org.hlspipeline.processor.playout.AdMarkers.DATERANGE);
        List<org.hlspipeline.processor.playout.Item> items = new ArrayList<>();
        for (int i = 0; i <= ChannelFixtures.QUEUED; i++) {
            items.add(ChannelFixtures.program(i));
        }
        long effective = (T0.toEpochMilli() + ChannelPlayoutSettings.DEFAULT_COMMAND_LEAD.toMillis()) * 1000;
        for (int c = 0; c < channels; c++) {
            String id = String.format(Locale.ROOT, "channel-%06d", c);
            ChannelState state = Playout.schedule(ChannelState.create(id), new PlayoutCommand.Configure(config),
                    effective);
            state = Playout.schedule(state, new PlayoutCommand.Enqueue(items, false), effective);
            StoredChannel stored = StoredChannel.of(state);
            timelines.put(id, stored.timeline());
            programmes.put(id, stored.programme());
            due.update(id, OptionalLong.empty(), OptionalLong.of(state.nextDueMicros()));
        }
    }

    /** Empties the captured outputs; returns the as-run and changelog bytes (keys and values) they held. */
    private static long[] drain(TestOutputTopic<String, byte[]> asRun,
                                List<TestOutputTopic<String, byte[]>> changelogs) {
        long asRunBytes = 0;
        for (TestRecord<String, byte[]> r : asRun.readRecordsToList()) {
            asRunBytes += r.value().length;
        }
        long changelogBytes = 0;
        for (TestOutputTopic<String, byte[]> changelog : changelogs) {
            for (TestRecord<String, byte[]> r : changelog.readRecordsToList()) {
                changelogBytes += r.key().length() + (r.value() == null ? 0 : r.value().length);
            }
        }
        return new long[] {asRunBytes, changelogBytes};
    }

    private static long usedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    private static long size(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
