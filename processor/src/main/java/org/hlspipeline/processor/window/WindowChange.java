package org.hlspipeline.processor.window;

/**
 * The result of applying one event to a window: the new window, and what the processor should report.
 *
 * @param gapsDeclared          sequences declared lost while applying the event (rendered as EXT-X-GAP)
 * @param targetDurationExceeded true only the first time a segment rounds above the fixed target duration, so
 *                               it is logged once per rendition
 */
public record WindowChange(RenditionWindow window, SegmentOutcome outcome, long gapsDeclared,
                           boolean targetDurationExceeded) {

    public boolean changed(RenditionWindow before) {
        return window.version() != before.version();
    }
}
