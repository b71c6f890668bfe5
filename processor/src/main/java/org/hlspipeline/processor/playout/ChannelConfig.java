package org.hlspipeline.processor.playout;

import java.util.List;
import java.util.Objects;

/**
 * How a channel looks to players.
 *
 * @param filler what loops when the queue is empty, or null (then the last item loops)
 */
public record ChannelConfig(List<LadderRendition> ladder, int windowSize, int targetDurationSeconds, Item filler,
                            boolean programDateTime, AdMarkers adMarkers) {

    public static final int MAX_WINDOW_SIZE = 1000;
    public static final int MAX_TARGET_DURATION_SECONDS = 60;

    public ChannelConfig {
        ladder = List.copyOf(ladder);
        Objects.requireNonNull(adMarkers, "adMarkers");
        if (ladder.isEmpty()) {
            throw new IllegalArgumentException("the ladder needs at least one rendition");
        }
        if (windowSize < 1 || windowSize > MAX_WINDOW_SIZE) {
            throw new IllegalArgumentException("windowSize must be 1 to " + MAX_WINDOW_SIZE);
        }
        if (targetDurationSeconds < 1 || targetDurationSeconds > MAX_TARGET_DURATION_SECONDS) {
            throw new IllegalArgumentException("targetDuration must be 1 to " + MAX_TARGET_DURATION_SECONDS + " s");
        }
    }

    public List<String> renditionNames() {
        return ladder.stream().map(LadderRendition::name).toList();
    }
}
