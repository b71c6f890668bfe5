package org.hlspipeline.queryapi.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A small tmpfs of a given size mounted for one test, to run out of space on for real: the kernel refuses writes
 * with ENOSPC as on a full volume. Mounting needs root, which {@code .ci/run} has; without it the test fails with
 * a message saying so rather than skipping.
 */
public final class TinyFilesystem implements AutoCloseable {

    private final Path mountPoint;
    private final Path filler;

    private TinyFilesystem(Path mountPoint) {
        this.mountPoint = mountPoint;
        this.filler = mountPoint.resolve("filler");
    }

    public static TinyFilesystem mount(Path mountPoint, int megabytes) {
        try {
            Files.createDirectories(mountPoint);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        run(List.of("mount", "-t", "tmpfs", "-o", "size=" + megabytes + "m", "tmpfs", mountPoint.toString()),
                "mounting a " + megabytes + " MB tmpfs needs root (CI runs as root)");
        return new TinyFilesystem(mountPoint);
    }

    public Path path() {
        return mountPoint;
    }

    public long usableBytes() {
        try {
            return Files.getFileStore(mountPoint).getUsableSpace();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a filler file until only {@code leaveBytes} are free (or fewer, if others write meanwhile). */
    public void fillLeaving(long leaveBytes) {
        byte[] block = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(filler)) {
            long toWrite = usableBytes() - leaveBytes;
            while (toWrite > 0) {
                int n = (int) Math.min(block.length, toWrite);
                out.write(block, 0, n);
                toWrite -= n;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot fill " + mountPoint, e);
        }
    }

    /** Deletes the filler: the space is back. */
    public void empty() {
        try {
            Files.deleteIfExists(filler);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        run(List.of("umount", "-l", mountPoint.toString()), "unmounting " + mountPoint);
    }

    private static void run(List<String> command, String what) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes()).trim();
            if (process.waitFor() != 0) {
                throw new IllegalStateException(what + " failed: " + String.join(" ", command) + ": " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(what + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
