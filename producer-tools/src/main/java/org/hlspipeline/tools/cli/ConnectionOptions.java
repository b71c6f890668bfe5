package org.hlspipeline.tools.cli;

import java.util.HashMap;
import java.util.Map;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * How to reach Kafka and the schema registry, and where to publish: one picocli mixin shared by every publishing
 * subcommand ({@link ClusterOptions} within it).
 *
 * <p>Each setting comes from, in order: its flag, its environment variable, the {@code --command-config} file,
 * the default. Secrets (SASL passwords, registry credentials) have no flags, so they never show in a process
 * list: they come from the file or the environment.
 */
public final class ConnectionOptions {

    public static final String ENV_BOOTSTRAP_SERVERS = ClusterOptions.ENV_BOOTSTRAP_SERVERS;
    public static final String ENV_SCHEMA_REGISTRY_URL = "SCHEMA_REGISTRY_URL";
    public static final String ENV_TOPIC_STREAM_EVENTS = "HLS_TOPIC_STREAM_EVENTS";
    public static final String ENV_TOPIC_CHANNEL_COMMANDS = "HLS_TOPIC_CHANNEL_COMMANDS";
    public static final String ENV_TOPIC_BROADCASTS = "HLS_TOPIC_BROADCASTS";
    public static final String DEFAULT_BOOTSTRAP_SERVERS = ClusterOptions.DEFAULT_BOOTSTRAP_SERVERS;
    public static final String DEFAULT_TOPIC_STREAM_EVENTS = "hls.stream-events";
    public static final String DEFAULT_TOPIC_CHANNEL_COMMANDS = "hls.channel-commands";
    public static final String DEFAULT_TOPIC_BROADCASTS = "hls.broadcasts";

    /** The environment variables the app reads for registry credentials, mapped to the serde's property names. */
    static final Map<String, String> REGISTRY_ENVIRONMENT = Map.of(
            "SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO", "basic.auth.user.info",
            "SCHEMA_REGISTRY_TRUSTSTORE_LOCATION", "schema.registry.ssl.truststore.location",
            "SCHEMA_REGISTRY_TRUSTSTORE_PASSWORD", "schema.registry.ssl.truststore.password",
            "SCHEMA_REGISTRY_KEYSTORE_LOCATION", "schema.registry.ssl.keystore.location",
            "SCHEMA_REGISTRY_KEYSTORE_PASSWORD", "schema.registry.ssl.keystore.password");

    /** Which topic a command writes, and the environment variable that renames it. */
    public record TopicDefault(String environmentVariable, String name) {
    }

    public static final TopicDefault STREAM_EVENTS =
            new TopicDefault(ENV_TOPIC_STREAM_EVENTS, DEFAULT_TOPIC_STREAM_EVENTS);
    public static final TopicDefault CHANNEL_COMMANDS =
            new TopicDefault(ENV_TOPIC_CHANNEL_COMMANDS, DEFAULT_TOPIC_CHANNEL_COMMANDS);
    public static final TopicDefault BROADCASTS = new TopicDefault(ENV_TOPIC_BROADCASTS, DEFAULT_TOPIC_BROADCASTS);

    @Mixin
    ClusterOptions cluster = new ClusterOptions();

    @Option(names = "--schema-registry-url", paramLabel = "<url>", order = 101,
            description = "Confluent-compatible schema registry. Env: SCHEMA_REGISTRY_URL. Default: none, which "
                    + "uses the schema ids bundled with this release (the embedded mode's). Credentials come from "
                    + "SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO, SCHEMA_REGISTRY_TRUSTSTORE_LOCATION, "
                    + "SCHEMA_REGISTRY_TRUSTSTORE_PASSWORD, SCHEMA_REGISTRY_KEYSTORE_LOCATION and "
                    + "SCHEMA_REGISTRY_KEYSTORE_PASSWORD or the --command-config file.")
    String schemaRegistryUrl;

    @Option(names = "--topic", paramLabel = "<topic>", order = 102,
            description = "Topic to publish to. Env and default by command: HLS_TOPIC_STREAM_EVENTS, "
                    + "hls.stream-events (stream events); HLS_TOPIC_CHANNEL_COMMANDS, hls.channel-commands "
                    + "(command, schedule); HLS_TOPIC_BROADCASTS, hls.broadcasts (alert, cancel-alert).")
    String topic;

    /**
     * Resolves flags, environment, file and defaults.
     *
     * @throws IllegalArgumentException when the {@code --command-config} file cannot be read (a usage error)
     */
    public ClientSettings resolve(Map<String, String> environment, TopicDefault topicDefault) {
        Map<String, String> fileProperties = cluster.fileProperties();
        Map<String, String> properties = new HashMap<>(fileProperties);
        properties.remove("bootstrap.servers");
        String registryUrl = ClusterOptions.first(schemaRegistryUrl, environment.get(ENV_SCHEMA_REGISTRY_URL),
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
        String topicName = ClusterOptions.first(topic, environment.get(topicDefault.environmentVariable()), null,
                topicDefault.name());
        return new ClientSettings(cluster.bootstrapServers(environment, fileProperties), topicName, properties);
    }

    /**
     * The settings of a command that declares only {@link ClusterOptions}: no registry flag, the default topic
     * (unused by such a command).
     */
    public static ClientSettings resolve(ClusterOptions cluster, Map<String, String> environment) {
        ConnectionOptions options = new ConnectionOptions();
        options.cluster = cluster;
        return options.resolve(environment, STREAM_EVENTS);
    }
}
