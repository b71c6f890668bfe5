package org.hlspipeline.processor.playout;

/**
 * What identifies one ad break and what was planned for it, fixed when its first segment airs and never changed
 * afterwards, so that every playlist that shows the break says the same about it (RFC 8216bis §4.4.5.1: a date
 * range keeps its attribute values).
 *
 * @param firstSequence the media sequence number of the break's first segment; as media sequences are never
 *                      reused, neither is {@link #id()} (see docs/hls-output.md, Breaks)
 * @param startMicros   the air time of that segment (epoch µs): the break's START-DATE
 * @param plannedMicros what the AD item had left to air when the break began (the whole item, or the rest of
 *                      it when it resumed after a cut): PLANNED-DURATION, {@code CUE-OUT} and the SCTE-35
 *                      {@code break_duration}
 */
public record AdBreak(long firstSequence, long startMicros, long plannedMicros) {

    public AdBreak {
        if (firstSequence < 0 || plannedMicros < 0) {
            throw new IllegalArgumentException("an ad break needs a sequence ≥ 0 and a planned duration ≥ 0");
        }
    }

    /** The EXT-X-DATERANGE ID: {@code ad-<firstSequence>}. */
    public String id() {
        return "ad-" + firstSequence;
    }

    /** The SCTE-35 splice_event_id: the low 32 bits of {@link #firstSequence()}. */
    public long spliceEventId() {
        return firstSequence & 0xFFFF_FFFFL;
    }
}
