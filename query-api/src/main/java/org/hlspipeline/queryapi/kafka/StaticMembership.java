package org.hlspipeline.queryapi.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * This instance's {@code group.instance.id}: one id per data directory, kept in {@code <dataDir>/member-id}, so
 * that a process restarted on the same data directory, after a crash or a {@code kill -9}, rejoins the group as
 * the member it was. The group coordinator then hands it its tasks back at once, instead of waiting out the dead
 * member's session timeout (45 s) before a rebalance can finish. Kafka Streams suffixes the id with each stream
 * thread's index. Why, and the trade-off, in docs/operations.md ("Recovery after a crash").
 */
final class StaticMembership {

    static final String FILE = "member-id";
    private static final Pattern STORED = Pattern.compile("[A-Za-z0-9._-]{1,200}");

    private StaticMembership() {
    }

    /** The id stored in {@code dataDir}, created there on first use. */
    static String instanceId(Path dataDir, String applicationId) {
        Path file = dataDir.resolve(FILE);
        try {
            if (Files.isRegularFile(file)) {
                String stored = Files.readString(file, StandardCharsets.UTF_8).strip();
                if (STORED.matcher(stored).matches()) {
                    return stored;
                }
                throw new IllegalStateException(file + " holds no member id (expected " + STORED.pattern()
                        + "): delete it and the instance takes a new one");
            }
            Files.createDirectories(dataDir);
            String created = applicationId + "-" + UUID.randomUUID();
            // CREATE_NEW: two processes starting on one data directory cannot both take a new id.
            Files.writeString(file, created + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
            return created;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep this instance's member id in " + file, e);
        }
    }
}
