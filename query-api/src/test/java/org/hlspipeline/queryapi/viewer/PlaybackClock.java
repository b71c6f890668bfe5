package org.hlspipeline.queryapi.viewer;

import java.util.ArrayList;
import java.util.List;

/**
 * The player's position ({@code video.currentTime}) sampled against the wall clock, to tell playing from stalling:
 * a player that plays live media in real time advances about one second per second, and never stands still for
 * long.
 */
public final class PlaybackClock {

    /** One reading: wall clock (ms since the first) and the player's position (s). */
    public record Sample(long wallMillis, double currentTime) {
    }

    private final ViewerPage page;
    private final long startNanos = System.nanoTime();
    private final List<Sample> samples = new ArrayList<>();

    public PlaybackClock(ViewerPage page) {
        this.page = page;
    }

    public Sample sample() {
        Sample s = new Sample((System.nanoTime() - startNanos) / 1_000_000, page.currentTime());
        samples.add(s);
        return s;
    }

    List<Sample> samples() {
        return List.copyOf(samples);
    }

    /** Wall-clock seconds between the first and the last sample. */
    public double wallSeconds() {
        return samples.size() < 2 ? 0 : (samples.get(samples.size() - 1).wallMillis() - samples.get(0).wallMillis())
                / 1000.0;
    }

    /** How far the position moved between the first and the last sample. */
    public double advanced() {
        return samples.size() < 2 ? 0 : samples.get(samples.size() - 1).currentTime() - samples.get(0).currentTime();
    }

    /**
     * The longest wall-clock stretch, in seconds, over which the position did not grow: 0 for smooth playback, the
     * length of a stall (or of a jump backwards and the replay after it) otherwise.
     */
    public double longestStall() {
        double longest = 0;
        Sample since = null;
        double highest = Double.NEGATIVE_INFINITY;
        for (Sample s : samples) {
            if (since == null || s.currentTime() > highest) {
                since = s;
                highest = s.currentTime();
            } else {
                longest = Math.max(longest, (s.wallMillis() - since.wallMillis()) / 1000.0);
            }
        }
        return longest;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (Sample s : samples) {
            text.append(String.format("%n  %6.1f s wall: currentTime %.2f", s.wallMillis() / 1000.0, s.currentTime()));
        }
        return text.toString();
    }
}
