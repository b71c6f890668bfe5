package org.hlspipeline.tools.tail;

import java.math.BigDecimal;
import java.time.Duration;

import org.hlspipeline.tools.hls.PlaylistInput;

/**
 * What {@code tail} was told. A file of its own because the run, the master playlist's renditions and the
 * playlist watches all read it, and none of them should depend on another for it.
 */
record TailOptions(String stream, PlaylistInput input, Duration interval, Duration waitLimit, Duration idleTimeout, boolean once,
                   boolean quiet) {

    /** A duration as the flags take it, in seconds without trailing zeros: {@code 2.5}, so messages echo the flag. */
    static String seconds(Duration duration) {
        return BigDecimal.valueOf(duration.toMillis(), 3).stripTrailingZeros().toPlainString();
    }
}
