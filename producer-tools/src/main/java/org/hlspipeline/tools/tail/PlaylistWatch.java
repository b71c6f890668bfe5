package org.hlspipeline.tools.tail;

import java.time.Duration;

import org.hlspipeline.tools.cli.ToolClock;
import org.hlspipeline.tools.cli.ToolFailure;
import org.hlspipeline.tools.hls.PlaylistException;

/**
 * How long one playlist has been unreadable, and why. A transcoder rewrites its playlist all the time, so a failed
 * read is normal for a moment: only a problem that outlasts {@code --wait}, or the same malformed content on
 * {@value #MALFORMED_READS} reads in a row, ends the run.
 */
final class PlaylistWatch {

    static final int MALFORMED_READS = 3;

    private final ToolClock clock;
    private final Duration waitLimit;
    private long lastGood;
    private String problem;
    private String malformed;
    private int malformedReads;

    PlaylistWatch(ToolClock clock, Duration waitLimit) {
        this.clock = clock;
        this.waitLimit = waitLimit;
        this.lastGood = clock.nanoTime();
    }

    /** The playlist was read and understood. */
    void good() {
        lastGood = clock.nanoTime();
        problem = null;
        malformed = null;
        malformedReads = 0;
    }

    /** The playlist could not be read (missing, unreachable, empty): worth waiting for. */
    void problem(String message) {
        problem = message;
    }

    /** The playlist was read but did not parse: perhaps caught mid-write, unless it keeps saying the same. */
    void malformed(PlaylistException e) throws ToolFailure {
        if (e.getMessage().equals(malformed)) {
            malformedReads++;
        } else {
            malformed = e.getMessage();
            malformedReads = 1;
        }
        problem = e.getMessage();
        if (malformedReads >= MALFORMED_READS) {
            throw ToolFailure.input(e.getMessage());
        }
    }

    /** Ends the run when the current problem has lasted longer than {@code --wait}. */
    void checkWait() throws ToolFailure {
        if (problem != null && clock.nanoTime() - lastGood > waitLimit.toNanos()) {
            throw ToolFailure.input(problem + " (waited " + TailOptions.seconds(waitLimit) + " s, see --wait)");
        }
    }
}
