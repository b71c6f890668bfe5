package org.hlspipeline.queryapi.stream;

import org.hlspipeline.processor.window.RenditionWindow;
import org.hlspipeline.processor.window.WindowSegment;

import java.util.Optional;

/** What a writer learns about its segment from the store, for a read-your-write answer. */
enum SegmentVisibility {
    RECORDED, NOT_YET, CONFLICT, LATE, ENDED;

    static SegmentVisibility of(Optional<RenditionWindow> found, long sequence, String uri) {
        if (found.isEmpty()) {
            return NOT_YET;
        }
        RenditionWindow window = found.get();
        Optional<WindowSegment> at = window.segmentAt(sequence);
        if (at.isPresent()) {
            WindowSegment segment = at.get();
            if (segment.gap()) {
                return LATE;
            }
            return segment.uri().equals(uri) ? RECORDED : CONFLICT;
        }
        if (window.ended()) {
            return ENDED;
        }
        return sequence < window.mediaSequence() ? LATE : NOT_YET;
    }
}
