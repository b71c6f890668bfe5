package org.hlspipeline.queryapi.broker;

import static org.hlspipeline.queryapi.broker.BrokerSettings.DATA_DIR_ENV;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import kafka.tools.StorageTool;
import org.slf4j.Logger;

/**
 * The embedded broker's storage under {@link BrokerSettings#kafkaDir()}: creating the directory, reading the cluster id
 * of an already formatted storage, and formatting a new one. The lock file that keeps a second broker off the
 * same storage is {@link StorageLock}.
 */
final class BrokerStorage {

    private static final Logger log = BrokerLog.LOG;

    private BrokerStorage() {
    }

    /** Creates the Kafka data directory (and its parents) if it does not exist yet. */
    static void createKafkaDir(Path kafkaDir) {
        try {
            Files.createDirectories(kafkaDir);
        } catch (IOException e) {
            throw new BrokerStartupException("Cannot create the Kafka data directory " + kafkaDir
                    + " (set " + DATA_DIR_ENV + " to a writable directory): " + e, e);
        }
    }

    /**
     * Writes {@code meta.properties} and the bootstrap metadata if the directory is new; leaves a formatted
     * directory untouched (the cluster id passed in is then the one already stored there).
     *
     * <p>This runs Kafka's own {@code kafka-storage format --ignore-formatted} ({@link StorageTool}, which drives
     * {@code org.apache.kafka.metadata.storage.Formatter}) on the same configuration the broker gets.
     * The {@code Formatter} class itself lives in {@code kafka-metadata}, which {@code kafka_2.13} only pulls in at
     * runtime scope, so the tool's string-array entry point keeps this module compiling against
     * {@code kafka_2.13} alone.
     */
    static void format(Map<String, Object> brokerProperties, Path kafkaDir, String clusterId) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        Path configFile = null;
        try (PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            configFile = Files.createTempFile("embedded-kafka-format-", ".properties");
            Properties config = new Properties();
            brokerProperties.forEach((key, value) -> config.setProperty(key, String.valueOf(value)));
            try (Writer writer = Files.newBufferedWriter(configFile, StandardCharsets.UTF_8)) {
                config.store(writer, "embedded broker configuration, for kafka-storage format");
            }
            int exitCode = StorageTool.execute(new String[] {
                "format", "--config", configFile.toString(), "--cluster-id", clusterId, "--ignore-formatted"
            }, out);
            if (exitCode != 0) {
                throw new IllegalStateException("kafka-storage format exited with " + exitCode + ": "
                        + output.toString(StandardCharsets.UTF_8).strip());
            }
        } catch (Exception e) {
            throw new BrokerStartupException("Cannot format the Kafka storage in " + kafkaDir
                    + " (set " + DATA_DIR_ENV + " to another directory, or remove this one to start empty): "
                    + e.getMessage(), e);
        } finally {
            deleteQuietly(configFile);
            String text = output.toString(StandardCharsets.UTF_8).strip();
            if (!text.isEmpty()) {
                log.debug("Kafka storage format: {}", text);
            }
        }
    }

    /** The cluster id stored in the {@code meta.properties} of an already formatted storage, if any. */
    static Optional<String> existingClusterId(BrokerSettings settings) {
        String found = null;
        for (Path dir : List.of(settings.metadataDir(), settings.logDir())) {
            Path metaProperties = dir.resolve("meta.properties");
            if (!Files.isRegularFile(metaProperties)) {
                continue;
            }
            Properties meta = new Properties();
            try (Reader reader = Files.newBufferedReader(metaProperties, StandardCharsets.UTF_8)) {
                meta.load(reader);
            } catch (IOException e) {
                throw new BrokerStartupException("Cannot read " + metaProperties + ": " + e, e);
            }
            String clusterId = meta.getProperty("cluster.id", "").strip();
            if (clusterId.isEmpty() || (found != null && !found.equals(clusterId))) {
                throw new BrokerStartupException("The Kafka storage in " + settings.kafkaDir()
                        + " has a missing or inconsistent cluster.id in its meta.properties files; remove that"
                        + " directory to start empty, or set " + DATA_DIR_ENV + " to another directory.");
            }
            found = clusterId;
        }
        return Optional.ofNullable(found);
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a leftover temporary file is harmless
            }
        }
    }
}
