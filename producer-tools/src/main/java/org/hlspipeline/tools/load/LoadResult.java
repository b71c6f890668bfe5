package org.hlspipeline.tools.load;

import org.hlspipeline.tools.cli.ExitCodes;
import org.hlspipeline.tools.publish.PublishException;

/**
 * What a run did.
 *
 * @param plan                 what it was asked to do
 * @param destination          topic and cluster
 * @param ending               why it ended
 * @param infos                RenditionInfo events acknowledged
 * @param segments             Segment events acknowledged
 * @param ends                 EndOfStream events acknowledged
 * @param failed               records of any kind not acknowledged
 * @param firstFailure         the first of them, or null
 * @param elapsedNanos         from the first record handed over to the last outcome
 * @param bytes                key and value bytes handed to the producer
 * @param ackP50Micros         median acknowledgement time
 * @param ackP99Micros         99th percentile acknowledgement time
 * @param ackMaxMicros         slowest acknowledgement
 * @param behindNanos          how late the last segment event went out against its due time
 * @param nextSequence         the first sequence a follow-on run of the same streams should use
 */
record LoadResult(LoadPlan plan, String destination, Ending ending, long infos, long segments, long ends,
                  long failed, PublishException firstFailure, long elapsedNanos, long bytes, long ackP50Micros,
                  long ackP99Micros, long ackMaxMicros, long behindNanos, long nextSequence) {

    enum Ending {
        /** Everything planned was handed over. */
        COMPLETED,
        /** Failures stopped it: one refusal, a cluster that never answered, or more than --max-errors. */
        FAILURES,
        /** The operator stopped it (Ctrl-C). */
        INTERRUPTED
    }

    /** The first failure's code (3 or 4) if any send failed, 130 if interrupted, else 0. */
    int exitCode() {
        if (firstFailure != null) {
            return firstFailure.failure().exitCode();
        }
        return ending == Ending.INTERRUPTED ? ExitCodes.INTERRUPTED : ExitCodes.OK;
    }

    double segmentsPerSecond() {
        return elapsedNanos > 0 ? segments * 1e9 / elapsedNanos : 0;
    }
}
