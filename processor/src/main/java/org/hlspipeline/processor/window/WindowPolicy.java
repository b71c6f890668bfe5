package org.hlspipeline.processor.window;

/**
 * How a new rendition window is shaped. Captured into the window when it opens, so a configuration change never
 * reshapes a window that players are already following (the target duration must never change, RFC 8216 6.2.1).
 *
 * @param windowSize                 segments shown (1 to 1000), never less than 3 target durations of media
 * @param targetDurationSeconds      fixed target duration, or 0 to take the first segment's duration rounded up
 * @param maxPendingSegments         early segments held at most; beyond it the oldest gap is declared lost at once
 */
public record WindowPolicy(int windowSize, int targetDurationSeconds, int maxPendingSegments) {

    public static final int DEFAULT_WINDOW_SIZE = 6;
    public static final int MAX_WINDOW_SIZE = 1000;

    public WindowPolicy {
        if (windowSize < 1 || windowSize > MAX_WINDOW_SIZE) {
            throw new IllegalArgumentException("window size must be 1 to " + MAX_WINDOW_SIZE + ": " + windowSize);
        }
        if (targetDurationSeconds < 0 || targetDurationSeconds > 60) {
            throw new IllegalArgumentException("target duration must be 0 (from the first segment) to 60 s");
        }
        if (maxPendingSegments < 1) {
            throw new IllegalArgumentException("max pending segments must be >= 1");
        }
    }

    public static WindowPolicy defaults() {
        return new WindowPolicy(DEFAULT_WINDOW_SIZE, 0, 256);
    }

    public WindowPolicy withWindowSize(int size) {
        return new WindowPolicy(size, targetDurationSeconds, maxPendingSegments);
    }

    int targetDurationFor(long firstSegmentMicros) {
        if (targetDurationSeconds > 0) {
            return targetDurationSeconds;
        }
        return (int) Math.max(1, (firstSegmentMicros + 999_999) / 1_000_000);
    }
}
