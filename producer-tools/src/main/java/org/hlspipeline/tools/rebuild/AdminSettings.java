package org.hlspipeline.tools.rebuild;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.admin.AdminClientConfig;
import org.hlspipeline.tools.cli.ClientSettings;
import org.hlspipeline.tools.publish.KafkaEventPublisher;

/**
 * The admin client configuration of {@code rebuild}: the {@code --command-config} file's client properties
 * (security, TLS, SASL) without the registry's, and timeouts short enough that an unreachable cluster is reported
 * in seconds.
 */
final class AdminSettings {

    /** Admin calls give up after this long, so that an unreachable cluster fails in bounded time. */
    static final int API_TIMEOUT_MS = 15_000;
    static final int REQUEST_TIMEOUT_MS = 10_000;

    private AdminSettings() {
    }

    static Map<String, Object> config(ClientSettings settings) {
        Map<String, Object> config = new HashMap<>();
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, KafkaEventPublisher.CLIENT_ID);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, REQUEST_TIMEOUT_MS);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, API_TIMEOUT_MS);
        settings.properties().forEach((name, value) -> {
            if (!KafkaEventPublisher.isRegistryProperty(name)) {
                config.put(name, value);
            }
        });
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        return config;
    }
}
