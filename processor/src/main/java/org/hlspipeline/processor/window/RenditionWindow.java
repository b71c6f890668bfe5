package org.hlspipeline.processor.window;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.hlspipeline.processor.hls.MediaPlaylist;
import org.hlspipeline.processor.hls.MediaSegment;
import org.hlspipeline.processor.hls.WindowSlide;

/**
 * The live window of one rendition of one stream: an immutable value, changed only by pure functions that return
 * a new window and what happened ({@link WindowChange}). The bookkeeping of pending segments and lost
 * sequences is {@link Gaps}'.
 *
 * <p>Players only ever see {@link #segments()}: the contiguous run that starts at {@link #mediaSequence()}.
 * Segments that arrive ahead of a missing sequence wait in {@link #pending()} until the gap fills or the gap
 * deadline passes (1.5 × target duration, the longest a live playlist may go without a new segment, RFC 8216bis
 * 6.2.1); then the missing sequences are declared lost and shown as EXT-X-GAP segments so the stream goes on.
 *
 * <p>Time is always a parameter, and it is the event time of the record being applied (or the wall clock of a
 * punctuation when nothing arrives): replaying the same records gives the same windows.
 *
 * @param version     bumped whenever what players see changes; renderers cache by it. It starts at the opening
 *                    record's timestamp, so a window that reopens after idle expiry never reuses a version.
 * @param iFramesOnly an I-frame playlist (EXT-X-I-FRAMES-ONLY), as the rendition's description says
 */
public record RenditionWindow(
        int targetDurationSeconds,
        int windowSize,
        int maxPendingSegments,
        long mediaSequence,
        long discontinuitySequence,
        List<WindowSegment> segments,
        List<PendingSegment> pending,
        boolean ended,
        boolean targetDurationExceeded,
        long lastActivityMillis,
        long version,
        long lostSegments,
        long lateSegments,
        boolean iFramesOnly) {

    /**
     * The result of applying one event to a window: the new window, and what the processor should report.
     *
     * @param gapsDeclared           sequences declared lost while applying the event (rendered as EXT-X-GAP)
     * @param targetDurationExceeded true only the first time a segment rounds above the fixed target duration,
     *                               so it is logged once per rendition
     */
    public record WindowChange(RenditionWindow window, SegmentOutcome outcome, long gapsDeclared,
                               boolean targetDurationExceeded) {

        public boolean changed(RenditionWindow before) {
            return window.version() != before.version();
        }
    }

    public RenditionWindow {
        segments = List.copyOf(segments);
        pending = List.copyOf(pending);
        if (segments.isEmpty()) {
            throw new IllegalArgumentException("a window always shows at least one segment");
        }
    }

    /** Opens the window with the first segment a rendition receives; its sequence becomes the media sequence. */
    public static RenditionWindow open(WindowSegment first, WindowPolicy policy, long nowMillis) {
        int target = policy.targetDurationFor(first.durationMicros());
        return new RenditionWindow(target, policy.windowSize(), policy.maxPendingSegments(), first.sequence(),
                0, List.of(first), List.of(), false, exceeds(first, target), nowMillis, Math.max(1, nowMillis), 0,
                0, false);
    }

    /** Opens a window and reports it as the change that the first segment made. */
    public static WindowChange opening(WindowSegment first, WindowPolicy policy, long nowMillis) {
        RenditionWindow window = open(first, policy, nowMillis);
        return new WindowChange(window, SegmentOutcome.APPENDED, 0, window.targetDurationExceeded());
    }

    public long nextSequence() {
        return mediaSequence + segments.size();
    }

    /** When the oldest pending segment stops waiting for the sequences missing before it, if any are pending. */
    public OptionalLong gapDeadlineMillis() {
        if (pending.isEmpty()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Gaps.oldestArrivalMillis(pending) + gapDeadlineDelayMillis());
    }

    private long gapDeadlineDelayMillis() {
        return targetDurationSeconds * 1500L;
    }

    /** Applies one segment event that arrived at {@code nowMillis} (its record's event time). */
    public WindowChange add(WindowSegment segment, long nowMillis) {
        if (ended) {
            return new WindowChange(this, SegmentOutcome.STREAM_ENDED, 0, false);
        }
        WindowChange expired = expireGaps(nowMillis);
        RenditionWindow window = expired.window().touched(nowMillis);
        long gaps = expired.gapsDeclared();
        long sequence = segment.sequence();

        if (sequence < window.nextSequence()) {
            SegmentOutcome outcome = window.compareWithShown(segment);
            RenditionWindow after = outcome == SegmentOutcome.LATE ? window.with(window.targetDurationExceeded,
                    window.lastActivityMillis, window.version, window.lateSegments + 1, window.iFramesOnly) : window;
            return new WindowChange(after, outcome, gaps, false);
        }
        PendingSegment waiting = Gaps.at(window.pending, sequence);
        if (waiting != null) {
            SegmentOutcome outcome = waiting.segment().sameMediaAs(segment)
                    ? SegmentOutcome.DUPLICATE : SegmentOutcome.CONFLICT;
            return new WindowChange(window, outcome, gaps, false);
        }

        boolean firstExcess = !window.targetDurationExceeded && exceeds(segment, targetDurationSeconds);
        if (firstExcess) {
            window = window.with(true, window.lastActivityMillis, window.version, window.lateSegments,
                    window.iFramesOnly);
        }
        if (sequence == window.nextSequence()) {
            window = window.appendAll(List.of(segment)).drainPending().slid();
            return new WindowChange(window, SegmentOutcome.APPENDED, gaps, firstExcess);
        }
        window = window.withPending(new PendingSegment(segment, nowMillis));
        if (window.pending.size() > maxPendingSegments) {
            long before = window.lostSegments;
            window = window.declareLostBeforeFirstPending().drainPending().slid();
            gaps += window.lostSegments - before;
        }
        SegmentOutcome outcome = window.nextSequence() > sequence ? SegmentOutcome.APPENDED : SegmentOutcome.PENDING;
        return new WindowChange(window, outcome, gaps, firstExcess);
    }

    /**
     * Declares lost every missing sequence whose pending successors have waited past the gap deadline at
     * {@code nowMillis}, shows them as gaps and releases the segments behind them.
     */
    public WindowChange expireGaps(long nowMillis) {
        RenditionWindow window = this;
        while (!window.pending.isEmpty() && nowMillis >= window.gapDeadlineMillis().getAsLong()) {
            window = window.declareLostBeforeFirstPending().drainPending();
        }
        if (window == this) {
            return new WindowChange(this, SegmentOutcome.PENDING, 0, false);
        }
        window = window.slid();
        return new WindowChange(window, SegmentOutcome.PENDING, window.lostSegments - lostSegments, false);
    }

    /**
     * Ends the window: what is still pending is released (its missing sequences as gaps, so every segment the
     * transcoder delivered is shown) and EXT-X-ENDLIST goes on. Ending twice is a no-op.
     */
    public RenditionWindow end(long nowMillis) {
        if (ended) {
            return this;
        }
        RenditionWindow window = this;
        while (!window.pending.isEmpty()) {
            window = window.declareLostBeforeFirstPending().drainPending();
        }
        return new RenditionWindow(targetDurationSeconds, windowSize, maxPendingSegments, window.mediaSequence,
                window.discontinuitySequence, window.segments, List.of(), true, targetDurationExceeded,
                nowMillis, version + 1, window.lostSegments, lateSegments, iFramesOnly);
    }

    /**
     * The window as an I-frame playlist or not, as the rendition is described; a change is a new version, since
     * players see it.
     */
    public RenditionWindow describedAsIFramesOnly(boolean iFrames) {
        return iFrames == iFramesOnly ? this
                : with(targetDurationExceeded, lastActivityMillis, version + 1, lateSegments, iFrames);
    }

    /** Whether the segment at {@code sequence} with {@code uri} is recorded here, shown or waiting. */
    public boolean records(long sequence, String uri) {
        return segmentAt(sequence).filter(s -> !s.gap() && s.uri().equals(uri)).isPresent();
    }

    /** The segment recorded at {@code sequence}, shown (possibly as a gap) or pending, if any. */
    public Optional<WindowSegment> segmentAt(long sequence) {
        if (sequence >= mediaSequence && sequence < nextSequence()) {
            return Optional.of(segments.get((int) (sequence - mediaSequence)));
        }
        PendingSegment waiting = Gaps.at(pending, sequence);
        return waiting == null ? Optional.empty() : Optional.of(waiting.segment());
    }

    public MediaPlaylist toPlaylist() {
        List<MediaSegment> media = new ArrayList<>(segments.size());
        segments.forEach(s -> media.add(s.toMediaSegment()));
        return new MediaPlaylist(targetDurationSeconds, mediaSequence, discontinuitySequence, media, ended,
                iFramesOnly);
    }

    private SegmentOutcome compareWithShown(WindowSegment segment) {
        if (segment.sequence() < mediaSequence) {
            return SegmentOutcome.LATE;
        }
        WindowSegment shown = segments.get((int) (segment.sequence() - mediaSequence));
        if (shown.gap()) {
            return SegmentOutcome.LATE;
        }
        return shown.sameMediaAs(segment) ? SegmentOutcome.DUPLICATE : SegmentOutcome.CONFLICT;
    }

    private static boolean exceeds(WindowSegment segment, int targetDurationSeconds) {
        // RFC 8216 4.3.3.1 compares the EXTINF duration rounded to the nearest integer.
        return (segment.durationMicros() + 500_000) / 1_000_000 > targetDurationSeconds;
    }

    private RenditionWindow withPending(PendingSegment added) {
        return copy(mediaSequence, discontinuitySequence, segments, Gaps.insert(pending, added), version,
                lostSegments);
    }

    /** Moves the pending segments that now continue the contiguous run into the window. */
    private RenditionWindow drainPending() {
        int taken = Gaps.continuing(pending, nextSequence());
        if (taken == 0) {
            return this;
        }
        RenditionWindow appended = appendAll(
                pending.subList(0, taken).stream().map(PendingSegment::segment).toList());
        return appended.copy(appended.mediaSequence, appended.discontinuitySequence, appended.segments,
                pending.subList(taken, pending.size()), appended.version, lostSegments);
    }

    /**
     * Shows the sequences missing before the first pending segment as gaps. A run longer than the window can show
     * is not materialised: only its tail could remain visible, so the rest is counted as slid out at once, exactly
     * as if each gap had been appended and removed in turn.
     */
    private RenditionWindow declareLostBeforeFirstPending() {
        long upTo = pending.get(0).segment().sequence();
        long missing = upTo - nextSequence();
        long gapMicros = targetDurationSeconds * 1_000_000L;
        int keep = windowSize + 3;
        if (missing <= keep) {
            RenditionWindow appended = appendAll(Gaps.lost(nextSequence(), upTo, gapMicros));
            return appended.copy(appended.mediaSequence, appended.discontinuitySequence, appended.segments,
                    pending, appended.version, lostSegments + missing);
        }
        long discontinuities = WindowSlide.discontinuities(segments, WindowSegment::discontinuity,
                segments.size());
        return copy(upTo - keep, discontinuitySequence + discontinuities, Gaps.lost(upTo - keep, upTo, gapMicros),
                pending, version + 1, lostSegments + missing);
    }

    private RenditionWindow appendAll(List<WindowSegment> added) {
        if (added.isEmpty()) {
            return this;
        }
        List<WindowSegment> list = new ArrayList<>(segments.size() + added.size());
        list.addAll(segments);
        list.addAll(added);
        return copy(mediaSequence, discontinuitySequence, list, pending, version + 1, lostSegments);
    }

    /**
     * Removes segments from the head while more than the window size are shown, but never so many that less than
     * three target durations of media remain (RFC 8216 6.2.2). Each removal advances the media sequence, and
     * each removed discontinuity advances the discontinuity sequence (4.3.3.3).
     */
    private RenditionWindow slid() {
        int removed = WindowSlide.removable(segments, WindowSegment::durationMicros, windowSize,
                targetDurationSeconds);
        if (removed == 0) {
            return this;
        }
        long slidDiscontinuities = WindowSlide.discontinuities(segments, WindowSegment::discontinuity, removed);
        return copy(mediaSequence + removed, discontinuitySequence + slidDiscontinuities,
                segments.subList(removed, segments.size()), pending, version, lostSegments);
    }

    private RenditionWindow touched(long nowMillis) {
        return with(targetDurationExceeded, Math.max(lastActivityMillis, nowMillis), version, lateSegments,
                iFramesOnly);
    }

    private RenditionWindow with(boolean exceeded, long lastActivity, long newVersion, long late, boolean iFrames) {
        return new RenditionWindow(targetDurationSeconds, windowSize, maxPendingSegments, mediaSequence,
                discontinuitySequence, segments, pending, ended, exceeded, lastActivity, newVersion, lostSegments,
                late, iFrames);
    }

    private RenditionWindow copy(long newMediaSequence, long newDiscontinuitySequence, List<WindowSegment> newSegments,
                                 List<PendingSegment> newPending, long newVersion, long newLost) {
        return new RenditionWindow(targetDurationSeconds, windowSize, maxPendingSegments, newMediaSequence,
                newDiscontinuitySequence, newSegments, newPending, ended, targetDurationExceeded, lastActivityMillis,
                newVersion, newLost, lateSegments, iFramesOnly);
    }
}
