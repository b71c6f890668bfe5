package org.hlspipeline.tools.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class AckLatenciesTest {

    @Test
    void bucketsCoverEveryValueInOrder() {
        long previous = -1;
        for (int bucket = 0; bucket < 900; bucket++) {
            long lowest = AckLatencies.lowest(bucket);
            assertThat(lowest).isGreaterThan(previous);
            assertThat(AckLatencies.bucket(lowest)).isEqualTo(bucket);
            previous = lowest;
        }
        assertThat(AckLatencies.bucket(Long.MAX_VALUE)).isLessThan(16 + 60 * 16);
    }

    @Test
    void percentilesAreWithinThreePercent() {
        AckLatencies latencies = new AckLatencies();
        // 1 ms to 100 ms, evenly: the median is about 50 ms, the 99th percentile 99 ms.
        for (long micros = 1_000; micros <= 100_000; micros += 10) {
            latencies.record(micros * 1000);
        }

        assertThat((double) latencies.percentileMicros(0.5)).isCloseTo(50_500, within(50_500 * 0.03));
        assertThat((double) latencies.percentileMicros(0.99)).isCloseTo(99_010, within(99_010 * 0.03));
        assertThat(latencies.maxMicros()).isEqualTo(100_000);
        assertThat(latencies.percentileMicros(1.0)).isLessThanOrEqualTo(100_000);
        assertThat(new AckLatencies().percentileMicros(0.5)).isZero();
    }
}
