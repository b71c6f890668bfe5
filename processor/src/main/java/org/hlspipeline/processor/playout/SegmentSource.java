package org.hlspipeline.processor.playout;

/** Where an item's segments come from: a VOD asset known in full, or a live stream relayed as it arrives. */
public sealed interface SegmentSource permits VodAsset, LiveStream {
}
