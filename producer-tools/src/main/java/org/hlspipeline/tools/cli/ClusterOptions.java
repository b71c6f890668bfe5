package org.hlspipeline.tools.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import picocli.CommandLine.Option;

/**
 * How to reach the Kafka cluster: the options every command that talks to Kafka declares, as one picocli mixin.
 * {@link ConnectionOptions} adds the schema registry and the topic for the commands that publish records;
 * {@code rebuild}, which only administers the cluster, uses this mixin alone.
 */
public final class ClusterOptions {

    public static final String ENV_BOOTSTRAP_SERVERS = "KAFKA_BOOTSTRAP_SERVERS";
    public static final String DEFAULT_BOOTSTRAP_SERVERS = "127.0.0.1:9092";

    @Option(names = "--bootstrap-servers", paramLabel = "<servers>", order = 100,
            description = "Kafka brokers, host:port[,host:port...]. Env: KAFKA_BOOTSTRAP_SERVERS. Default: 127.0.0.1:9092 "
                    + "(the app's embedded broker).")
    String bootstrapServers;

    @Option(names = "--command-config", paramLabel = "<file>", order = 103,
            description = "Kafka client properties file, as for Kafka's own CLI tools: security.protocol, "
                    + "sasl.mechanism, sasl.jaas.config, ssl.*, and the registry's basic.auth.user.info and "
                    + "schema.registry.ssl.*. Its values are never printed.")
    Path commandConfig;

    /** The {@code --command-config} file, or null. */
    public Path commandConfig() {
        return commandConfig;
    }

    /** The {@code --command-config} file's properties, trimmed; empty without the option. */
    Map<String, String> fileProperties() {
        return commandConfig == null ? Map.of() : readProperties(commandConfig);
    }

    /** The brokers from the flag, else the environment, else the file's {@code bootstrap.servers}, else the default. */
    String bootstrapServers(Map<String, String> environment, Map<String, String> fileProperties) {
        return first(bootstrapServers, environment.get(ENV_BOOTSTRAP_SERVERS),
                fileProperties.get("bootstrap.servers"), DEFAULT_BOOTSTRAP_SERVERS);
    }

    /** The first of flag, environment and file value that is set, trimmed; else {@code fallback}. */
    static String first(String flag, String environment, String file, String fallback) {
        for (String candidate : new String[] {flag, environment, file}) {
            if (candidate != null && !candidate.isBlank()) {
                return candidate.trim();
            }
        }
        return fallback;
    }

    private static Map<String, String> readProperties(Path file) {
        Properties loaded = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            loaded.load(reader);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("--command-config file " + file + " does not exist");
        } catch (IOException | RuntimeException e) {
            // Properties.load may fail on a malformed \\u escape; the message names the problem, not the values.
            throw new IllegalArgumentException("cannot read --command-config file " + file + ": "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()));
        }
        Map<String, String> result = new HashMap<>();
        for (String name : loaded.stringPropertyNames()) {
            result.put(name.trim(), loaded.getProperty(name).trim());
        }
        return result;
    }
}
