package org.hlspipeline.queryapi.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.hlspipeline.queryapi.broker.BrokerSettings;
import org.hlspipeline.queryapi.broker.EmbeddedKafkaBroker;

/**
 * One real KRaft broker for the whole test JVM, for integration tests.
 *
 * <p>The first call to {@link #bootstrapServers()} starts an {@link EmbeddedKafkaBroker} on free ports with its
 * data in a fresh temporary directory; later calls return the same address. A shutdown hook closes the broker
 * and deletes the directory when the JVM exits. Tests sharing it should use their own topic names and group ids
 * (for example with a random suffix), because topics and offsets persist for the life of the JVM.
 */
public final class TestKafka {

    private static EmbeddedKafkaBroker broker;

    private TestKafka() {
    }

    /** {@code host:port} of the JVM-wide broker, started on first use. */
    public static String bootstrapServers() {
        return broker().bootstrapServers();
    }

    /** The JVM-wide broker, started on first use. Do not close it; the shutdown hook does. */
    public static synchronized EmbeddedKafkaBroker broker() {
        if (broker == null) {
            Path dir;
            try {
                dir = Files.createTempDirectory("hls-test-kafka-");
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot create a temporary directory for the test broker", e);
            }
            EmbeddedKafkaBroker started = EmbeddedKafkaBroker.start(BrokerSettings.forTests(dir));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                started.close();
                Directories.deleteQuietly(dir);
            }, "test-kafka-shutdown"));
            broker = started;
        }
        return broker;
    }
}
