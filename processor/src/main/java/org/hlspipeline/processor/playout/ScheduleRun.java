package org.hlspipeline.processor.playout;

/**
 * One pass of an item as {@link ProjectedSchedule} projects it: the pass that aired the window's last segment,
 * then each pass the projection walks through. A pass may grow while the walk finds the same item going on.
 */
final class ScheduleRun {

    final String itemId;
    final String title;
    final ItemKind kind;
    final String layer;
    final boolean fallback;
    final long startMicros;
    /** A segment of the run whose index and air time are known: where positions are counted from. */
    final Integer anchorIndex;
    final long anchorMicros;
    final Integer fromIndex;
    Item item;
    Integer toIndex;
    long endMicros;
    boolean loops;

    /** Where in the item a time falls: the asset index of the segment airing, and how far into the item. */
    record Position(int index, long micros) {
    }

    private ScheduleRun(Item item, String itemId, String title, ItemKind kind, String layer, boolean fallback,
                        long startMicros, Integer anchorIndex, long anchorMicros, Integer fromIndex,
                        Integer toIndex, long endMicros, boolean loops) {
        this.item = item;
        this.itemId = itemId;
        this.title = title;
        this.kind = kind;
        this.layer = layer;
        this.fallback = fallback;
        this.startMicros = startMicros;
        this.anchorIndex = anchorIndex;
        this.anchorMicros = anchorMicros;
        this.fromIndex = fromIndex;
        this.toIndex = toIndex;
        this.endMicros = endMicros;
        this.loops = loops;
    }

    static ScheduleRun aired(ChannelSegment last, Item item, String layer, boolean fallback, Integer index) {
        return new ScheduleRun(item, last.itemId(), last.title(), last.kind(), layer, fallback,
                last.airTimeMicros(), index, last.airTimeMicros(), null, index == null ? null : index + 1,
                last.endMicros(), false);
    }

    static ScheduleRun projected(Item item, String layer, boolean fallback, int from, int to, long start, long end,
                                 boolean loops) {
        return new ScheduleRun(item, item.itemId(), item.title(), item.kind(), layer, fallback, start, from, start,
                from, to, end, loops);
    }

    /**
     * Where {@code now} falls in the item, counted from the anchor segment; null when the run does not know (its
     * playhead was dropped, or it relays a live stream).
     */
    Position positionAt(long now) {
        if (anchorIndex == null || item == null || !(item.source() instanceof VodAsset asset)) {
            return null;
        }
        int i = anchorIndex;
        long segmentStart = anchorMicros;
        while (i < toIndex - 1 && segmentStart + asset.durationMicros(i) <= now) {
            segmentStart += asset.durationMicros(i);
            i++;
        }
        return new Position(i, asset.span(item.inPoint(), i) + (now - segmentStart));
    }
}
