package org.hlspipeline.processor.window;

import java.util.ArrayList;
import java.util.List;

/**
 * The bookkeeping behind a window's gaps, over plain lists: the segments that wait, in sequence order, for the
 * sequences missing before them, and the placeholders that stand for sequences declared lost.
 */
final class Gaps {

    private Gaps() {
    }

    /** {@code pending} with {@code added} in its place by sequence. */
    static List<PendingSegment> insert(List<PendingSegment> pending, PendingSegment added) {
        List<PendingSegment> list = new ArrayList<>(pending.size() + 1);
        int i = 0;
        while (i < pending.size() && pending.get(i).segment().sequence() < added.segment().sequence()) {
            list.add(pending.get(i++));
        }
        list.add(added);
        list.addAll(pending.subList(i, pending.size()));
        return list;
    }

    /** The segment waiting at {@code sequence}, or null. */
    static PendingSegment at(List<PendingSegment> pending, long sequence) {
        for (PendingSegment p : pending) {
            if (p.segment().sequence() == sequence) {
                return p;
            }
        }
        return null;
    }

    static long oldestArrivalMillis(List<PendingSegment> pending) {
        long oldest = Long.MAX_VALUE;
        for (PendingSegment p : pending) {
            oldest = Math.min(oldest, p.arrivedAtMillis());
        }
        return oldest;
    }

    /** How many of the first pending segments continue a run whose next sequence is {@code next}. */
    static int continuing(List<PendingSegment> pending, long next) {
        int taken = 0;
        while (taken < pending.size() && pending.get(taken).segment().sequence() == next + taken) {
            taken++;
        }
        return taken;
    }

    /** Placeholders for the lost sequences {@code from} (inclusive) to {@code upTo} (exclusive). */
    static List<WindowSegment> lost(long from, long upTo, long gapMicros) {
        List<WindowSegment> gaps = new ArrayList<>((int) (upTo - from));
        for (long s = from; s < upTo; s++) {
            gaps.add(WindowSegment.lost(s, gapMicros));
        }
        return gaps;
    }
}
