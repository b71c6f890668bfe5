package org.hlspipeline.bench;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.hlspipeline.processor.channel.ChannelStateCodec;
import org.hlspipeline.processor.channel.StoredChannel;
import org.hlspipeline.processor.kafka.PipelineTopics;
import org.hlspipeline.processor.playout.ChannelSegment;
import org.hlspipeline.processor.playout.ChannelState;
import org.hlspipeline.processor.playout.Playout;
import org.hlspipeline.schemas.channel.AiredSegment;
import org.hlspipeline.schemas.registry.BundledSchemaRegistry;
import org.hlspipeline.schemas.serde.AvroSerializer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The pure part of one channel boundary, as {@code ChannelCommandProcessor.tick} and {@code ChannelStore} do it
 * for one due channel: decode the stored timeline (the programme stays bytes until the engine needs it),
 * {@code Playout.advance} to the boundary (one segment airs), build and serialize the as-run {@code AiredSegment},
 * compare the states (the processor's write-on-change check), encode the new timeline, and encode the programme
 * when it changed. RocksDB, the due index, Kafka (forward, produce, changelog) and the listener are not included.
 *
 * <p>Every invocation airs exactly one segment: {@code @Setup} prepares {@value #STATES} consecutive states of
 * the {@link ChannelFixtures} channel, one boundary apart, checks that each airs exactly one segment and slides
 * the full window by one, and the benchmarks cycle through them. {@value #STATES} boundaries are one item's
 * length, so each cycle contains exactly one item change (the queue goes from 50 to 49 items), as a channel of
 * hour-long items does.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ChannelBoundaryBenchmark {

    static final int STATES = ChannelFixtures.ITEM_SEGMENTS;

    @State(Scope.Thread)
    public static class Boundaries {
        /** State i as the two channel stores hold it. */
        StoredChannel[] stored;
        /** State i as decoded from the store, the input of advance. */
        ChannelState[] decoded;
        /** The boundary of state i: its next air time. */
        long[] untilMicros;
        /** State i after its boundary, the input of encode. */
        ChannelState[] advanced;
        /** The segment aired at boundary i, the input of the as-run record. */
        ChannelSegment[] aired;
        AvroSerializer<AiredSegment> asRunSerializer;
        String asRunTopic;
        int next;

        @Setup(Level.Trial)
        public void setUp() {
            ChannelState[] states = ChannelFixtures.consecutiveStates(STATES);
            stored = new StoredChannel[STATES];
            decoded = new ChannelState[STATES];
            untilMicros = new long[STATES];
            advanced = new ChannelState[STATES];
            aired = new ChannelSegment[STATES];
            for (int i = 0; i < STATES; i++) {
                stored[i] = StoredChannel.of(states[i]);
                decoded[i] = stored[i].decode();
                Fixtures.check(decoded[i].equals(states[i]), "state " + i + " does not survive the codec");
                untilMicros[i] = decoded[i].nextAirMicros();
                Playout.Advance advance = Playout.advance(decoded[i], untilMicros[i]);
                ChannelFixtures.checkOneBoundary(decoded[i], advance);
                Fixtures.check(advance.state().equals(states[i + 1]), "boundary " + i + " airs differently");
                advanced[i] = advance.state();
                aired[i] = advance.aired().get(0);
            }
            long itemChanges = Arrays.stream(aired).filter(ChannelSegment::discontinuity).count();
            Fixtures.check(itemChanges == 1, "expected one item change per cycle, got " + itemChanges);
            asRunSerializer = new AvroSerializer<>(new BundledSchemaRegistry());
            asRunTopic = PipelineTopics.DEFAULT_AS_RUN;
            next = 0;
            printSizes();
        }

        private void printSizes() {
            int min = Integer.MAX_VALUE;
            int max = 0;
            long sum = 0;
            int programmeWrites = 0;
            long programmeBytes = 0;
            for (int i = 0; i < STATES; i++) {
                byte[] b = stored[i].timeline();
                min = Math.min(min, b.length);
                max = Math.max(max, b.length);
                sum += b.length;
                if (ChannelStateCodec.programmeChanged(decoded[i], advanced[i])) {
                    programmeWrites++;
                    programmeBytes += ChannelStateCodec.encodeProgramme(advanced[i]).length;
                }
            }
            int key = ChannelFixtures.CHANNEL_ID.getBytes(StandardCharsets.UTF_8).length;
            byte[] asRun = asRunSerializer.serialize(asRunTopic, ChannelFixtures.asRun(ChannelFixtures.CHANNEL_ID,
                    aired[0]));
            double mean = (double) sum / stored.length;
            double boundariesPerSecond = 10_000 / (ChannelFixtures.SEGMENT_MICROS / 1e6);
            double programmePerBoundary = (double) (programmeBytes + (long) programmeWrites * key) / STATES;
            double changelog = (mean + key + programmePerBoundary) * boundariesPerSecond;
            System.out.printf(Locale.ROOT, "%nchannel timeline value: %d to %d B (mean %.0f B) over %d boundaries; "
                            + "programme written at %d of them (%d B in all); key %d B; as-run value %d B%n"
                            + "at %,.0f boundaries/s: %.1f MB/s (%.1f MiB/s) of channel changelogs key+value, "
                            + "%.2f MB/s of as-run values%n",
                    min, max, mean, STATES, programmeWrites, programmeBytes, key, asRun.length,
                    boundariesPerSecond, changelog / 1e6, changelog / 1048576.0,
                    (double) asRun.length * boundariesPerSecond / 1e6);
        }

        /** The index of this invocation's boundary; cycles through the prepared states. */
        int take() {
            int i = next;
            next = i + 1 == STATES ? 0 : i + 1;
            return i;
        }
    }

    /** The timeline decoded; the programme stays bytes (the engine does not look at it in this boundary). */
    @Benchmark
    public ChannelState decode(Boundaries b) {
        return b.stored[b.take()].decode();
    }

    @Benchmark
    public Playout.Advance advanceOneBoundary(Boundaries b) {
        int i = b.take();
        return Playout.advance(b.decoded[i], b.untilMicros[i]);
    }

    @Benchmark
    public byte[] encode(Boundaries b) {
        return ChannelStateCodec.encodeTimeline(b.advanced[b.take()]);
    }

    @Benchmark
    public byte[] asRunSerialize(Boundaries b) {
        return b.asRunSerializer.serialize(b.asRunTopic,
                ChannelFixtures.asRun(ChannelFixtures.CHANNEL_ID, b.aired[b.take()]));
    }

    /**
     * Everything above for one due channel, in the order {@code tick} does it; once per cycle the item changes and
     * the programme is decoded and encoded too.
     */
    @Benchmark
    public byte[] boundary(Boundaries b, Blackhole bh) {
        int i = b.take();
        ChannelState state = b.stored[i].decode();
        Playout.Advance advance = Playout.advance(state, b.untilMicros[i]);
        for (ChannelSegment segment : advance.aired()) {
            bh.consume(b.asRunSerializer.serialize(b.asRunTopic,
                    ChannelFixtures.asRun(state.channelId(), segment)));
        }
        ChannelState after = advance.state();
        if (state.equals(after)) {
            return null; // never here: every prepared boundary airs a segment
        }
        if (ChannelStateCodec.programmeChanged(state, after)) {
            bh.consume(ChannelStateCodec.encodeProgramme(after));
        }
        return ChannelStateCodec.encodeTimeline(after);
    }
}
