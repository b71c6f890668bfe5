package org.hlspipeline.playout;

import java.util.Objects;

/**
 * Where an item is: the next segment index of its asset to air. A playhead that is cut (by an interrupt) keeps
 * its index, so RESUME continues at the next unaired segment.
 *
 * @param fallback the item plays only because nothing else is queued (filler, or the last item looping); it gives
 *                 way at the next boundary once something is queued
 */
public record Playhead(Item item, int nextIndex, boolean fallback) {

    public Playhead {
        Objects.requireNonNull(item, "item");
    }

    public static Playhead start(Item item) {
        return new Playhead(item, item.inPoint(), false);
    }

    public static Playhead fallback(Item item) {
        return new Playhead(item.looping(), item.inPoint(), true);
    }

    public boolean finished() {
        return nextIndex >= item.outPoint();
    }

    public Playhead advanced() {
        return new Playhead(item, nextIndex + 1, fallback);
    }

    public Playhead wrapped() {
        return new Playhead(item, item.inPoint(), fallback);
    }

    public Playhead endingAfterThisPass() {
        return new Playhead(item.notLooping(), nextIndex, fallback);
    }
}
