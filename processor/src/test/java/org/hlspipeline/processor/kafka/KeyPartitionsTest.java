package org.hlspipeline.processor.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.junit.jupiter.api.Test;

class KeyPartitionsTest {

    /**
     * murmur2 hashes of UTF-8 strings as Kafka's own clients test them (Kafka's UtilsTest, repeated by other
     * clients' murmur2 tests). The partition is the hash with its sign bit cleared, modulo the partition count.
     */
    private static final Map<String, Integer> MURMUR2 = Map.of("21", -973932308, "foobar", -790332482,
            "a-little-bit-long-string", -985981536, "a-little-bit-longer-string", -1486304829,
            "abc", 479470107);

    @Test
    void theKeysPartitionIsMurmur2WithoutItsSignModuloThePartitions() {
        MURMUR2.forEach((key, hash) -> {
            for (int partitions = 1; partitions <= 12; partitions++) {
                assertThat(KeyPartitions.of(key, partitions)).as("%s among %d", key, partitions)
                        .isEqualTo((hash & 0x7fffffff) % partitions);
            }
        });
    }

    @Test
    void itIsThePartitionJavasProducerChoosesForTheKey() {
        for (int i = 0; i < 500; i++) {
            String key = "stream-" + i + "-é";
            byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
            for (int partitions : new int[] {2, 3, 6, 7, 32}) {
                assertThat(KeyPartitions.of(key, partitions))
                        .isEqualTo(BuiltInPartitioner.partitionForKey(bytes, partitions));
            }
        }
    }

    @Test
    void aRecordIsMisplacedExactlyWhenItIsAwayFromItsKeysPartition() {
        int own = KeyPartitions.of("foobar", 6);
        for (int partition = 0; partition < 6; partition++) {
            assertThat(KeyPartitions.misplaced("foobar", partition, 6)).isEqualTo(partition != own);
        }
    }

    @Test
    void noRecordIsMisplacedOnASinglePartitionNorWithoutAKey() {
        assertThat(KeyPartitions.misplaced("foobar", 0, 1)).isFalse();
        assertThat(KeyPartitions.misplaced(null, 3, 6)).isFalse();
    }

    @Test
    void aTopicWithoutPartitionsIsRefused() {
        assertThatThrownBy(() -> KeyPartitions.of("foobar", 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
