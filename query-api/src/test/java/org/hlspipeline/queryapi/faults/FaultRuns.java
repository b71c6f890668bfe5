package org.hlspipeline.queryapi.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.hlspipeline.queryapi.testing.Directories;

/**
 * Where a fault test keeps its processes' data and logs: {@code target/fault-runs/<test>}, emptied when the test
 * starts and kept after it, so that the brokers' and instances' logs of a failed run can be read.
 */
final class FaultRuns {

    private FaultRuns() {
    }

    static Path directory(Class<?> test) throws IOException {
        Path dir = Path.of("target", "fault-runs", test.getSimpleName()).toAbsolutePath();
        if (Files.exists(dir)) {
            Directories.delete(dir);
        }
        return Files.createDirectories(dir);
    }
}
