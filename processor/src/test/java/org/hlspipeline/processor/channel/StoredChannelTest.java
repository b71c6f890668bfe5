package org.hlspipeline.processor.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The pairing of a channel's timeline and programme while the channel task writes, driven read by read: the
 * "task" below writes the way {@link ChannelStore#put} does (programme first, then timeline) at chosen moments
 * between the query's reads.
 */
class StoredChannelTest {

    /** Two stores and a writer that runs a given step just before the n-th read. */
    private static final class InterleavedStores implements StoredChannel.StoreReader {
        private final Map<String, byte[]> values = new HashMap<>();
        private final Map<Integer, Runnable> beforeRead = new HashMap<>();
        private int reads;

        void put(String store, String value) {
            values.put(store, bytes(value));
        }

        void beforeRead(int read, Runnable write) {
            beforeRead.put(read, write);
        }

        @Override
        public byte[] get(String storeName, String channelId) {
            beforeRead.getOrDefault(++reads, () -> { }).run();
            return values.get(storeName);
        }
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    private static InterleavedStores atBoundary(int n) {
        InterleavedStores stores = new InterleavedStores();
        stores.put(ChannelStores.PROGRAMMES, "programme-" + n);
        stores.put(ChannelStores.CHANNELS, "timeline-" + n);
        return stores;
    }

    private static Runnable writesBoundary(InterleavedStores stores, int n, boolean timelineToo) {
        return () -> {
            stores.put(ChannelStores.PROGRAMMES, "programme-" + n);
            if (timelineToo) {
                stores.put(ChannelStores.CHANNELS, "timeline-" + n);
            }
        };
    }

    @Test
    void aQuietChannelIsReadInThreeReads() {
        InterleavedStores stores = atBoundary(1);

        StoredChannel read = StoredChannel.read(stores, "tv");

        assertThat(read.timeline()).isEqualTo(bytes("timeline-1"));
        assertThat(read.programme()).isEqualTo(bytes("programme-1"));
        assertThat(stores.reads).isEqualTo(3);
    }

    @Test
    void aProgrammeWrittenBetweenTheFirstTwoReadsIsNotPairedWithTheOldTimeline() {
        InterleavedStores stores = atBoundary(1);
        // The task has written the new programme, not yet the new timeline, when the timeline is read.
        stores.beforeRead(2, writesBoundary(stores, 2, false));
        stores.beforeRead(4, () -> stores.put(ChannelStores.CHANNELS, "timeline-2"));

        StoredChannel read = StoredChannel.read(stores, "tv");

        assertThat(new String(read.timeline(), StandardCharsets.UTF_8)).isEqualTo("timeline-2");
        assertThat(new String(read.programme(), StandardCharsets.UTF_8)).isEqualTo("programme-2");
    }

    @Test
    void aBoundaryWrittenAfterTheTimelineReadIsNoticedAndReadAgain() {
        InterleavedStores stores = atBoundary(1);
        stores.beforeRead(3, writesBoundary(stores, 2, true));

        StoredChannel read = StoredChannel.read(stores, "tv");

        assertThat(new String(read.timeline(), StandardCharsets.UTF_8)).isEqualTo("timeline-2");
        assertThat(new String(read.programme(), StandardCharsets.UTF_8)).isEqualTo("programme-2");
        assertThat(stores.reads).isEqualTo(6);
    }

    @Test
    void aTimelineOnlyBoundaryKeepsTheProgrammeItWasWrittenWith() {
        InterleavedStores stores = atBoundary(1);
        stores.beforeRead(3, () -> stores.put(ChannelStores.CHANNELS, "timeline-1b"));

        StoredChannel read = StoredChannel.read(stores, "tv");

        assertThat(new String(read.programme(), StandardCharsets.UTF_8)).isEqualTo("programme-1");
        assertThat(stores.reads).isEqualTo(3);
    }

    @Test
    void anUnknownChannelIsNull() {
        assertThat(StoredChannel.read(new InterleavedStores(), "tv")).isNull();
    }

    @Test
    void aProgrammeRewrittenUnderEveryAttemptIsRefusedRatherThanMispaired() {
        InterleavedStores stores = atBoundary(0);
        for (int read = 3; read < 200; read += 3) {
            stores.beforeRead(read, writesBoundary(stores, read, true));
        }

        assertThatThrownBy(() -> StoredChannel.read(stores, "tv"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("channel tv changed under 16 reads");
    }
}
