package org.hlspipeline.tools;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.KafkaException;
import org.hlspipeline.schemas.registry.SchemaRegistryException;

import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What the commands that live in feature packages ({@code load}, {@code rebuild}) use from the tool's core, so
 * that they resolve connections, classify failures and print {@code --version} exactly as the publishing
 * commands do, without the core's internals becoming public one by one.
 */
public final class CommandSupport {

    /** Admin calls give up after this long, so that an unreachable cluster fails in bounded time. */
    public static final int ADMIN_API_TIMEOUT_MS = 15_000;
    static final int ADMIN_REQUEST_TIMEOUT_MS = 10_000;

    private CommandSupport() {
    }

    /** The environment the tool runs in (the process's, or the one a test gave {@link ProducerTools}). */
    public static Map<String, String> environment(CommandSpec command) {
        return ((ProducerTools) command.root().userObject()).environment();
    }

    /**
     * Bootstrap servers and client properties from a flag, the environment, a {@code --command-config} file and
     * the defaults, resolved in the same order as {@link ConnectionOptions} does for the publishing commands.
     *
     * @throws IllegalArgumentException when the file cannot be read (a usage error)
     */
    public static ClientSettings clusterSettings(String bootstrapServers, Path commandConfig,
                                                 Map<String, String> environment) {
        ConnectionOptions options = new ConnectionOptions();
        options.bootstrapServers = bootstrapServers;
        options.commandConfig = commandConfig;
        return options.resolve(environment, ConnectionOptions.STREAM_EVENTS);
    }

    /** The publishing commands' producer configuration: {@code acks=all}, idempotent, short timeouts. */
    public static Map<String, Object> producerConfig(ClientSettings settings) {
        return KafkaEventPublisher.producerConfig(settings);
    }

    /**
     * An admin client configuration: the {@code --command-config} file's client properties (security, TLS, SASL)
     * without the registry's, and timeouts short enough that an unreachable cluster is reported in seconds.
     */
    public static Map<String, Object> adminConfig(ClientSettings settings) {
        Map<String, Object> config = new HashMap<>();
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, KafkaEventPublisher.CLIENT_ID);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, ADMIN_REQUEST_TIMEOUT_MS);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, ADMIN_API_TIMEOUT_MS);
        settings.properties().forEach((name, value) -> {
            if (!KafkaEventPublisher.isRegistryProperty(name)) {
                config.put(name, value);
            }
        });
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        return config;
    }

    /** A failed send, worded and classified (exit code) as the publishing commands report it. */
    public static PublishException kafkaFailure(String topic, String bootstrapServers, Throwable failure) {
        return KafkaEventPublisher.kafkaFailure(topic, bootstrapServers, failure);
    }

    /** A Kafka client that could not be created from the settings (usually exit code 2). */
    public static PublishException clientConfigFailure(KafkaException failure) {
        return KafkaEventPublisher.configFailure(failure);
    }

    /** A schema registry failure, worded and classified as the publishing commands report it. */
    public static PublishException registryFailure(SchemaRegistryException failure) {
        return KafkaEventPublisher.registryFailure(failure);
    }

    /** {@code --verbose}: let the Kafka client log at INFO (see {@link ToolLogging}). */
    public static void verboseClientLogging() {
        ToolLogging.verbose();
    }

    /** {@code --version} for commands outside this package. */
    public static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new VersionProvider().getVersion();
        }
    }
}
