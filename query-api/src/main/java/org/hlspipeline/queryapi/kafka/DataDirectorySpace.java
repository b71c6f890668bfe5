package org.hlspipeline.queryapi.kafka;

import org.springframework.util.unit.DataSize;

/**
 * The data directory's free space against the minimum processing needs, and whether processing should be paused.
 * Kafka Streams writes its RocksDB stores and checkpoints there; a write that meets a full disk fails the global
 * thread for good (docs/operations.md, "A full disk"), so processing stops while there is still room, and goes on
 * once a quarter more than the minimum is free again, so that a directory hovering at the line does not flap.
 *
 * @param usableBytes      what the file store lets this process write
 * @param minimumFreeBytes below this, processing pauses ({@code HLS_DATA_DIR_MIN_FREE})
 */
public record DataDirectorySpace(long usableBytes, long minimumFreeBytes) {

    /** Whether processing should be paused now, given whether it is paused already. */
    public boolean pause(boolean paused) {
        long resumeAt = minimumFreeBytes + minimumFreeBytes / 4;
        return paused ? usableBytes < resumeAt : usableBytes < minimumFreeBytes;
    }

    /** The reason an operator reads in the health answer and the log. */
    public String describe(String path, boolean paused) {
        String free = human(usableBytes) + " free in " + path;
        return paused
                ? free + ", below HLS_DATA_DIR_MIN_FREE (" + human(minimumFreeBytes) + "): processing is paused, "
                        + "reads are answered from the stores, and writes go on to Kafka"
                : free + " (HLS_DATA_DIR_MIN_FREE " + human(minimumFreeBytes) + ")";
    }

    private static String human(long bytes) {
        return bytes >= DataSize.ofMegabytes(10).toBytes() ? bytes / DataSize.ofMegabytes(1).toBytes() + " MB"
                : bytes / 1024 + " KB";
    }
}
