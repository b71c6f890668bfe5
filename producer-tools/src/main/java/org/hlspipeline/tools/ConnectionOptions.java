package org.hlspipeline.tools;

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
 * How to reach Kafka and the schema registry: shared by every publishing subcommand.
 *
 * <p>Each setting comes from, in order: its flag, its environment variable, the {@code --command-config} file,
 * the default. Secrets (SASL passwords, registry credentials) have no flags, so they never show in a process
 * list: they come from the file or the environment.
 */
public final class ConnectionOptions {

    public static final String ENV_BOOTSTRAP_SERVERS = "KAFKA_BOOTSTRAP_SERVERS";
    public static final String ENV_SCHEMA_REGISTRY_URL = "SCHEMA_REGISTRY_URL";
    public static final String ENV_TOPIC_STREAM_EVENTS = "HLS_TOPIC_STREAM_EVENTS";
    public static final String ENV_TOPIC_CHANNEL_COMMANDS = "HLS_TOPIC_CHANNEL_COMMANDS";
    public static final String ENV_TOPIC_BROADCASTS = "HLS_TOPIC_BROADCASTS";
    public static final String DEFAULT_BOOTSTRAP_SERVERS = "127.0.0.1:9092";
    public static final String DEFAULT_TOPIC_STREAM_EVENTS = "hls.stream-events";
    public static final String DEFAULT_TOPIC_CHANNEL_COMMANDS = "hls.channel-commands";
    public static final String DEFAULT_TOPIC_BROADCASTS = "hls.broadcasts";

    /** The environment variables the app reads for registry credentials, mapped to the serde's property names. */
    static final Map<String, String> REGISTRY_ENVIRONMENT = Map.of(
            "SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO", "basic.auth.user.info",
            "SCHEMA_REGISTRY_TRUSTSTORE_LOCATION", "schema.registry.ssl.truststore.location",
            "SCHEMA_REGISTRY_TRUSTSTORE_PASSWORD", "schema.registry.ssl.truststore.password");

    /** Which topic a command writes, and the environment variable that renames it. */
    public record TopicDefault(String environmentVariable, String name) {
    }

    public static final TopicDefault STREAM_EVENTS =
            new TopicDefault(ENV_TOPIC_STREAM_EVENTS, DEFAULT_TOPIC_STREAM_EVENTS);
    public static final TopicDefault CHANNEL_COMMANDS =
            new TopicDefault(ENV_TOPIC_CHANNEL_COMMANDS, DEFAULT_TOPIC_CHANNEL_COMMANDS);
    public static final TopicDefault BROADCASTS = new TopicDefault(ENV_TOPIC_BROADCASTS, DEFAULT_TOPIC_BROADCASTS);

    @Option(names = "--bootstrap-servers", paramLabel = "<servers>", order = 100,
            description = "Kafka brokers, host:port[,host:port...]. Env: KAFKA_BOOTSTRAP_SERVERS. Default: 127.0.0.1:9092 "
                    + "(the app's embedded broker).")
    String bootstrapServers;

    @Option(names = "--schema-registry-url", paramLabel = "<url>", order = 101,
            description = "Confluent-compatible schema registry. Env: SCHEMA_REGISTRY_URL. Default: none, which "
                    + "uses the schema ids bundled with this release (the embedded mode's). Credentials come from "
                    + "SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO, SCHEMA_REGISTRY_TRUSTSTORE_LOCATION and "
                    + "SCHEMA_REGISTRY_TRUSTSTORE_PASSWORD or the --command-config file.")
    String schemaRegistryUrl;

    @Option(names = "--topic", paramLabel = "<topic>", order = 102,
            description = "Topic to publish to. Env and default by command: HLS_TOPIC_STREAM_EVENTS, "
                    + "hls.stream-events (stream events); HLS_TOPIC_CHANNEL_COMMANDS, hls.channel-commands "
                    + "(command, schedule); HLS_TOPIC_BROADCASTS, hls.broadcasts (alert, cancel-alert).")
    String topic;

    @Option(names = "--command-config", paramLabel = "<file>", order = 103,
            description = "Kafka client properties file, as for Kafka's own CLI tools: security.protocol, "
                    + "sasl.mechanism, sasl.jaas.config, ssl.*, and the registry's basic.auth.user.info and "
                    + "schema.registry.ssl.*. Its values are never printed.")
    Path commandConfig;

    /**
     * Resolves flags, environment, file and defaults.
     *
     * @throws IllegalArgumentException when the {@code --command-config} file cannot be read (a usage error)
     */
    public ClientSettings resolve(Map<String, String> environment, TopicDefault topicDefault) {
        Map<String, String> fileProperties = commandConfig == null ? Map.of() : readProperties(commandConfig);
        Map<String, String> properties = new HashMap<>(fileProperties);
        String bootstrap = first(bootstrapServers, environment.get(ENV_BOOTSTRAP_SERVERS),
                properties.remove("bootstrap.servers"), DEFAULT_BOOTSTRAP_SERVERS);
        String registryUrl = first(schemaRegistryUrl, environment.get(ENV_SCHEMA_REGISTRY_URL),
                properties.remove(ClientSettings.SCHEMA_REGISTRY_URL), null);
        if (registryUrl != null) {
            properties.put(ClientSettings.SCHEMA_REGISTRY_URL, registryUrl);
        }
        REGISTRY_ENVIRONMENT.forEach((variable, property) -> {
            String value = environment.get(variable);
            if (value != null && !value.isBlank()) {
                properties.put(property, value);
            }
        });
        String topicName = first(topic, environment.get(topicDefault.environmentVariable()), null,
                topicDefault.name());
        return new ClientSettings(bootstrap, topicName, properties);
    }

    private static String first(String flag, String environment, String file, String fallback) {
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
