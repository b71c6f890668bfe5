package org.hlspipeline.queryapi.broker;

import static org.hlspipeline.queryapi.broker.BrokerSettings.DATA_DIR_ENV;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.slf4j.Logger;

/**
 * An exclusive lock on a file in the storage directory, held while the broker runs. Another process gets
 * {@code null} from {@code tryLock}; this JVM gets {@link OverlappingFileLockException}: both mean "in use".
 */
final class StorageLock {

    private static final Logger log = BrokerLog.LOG;

    private final FileChannel channel;
    private final FileLock lock;

    private StorageLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static StorageLock acquire(Path file) {
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new BrokerStartupException("Cannot open " + file + " (set " + DATA_DIR_ENV
                    + " to a writable directory): " + e, e);
        }
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        } catch (IOException e) {
            closeQuietly(channel);
            throw new BrokerStartupException("Cannot lock " + file + ": " + e, e);
        }
        if (lock == null) {
            closeQuietly(channel);
            throw new BrokerStartupException("Cannot start the embedded Kafka broker: its data directory "
                    + file.getParent() + " is in use by another embedded broker (another instance running on"
                    + " the same data?). Stop it, or set " + DATA_DIR_ENV + " to another directory.");
        }
        return new StorageLock(channel, lock);
    }

    synchronized void release() {
        if (channel.isOpen()) {
            try {
                lock.release();
            } catch (IOException e) {
                log.debug("Cannot release the storage lock", e);
            }
            closeQuietly(channel);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing a lock file; nothing to do
        }
    }
}
