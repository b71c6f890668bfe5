package org.hlspipeline.queryapi.kafka;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.hlspipeline.queryapi.config.HlsProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Looks at the data directory's free space every {@value #CHECK_SECONDS} s and pauses Kafka Streams' processing
 * while it is short ({@link DataDirectorySpace}), so that the instance keeps its stores open and answers reads
 * from them instead of failing on a full disk. Records wait in Kafka meanwhile, and are processed once there is
 * room again. Hand-written because Spring Boot's disk-space health indicator only reports; the same decision
 * must also pause and resume processing.
 */
@Component
public class DataDirectoryGuard implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DataDirectoryGuard.class);
    private static final long CHECK_SECONDS = 2;

    /** What the last check found: the space, whether processing is paused, and the reason in words. */
    public record Reading(DataDirectorySpace space, boolean paused, String reason) {
    }

    private final StreamsRuntime runtime;
    private final Path directory;
    private final long minimumFree;
    private final ScheduledExecutorService checks = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "data-dir-guard");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Reading last;
    private volatile boolean running;

    DataDirectoryGuard(StreamsRuntime runtime, HlsProperties properties,
                       @Value("${hls.data-dir-min-free:256MB}") DataSize minimumFree) {
        this.runtime = runtime;
        this.directory = properties.dataDir().toAbsolutePath();
        this.minimumFree = minimumFree.toBytes();
    }

    /** The last reading; checks once if there was none yet. */
    public Reading reading() {
        Reading reading = last;
        return reading != null ? reading : check();
    }

    synchronized Reading check() {
        boolean paused = last != null && last.paused();
        DataDirectorySpace space = new DataDirectorySpace(usableSpace(), minimumFree);
        boolean pause = space.pause(paused);
        if (pause != paused && runtime.enabled()) {
            if (pause) {
                runtime.pause();
                log.warn("The data directory is short of space: {}", space.describe(directory.toString(), true));
            } else {
                runtime.resume();
                log.info("The data directory has room again ({}): processing goes on",
                        space.describe(directory.toString(), false));
            }
        }
        Reading reading = new Reading(space, pause, space.describe(directory.toString(), pause));
        last = reading;
        return reading;
    }

    private long usableSpace() {
        try {
            Files.createDirectories(directory);
            return Files.getFileStore(directory).getUsableSpace();
        } catch (IOException e) {
            log.warn("Cannot read the free space of {}: {}", directory, e.toString());
            return 0;
        }
    }

    @Override
    public void start() {
        running = true;
        checks.scheduleWithFixedDelay(this::checkQuietly, 0, CHECK_SECONDS, TimeUnit.SECONDS);
    }

    private void checkQuietly() {
        try {
            check();
        } catch (RuntimeException e) {
            log.warn("Data directory check failed: {}", e.toString());
        }
    }

    @Override
    public void stop() {
        running = false;
        checks.shutdownNow();
        try {
            checks.awaitTermination(Duration.ofSeconds(5).toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
