package org.hlspipeline.processor.hls;

/**
 * An ad-break cue in the {@code EXT-X-CUE-OUT} family. These tags are not in RFC 8216; they are the de-facto
 * convention of ad-insertion systems (Adobe/Elemental/MediaTailor style), which ignore what they do not know, and
 * so do players (RFC 8216 §6.3.1: unknown tags are ignored). Written with millisecond precision like EXTINF:
 * <ul>
 *   <li>{@code elapsedMicros == 0}: {@code #EXT-X-CUE-OUT:<duration>} on the break's first segment;</li>
 *   <li>{@code elapsedMicros > 0}: {@code #EXT-X-CUE-OUT-CONT:ElapsedTime=<elapsed>,Duration=<duration>} on a
 *       later segment of the break, for a playlist whose window no longer shows the {@code CUE-OUT}.</li>
 * </ul>
 * The end of a break is {@link SegmentMarkers#cueIn()}.
 *
 * @param durationMicros the break's planned duration, ≥ 0
 * @param elapsedMicros  how much of the break aired before this segment, ≥ 0
 */
public record CueOut(long durationMicros, long elapsedMicros) {

    public CueOut {
        if (durationMicros < 0 || elapsedMicros < 0) {
            throw new IllegalArgumentException("cue durations must not be negative");
        }
    }

    /** {@code #EXT-X-CUE-OUT:<duration>}: the break starts at this segment. */
    public static CueOut start(long durationMicros) {
        return new CueOut(durationMicros, 0);
    }

    /** {@code #EXT-X-CUE-OUT-CONT}: this segment lies {@code elapsedMicros} into the break. */
    public static CueOut continued(long elapsedMicros, long durationMicros) {
        if (elapsedMicros <= 0) {
            throw new IllegalArgumentException("a continued cue lies after the break's start");
        }
        return new CueOut(durationMicros, elapsedMicros);
    }

    public boolean continued() {
        return elapsedMicros > 0;
    }
}
