package org.hlspipeline.processor.playout;

import java.util.Objects;

/**
 * Where an item is: the next segment index of its asset to air. A playhead that is cut (by an interrupt) keeps
 * its index, so RESUME continues at the next unaired segment.
 *
 * @param fallback        the item plays only because nothing else is queued (filler, or the last item looping);
 *                        it gives way at the next boundary once something is queued
 * @param liveSequence    for a live item, the stream's next sequence to relay; -1 to join at the live edge
 * @param liveAiredMicros for a live item, how long it has aired, against its maximum duration
 * @param stallIndex      for a live item whose stream has stalled, the next filler segment airing in its place;
 *                        -1 while the stream flows
 */
public record Playhead(Item item, int nextIndex, boolean fallback, long liveSequence, long liveAiredMicros,
                       int stallIndex) {

    public Playhead {
        Objects.requireNonNull(item, "item");
    }

    public Playhead(Item item, int nextIndex, boolean fallback) {
        this(item, nextIndex, fallback, -1, 0, -1);
    }

    public boolean live() {
        return item.source() instanceof LiveStream;
    }

    public boolean stalled() {
        return stallIndex >= 0;
    }

    Playhead relayed(long sequence, long durationMicros) {
        return new Playhead(item, nextIndex, fallback, sequence + 1, liveAiredMicros + durationMicros, -1);
    }

    Playhead skipping(long sequence) {
        return new Playhead(item, nextIndex, fallback, sequence + 1, liveAiredMicros, stallIndex);
    }

    Playhead stalledAt(int fillerIndex) {
        return new Playhead(item, nextIndex, fallback, liveSequence, liveAiredMicros, fillerIndex);
    }

    public static Playhead start(Item item) {
        return new Playhead(item, item.inPoint(), false);
    }

    public static Playhead fallback(Item item) {
        return new Playhead(item.looping(), item.inPoint(), true);
    }

    /** A VOD item past its out point, or a live item past its maximum duration. */
    public boolean finished() {
        if (item.source() instanceof LiveStream stream) {
            return stream.maxDurationMicros() > 0 && liveAiredMicros >= stream.maxDurationMicros();
        }
        return nextIndex >= item.outPoint();
    }

    public Playhead advanced() {
        return new Playhead(item, nextIndex + 1, fallback, liveSequence, liveAiredMicros, stallIndex);
    }

    public Playhead wrapped() {
        return new Playhead(item, item.inPoint(), fallback);
    }

    public Playhead endingAfterThisPass() {
        return new Playhead(item.notLooping(), nextIndex, fallback);
    }
}
