package org.hlspipeline.processor.playout;

/** How a channel brackets AD items for downstream ad insertion. */
public enum AdMarkers {
    DATERANGE, CUE, BOTH, NONE
}
