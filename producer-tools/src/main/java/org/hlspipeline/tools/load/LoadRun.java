package org.hlspipeline.tools.load;

import java.util.OptionalLong;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.hlspipeline.tools.cli.ToolClock;
import org.hlspipeline.tools.publish.PublishException;

/**
 * Sends a {@link LoadPlan}'s events through a {@link LoadSender} from one thread: the rendition infos first (so
 * that master playlists work from the first segment), then the segment events, each at its due time unless the
 * run is unthrottled, then the ends if asked for.
 *
 * <p>At most {@value #MAX_IN_FLIGHT} records are unacknowledged at a time, so that memory stays bounded and the
 * counts shown are acknowledgements, not records buffered in the client. The run stops early at a refusal (a retry
 * would not help), when the first records fail before any was acknowledged (the cluster is not there), when more
 * than {@code maxErrors} records failed, or when {@link #stop()} is called; it always waits for the outcome of
 * every record it handed over before it reports.
 */
final class LoadRun {

    static final int MAX_IN_FLIGHT = 10_000;
    /** How often a waiting run updates the progress display. */
    static final long PROGRESS_TICK_NANOS = 100_000_000L;
    /** Longer than any producer's delivery timeout is reasonably set to; past it, the records count as failed. */
    static final long DRAIN_LIMIT_NANOS = TimeUnit.MINUTES.toNanos(3);

    private enum Kind { INFO, SEGMENT, END }

    private final LoadPlan plan;
    private final long maxErrors;
    private final LoadSender sender;
    private final ToolClock clock;
    private final LoadProgress progress;
    private final SyntheticTranscoders transcoders;
    private final OptionalLong plannedSegments;
    private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
    private final AckLatencies latencies = new AckLatencies();
    private final AtomicLong infos = new AtomicLong();
    private final AtomicLong segments = new AtomicLong();
    private final AtomicLong ends = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicReference<PublishException> firstFailure = new AtomicReference<>();
    private final AtomicReference<LoadResult.Ending> stopped = new AtomicReference<>();
    private long start;
    private long bytes;
    private long behind;
    private long ticksStarted;

    LoadRun(LoadPlan plan, long maxErrors, LoadSender sender, ToolClock clock, LoadProgress progress) {
        this.plan = plan;
        this.maxErrors = maxErrors;
        this.sender = sender;
        this.clock = clock;
        this.progress = progress;
        this.transcoders = new SyntheticTranscoders(plan);
        this.plannedSegments = plan.plannedSegments();
    }

    /** Asks a running {@link #run()} to stop sending (Ctrl-C); it still waits for what it handed over. */
    void stop() {
        stopped.compareAndSet(null, LoadResult.Ending.INTERRUPTED);
    }

    LoadResult run() {
        start = clock.nanoTime();
        progress.update(snapshot(0));
        try {
            for (SyntheticTranscoders.Event info : transcoders.renditionInfos()) {
                if (stopped.get() != null) {
                    break;
                }
                hand(info, Kind.INFO);
            }
            sendSegments();
            if (plan.endStreams()) {
                for (SyntheticTranscoders.Event end : transcoders.ends()) {
                    if (stopped.get() != null) {
                        break;
                    }
                    hand(end, Kind.END);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop();
        }
        drain();
        long elapsed = clock.nanoTime() - start;
        LoadResult.Ending ending = stopped.get() == null ? LoadResult.Ending.COMPLETED : stopped.get();
        LoadSnapshot last = snapshot(elapsed);
        progress.finish(new LoadSnapshot(last.elapsedNanos(), last.acknowledged(), last.failed(),
                last.plannedSegments(), last.plannedTime(), last.behindNanos(),
                ending == LoadResult.Ending.COMPLETED));
        return new LoadResult(plan, sender.destination(), ending, infos.get(), segments.get(), ends.get(),
                failed.get(), firstFailure.get(), elapsed, bytes, latencies.percentileMicros(0.5),
                latencies.percentileMicros(0.99), latencies.maxMicros(), behind,
                plan.startSequence() + ticksStarted);
    }

    private void sendSegments() throws InterruptedException {
        boolean paced = plan.rate().isPresent();
        OptionalLong events = plan.stop() instanceof LoadPlan.Stop.AfterEvents count
                ? OptionalLong.of(count.events()) : OptionalLong.empty();
        long endNanos = plan.stop() instanceof LoadPlan.Stop.AfterTime time ? time.time().toNanos() : Long.MAX_VALUE;
        for (long index = 0; stopped.get() == null; index++) {
            if (events.isPresent() && index >= events.getAsLong()) {
                return;
            }
            long due = plan.dueNanos(index);
            // A paced run ends with the last event due before the end, whatever the machine's speed, so that its
            // count is known up front; an unthrottled one ends when the time is up.
            if ((paced ? due : clock.nanoTime() - start) >= endNanos) {
                return;
            }
            if (paced && !waitUntil(start + due)) {
                return;
            }
            long now = clock.nanoTime();
            behind = paced ? Math.max(0, now - (start + due)) : 0;
            hand(transcoders.segment(index), Kind.SEGMENT);
            ticksStarted = index / plan.renditionCount() + 1;
            if ((index & 0xFF) == 0) {
                progress.update(snapshot(now - start));
            }
        }
    }

    /** Waits for {@code dueNanos}, updating the display meanwhile; false if the run was stopped. */
    private boolean waitUntil(long dueNanos) throws InterruptedException {
        long now;
        while ((now = clock.nanoTime()) < dueNanos) {
            progress.update(snapshot(now - start));
            if (stopped.get() != null) {
                return false;
            }
            clock.sleepUntil(Math.min(dueNanos, now + PROGRESS_TICK_NANOS));
        }
        return stopped.get() == null;
    }

    private void hand(SyntheticTranscoders.Event event, Kind kind) throws InterruptedException {
        inFlight.acquire();
        long handedAt = clock.nanoTime();
        long handed = sender.send(event.key(), event.value(), failure -> completed(kind, handedAt, failure));
        bytes += handed;
    }

    /** On the producer's thread: count, and decide whether the run must stop. */
    private void completed(Kind kind, long handedAt, PublishException failure) {
        try {
            if (failure == null) {
                latencies.record(clock.nanoTime() - handedAt);
                (kind == Kind.SEGMENT ? segments : kind == Kind.INFO ? infos : ends).incrementAndGet();
                return;
            }
            long failures = failed.incrementAndGet();
            firstFailure.compareAndSet(null, failure);
            boolean refused = failure.failure() != PublishException.Failure.UNAVAILABLE;
            boolean neverAnswered = latencies.count() == 0;
            if (refused || neverAnswered || failures > maxErrors) {
                stopped.compareAndSet(null, LoadResult.Ending.FAILURES);
            }
        } finally {
            inFlight.release();
        }
    }

    /** Waits for the outcome of every record handed over, keeping the display alive. */
    private void drain() {
        long deadline = System.nanoTime() + DRAIN_LIMIT_NANOS;
        try {
            while (!inFlight.tryAcquire(MAX_IN_FLIGHT, PROGRESS_TICK_NANOS, TimeUnit.NANOSECONDS)) {
                progress.update(snapshot(clock.nanoTime() - start));
                if (System.nanoTime() > deadline) {
                    giveUpOnUnanswered();
                    return;
                }
            }
            inFlight.release(MAX_IN_FLIGHT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            giveUpOnUnanswered();
        }
    }

    private void giveUpOnUnanswered() {
        long unanswered = MAX_IN_FLIGHT - inFlight.availablePermits();
        failed.addAndGet(unanswered);
        firstFailure.compareAndSet(null, new PublishException(PublishException.Failure.UNAVAILABLE,
                unanswered + " records got no answer from Kafka within " + DRAIN_LIMIT_NANOS / 1_000_000_000L
                        + " s; they may or may not have been written"));
        stopped.compareAndSet(null, LoadResult.Ending.FAILURES);
    }

    private LoadSnapshot snapshot(long elapsed) {
        return new LoadSnapshot(elapsed, segments.get(), failed.get(), plannedSegments,
                plan.stop() instanceof LoadPlan.Stop.AfterTime time ? time.time() : null, behind);
    }
}
