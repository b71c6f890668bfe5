package org.hlspipeline.queryapi.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** The read-your-write wait on a virtual clock: what it answers, and when. */
class ReadYourWriteTest {

    private final ReadYourWrite readYourWrite = new ReadYourWrite(Duration.ofSeconds(1));

    @Test
    void answersAsSoonAsTheProbeShowsTheWrite() {
        AtomicInteger polls = new AtomicInteger();
        StepVerifier.withVirtualTime(() -> readYourWrite.await(
                        () -> Mono.fromCallable(polls::incrementAndGet), n -> n >= 3, -1))
                .expectSubscription()
                // Polls at 0, 5 ms and 15 ms: the third shows the write.
                .expectNoEvent(Duration.ofMillis(14))
                .thenAwait(Duration.ofMillis(1))
                .expectNext(3)
                .verifyComplete();
    }

    @Test
    void givesTheFallbackOnlyWhenTheWaitIsOver() {
        StepVerifier.withVirtualTime(() -> readYourWrite.await(() -> Mono.just(false), Boolean::booleanValue, false))
                .expectSubscription()
                .expectNoEvent(Duration.ofMillis(999))
                .thenAwait(Duration.ofMillis(1))
                .expectNext(false)
                .verifyComplete();
    }

    @Test
    void anUnavailableStoreCountsAsNotYet() {
        AtomicInteger polls = new AtomicInteger();
        StepVerifier.withVirtualTime(() -> readYourWrite.await(() -> polls.incrementAndGet() == 1
                        ? Mono.error(new StoreUnavailableException("rebalancing"))
                        : Mono.just(true), Boolean::booleanValue, false))
                .expectSubscription()
                .thenAwait(Duration.ofMillis(5))
                .expectNext(true)
                .verifyComplete();
    }

    @Test
    void thePollIntervalDoublesFromFiveUpToFiftyMilliseconds() {
        assertThat(LongStream.range(0, 7).mapToObj(ReadYourWrite::pollDelay).map(Duration::toMillis))
                .containsExactly(5L, 10L, 20L, 40L, 50L, 50L, 50L);
    }
}
