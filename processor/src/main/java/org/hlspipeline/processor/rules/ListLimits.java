package org.hlspipeline.processor.rules;

import java.util.Optional;

/**
 * How long the lists of one record may be (see docs/input-rules.md, Lists). A list is otherwise bounded only by
 * the topic's largest record, while what the processor keeps of it is bounded by the largest changelog record: a
 * channel's queued items and their per-segment lists are stored in one value, which a few records at the size
 * limit would outgrow, and a store write that the broker refuses fails the task on every retry. The limits are
 * far above what a channel needs, and each is checked before the list is walked.
 */
public final class ListLimits {

    /** Items of one enqueue, replace, interrupt or alert. */
    public static final int MAX_ITEMS = 100;
    /** Renditions of a ladder, and of one VOD item. */
    public static final int MAX_RENDITIONS = 64;
    /** Entries of a VOD rendition's per-segment lists (durations, URIs, byte ranges): 11 hours of 2 s segments. */
    public static final int MAX_SEGMENT_ENTRIES = 20_000;
    /** Channel ids an alert names; {@code "*"} names them all. */
    public static final int MAX_ALERT_CHANNELS = 1_000;

    private ListLimits() {
    }

    public static Optional<String> itemsProblem(int size) {
        return size > MAX_ITEMS ? Optional.of("items lists " + size + " items, more than " + MAX_ITEMS
                + "; send them in several commands") : Optional.empty();
    }

    /** @param what {@code ladder} or {@code vod.renditions} */
    public static Optional<String> renditionsProblem(String what, int size) {
        return size > MAX_RENDITIONS ? Optional.of(what + " lists " + size + " renditions, more than "
                + MAX_RENDITIONS) : Optional.empty();
    }

    /**
     * @param what    the list as the message names it ({@code vod.durations}, {@code rendition 720p: uris})
     * @param entries what it lists ({@code values}, {@code URIs}, {@code ranges})
     * @param instead what to give instead, after "give"
     */
    public static Optional<String> segmentEntriesProblem(String what, String entries, int size, String instead) {
        return size > MAX_SEGMENT_ENTRIES ? Optional.of(what + " lists " + size + " " + entries + ", more than "
                + MAX_SEGMENT_ENTRIES + "; give " + instead) : Optional.empty();
    }

    public static Optional<String> alertChannelsProblem(int size) {
        return size > MAX_ALERT_CHANNELS ? Optional.of("channels lists " + size + " channel ids, more than "
                + MAX_ALERT_CHANNELS + "; use \"*\" for all channels") : Optional.empty();
    }
}
