package org.hlspipeline.bench;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.hlspipeline.channel.ChannelStateCodec;
import org.hlspipeline.pipeline.PipelineTopics;
import org.hlspipeline.playout.ChannelSegment;
import org.hlspipeline.playout.ChannelState;
import org.hlspipeline.playout.Playout;
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
 * The pure part of one channel boundary, as {@code ChannelCommandProcessor.tick} does it for one due channel:
 * decode the stored state, {@code Playout.advance} to the boundary (one segment airs), build and serialize the
 * as-run {@code AiredSegment}, compare the states (the processor's write-on-change check) and encode the new
 * state. RocksDB, the due index, Kafka (forward, produce, changelog) and the listener are not included.
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
        /** Stored bytes of state i, as the channels store holds them. */
        byte[][] stored;
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
            stored = new byte[STATES][];
            decoded = new ChannelState[STATES];
            untilMicros = new long[STATES];
            advanced = new ChannelState[STATES];
            aired = new ChannelSegment[STATES];
            for (int i = 0; i < STATES; i++) {
                stored[i] = ChannelStateCodec.CHANNEL.encode(states[i]);
                decoded[i] = ChannelStateCodec.CHANNEL.decode(stored[i]);
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
            for (byte[] b : stored) {
                min = Math.min(min, b.length);
                max = Math.max(max, b.length);
                sum += b.length;
            }
            int key = ChannelFixtures.CHANNEL_ID.getBytes(StandardCharsets.UTF_8).length;
            byte[] asRun = asRunSerializer.serialize(asRunTopic, ChannelFixtures.asRun(ChannelFixtures.CHANNEL_ID,
                    aired[0]));
            double mean = (double) sum / stored.length;
            double boundariesPerSecond = 10_000 / (ChannelFixtures.SEGMENT_MICROS / 1e6);
            System.out.printf(Locale.ROOT, "%nchannel state value: %d to %d B (mean %.0f B) over %d boundaries; "
                            + "key %d B; as-run value %d B%n"
                            + "at %,.0f boundaries/s: %.1f MB/s (%.1f MiB/s) of channels changelog key+value, "
                            + "%.2f MB/s of as-run values%n",
                    min, max, mean, stored.length, key, asRun.length, boundariesPerSecond,
                    (mean + key) * boundariesPerSecond / 1e6, (mean + key) * boundariesPerSecond / 1048576.0,
                    (double) asRun.length * boundariesPerSecond / 1e6);
        }

        /** The index of this invocation's boundary; cycles through the prepared states. */
        int take() {
            int i = next;
            next = i + 1 == STATES ? 0 : i + 1;
            return i;
        }
    }

    @Benchmark
    public ChannelState decode(Boundaries b) {
        return ChannelStateCodec.CHANNEL.decode(b.stored[b.take()]);
    }

    @Benchmark
    public Playout.Advance advanceOneBoundary(Boundaries b) {
        int i = b.take();
        return Playout.advance(b.decoded[i], b.untilMicros[i]);
    }

    @Benchmark
    public byte[] encode(Boundaries b) {
        return ChannelStateCodec.CHANNEL.encode(b.advanced[b.take()]);
    }

    @Benchmark
    public byte[] asRunSerialize(Boundaries b) {
        return b.asRunSerializer.serialize(b.asRunTopic,
                ChannelFixtures.asRun(ChannelFixtures.CHANNEL_ID, b.aired[b.take()]));
    }

    /** Everything above for one due channel, in the order {@code tick} does it. */
    @Benchmark
    public byte[] boundary(Boundaries b, Blackhole bh) {
        int i = b.take();
        ChannelState state = ChannelStateCodec.CHANNEL.decode(b.stored[i]);
        Playout.Advance advance = Playout.advance(state, b.untilMicros[i]);
        for (ChannelSegment segment : advance.aired()) {
            bh.consume(b.asRunSerializer.serialize(b.asRunTopic,
                    ChannelFixtures.asRun(state.channelId(), segment)));
        }
        ChannelState after = advance.state();
        if (state.equals(after)) {
            return null; // never here: every prepared boundary airs a segment
        }
        return ChannelStateCodec.CHANNEL.encode(after);
    }
}
