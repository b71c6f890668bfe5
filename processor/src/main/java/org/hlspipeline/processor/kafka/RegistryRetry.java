package org.hlspipeline.processor.kafka;

/**
 * When a task next asks the schema registry, after it failed to answer {@code failures} times in a row: one
 * second after the first failure, doubling up to ten seconds. A pure value, so the schedule is tested without
 * a clock (see docs/operations.md, "Schema registry outage").
 *
 * @param failures      failed attempts in a row, 0 when the registry last answered
 * @param nextAttemptAt epoch milliseconds of the next attempt; any time is due when there were no failures
 */
public record RegistryRetry(int failures, long nextAttemptAt) {

    public static final long FIRST_DELAY_MILLIS = 1_000;
    public static final long MAX_DELAY_MILLIS = 10_000;

    private static final RegistryRetry ANSWERED = new RegistryRetry(0, Long.MIN_VALUE);

    /** The registry answered (or was never asked): the next attempt is due at once. */
    public static RegistryRetry answered() {
        return ANSWERED;
    }

    public boolean due(long nowMillis) {
        return nowMillis >= nextAttemptAt;
    }

    /** The schedule after an attempt at {@code nowMillis} that the registry did not answer. */
    public RegistryRetry failed(long nowMillis) {
        int next = failures + 1;
        return new RegistryRetry(next, nowMillis + delayAfter(next));
    }

    /** The wait after the {@code n}th failure in a row (n ≥ 1). */
    public static long delayAfter(int n) {
        int doublings = Math.min(n - 1, 30); // 2^30 s is far past the cap: no overflow
        return Math.min(MAX_DELAY_MILLIS, FIRST_DELAY_MILLIS << doublings);
    }
}
