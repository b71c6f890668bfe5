package org.hlspipeline.processor.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class RegistryRetryTest {

    @Test
    void theWaitDoublesFromOneSecondAndStaysAtThirty() {
        List<Long> waits = new ArrayList<>();
        for (int n = 1; n <= 8; n++) {
            waits.add(RegistryRetry.delayAfter(n));
        }
        assertThat(waits).containsExactly(1_000L, 2_000L, 4_000L, 8_000L, 10_000L, 10_000L, 10_000L, 10_000L);
        assertThat(RegistryRetry.delayAfter(10_000)).isEqualTo(10_000L);
    }

    @Test
    void anAttemptIsDueOnlyOnceItsWaitHasPassed() {
        RegistryRetry retry = RegistryRetry.answered();
        assertThat(retry.due(Long.MIN_VALUE + 1)).isTrue();

        RegistryRetry afterTwo = retry.failed(10_000).failed(11_000);

        assertThat(afterTwo.failures()).isEqualTo(2);
        assertThat(afterTwo.due(12_999)).isFalse();
        assertThat(afterTwo.due(13_000)).isTrue();
    }
}
