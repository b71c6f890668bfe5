package org.hlspipeline.tools.load;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Time from handing a record to the producer to its acknowledgement, kept as counts in logarithmic buckets: a run
 * of millions of records costs a few kilobytes, and a percentile is within about 3% of the true value (each
 * power of two is cut into 16 buckets, and a bucket reports its middle). Safe to record from the producer's
 * thread while another reads.
 */
final class AckLatencies {

    private static final int SUB_BUCKET_BITS = 4;
    private static final int SUB_BUCKETS = 1 << SUB_BUCKET_BITS;
    private static final int BUCKETS = SUB_BUCKETS + (64 - SUB_BUCKET_BITS) * SUB_BUCKETS;

    private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);
    private final AtomicLong total = new AtomicLong();
    private final AtomicLong max = new AtomicLong();

    void record(long nanos) {
        long micros = Math.max(0, nanos / 1000);
        counts.incrementAndGet(bucket(micros));
        total.incrementAndGet();
        max.accumulateAndGet(micros, Math::max);
    }

    long count() {
        return total.get();
    }

    long maxMicros() {
        return max.get();
    }

    /** The latency that {@code quantile} (0 to 1) of the acknowledgements did not exceed, in microseconds. */
    long percentileMicros(double quantile) {
        long count = total.get();
        if (count == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(quantile * count));
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += counts.get(i);
            if (seen >= rank) {
                return Math.min(middle(i), max.get());
            }
        }
        return max.get();
    }

    static int bucket(long micros) {
        if (micros < SUB_BUCKETS) {
            return (int) micros;
        }
        int magnitude = 63 - Long.numberOfLeadingZeros(micros);
        int sub = (int) ((micros >>> (magnitude - SUB_BUCKET_BITS)) & (SUB_BUCKETS - 1));
        return SUB_BUCKETS + (magnitude - SUB_BUCKET_BITS) * SUB_BUCKETS + sub;
    }

    static long lowest(int bucket) {
        if (bucket < SUB_BUCKETS) {
            return bucket;
        }
        int magnitude = (bucket - SUB_BUCKETS) / SUB_BUCKETS + SUB_BUCKET_BITS;
        int sub = (bucket - SUB_BUCKETS) % SUB_BUCKETS;
        return (1L << magnitude) | ((long) sub << (magnitude - SUB_BUCKET_BITS));
    }

    private static long middle(int bucket) {
        if (bucket < SUB_BUCKETS) {
            return bucket;
        }
        int magnitude = (bucket - SUB_BUCKETS) / SUB_BUCKETS + SUB_BUCKET_BITS;
        long width = 1L << (magnitude - SUB_BUCKET_BITS);
        return lowest(bucket) + width / 2;
    }
}
