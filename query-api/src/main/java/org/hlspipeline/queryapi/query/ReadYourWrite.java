package org.hlspipeline.queryapi.query;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.hlspipeline.queryapi.config.HlsProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * The wait after a write until the stores show it, bounded by {@code hls.query.read-your-write-wait}: the poll
 * interval starts at 5 ms and doubles up to 50 ms (see docs/architecture.md, Read-your-write). Store hiccups
 * during the wait (a rebalance) count as "not yet", since the write itself already succeeded.
 */
@Component
public class ReadYourWrite {

    private static final Duration FIRST_POLL = Duration.ofMillis(5);
    private static final Duration MAX_POLL = Duration.ofMillis(50);

    private final Duration wait;

    @Autowired
    ReadYourWrite(HlsProperties properties) {
        this(properties.query().readYourWriteWait());
    }

    ReadYourWrite(Duration wait) {
        this.wait = wait;
    }

    /** Polls {@code probe} until {@code done} holds or the wait is over; then it gives {@code otherwise}. */
    public <T> Mono<T> await(Supplier<Mono<T>> probe, Predicate<T> done, T otherwise) {
        return Mono.defer(probe)
                .onErrorResume(StoreUnavailableException.class, e -> Mono.empty())
                .filter(done)
                .repeatWhenEmpty(attempts -> attempts.concatMap(n -> Mono.delay(pollDelay(n))))
                .timeout(wait, Mono.just(otherwise));
    }

    static Duration pollDelay(long attempt) {
        long millis = FIRST_POLL.toMillis() << Math.min(attempt, 4);
        return Duration.ofMillis(Math.min(millis, MAX_POLL.toMillis()));
    }
}
