package org.hlspipeline.queryapi.kafka;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.apache.kafka.streams.state.HostInfo;
import org.hlspipeline.queryapi.config.HlsProperties;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * This instance's address as other instances reach it (Kafka Streams' {@code application.server}). Known once
 * the HTTP server has bound its port, which is why Kafka Streams starts after the web server.
 */
@Component
public class LocalInstance {

    private final String configuredHost;
    private volatile HostInfo hostInfo;

    LocalInstance(HlsProperties properties, Environment environment) {
        String advertised = properties.advertisedHost();
        String bind = environment.getProperty("server.address", "127.0.0.1");
        this.configuredHost = advertised != null && !advertised.isBlank() ? advertised : advertisedFor(bind);
    }

    private static String advertisedFor(String bindAddress) {
        if (!"0.0.0.0".equals(bindAddress) && !"::".equals(bindAddress)) {
            return bindAddress;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            throw new IllegalStateException("Cannot tell other instances how to reach this one: set "
                    + "HLS_ADVERTISED_HOST", e);
        }
    }

    @EventListener
    void onWebServerStarted(WebServerInitializedEvent event) {
        if (event.getApplicationContext().getParent() == null || hostInfo == null) {
            this.hostInfo = new HostInfo(configuredHost, event.getWebServer().getPort());
        }
    }

    public HostInfo hostInfo() {
        HostInfo info = hostInfo;
        if (info == null) {
            throw new IllegalStateException("the HTTP server has not started yet");
        }
        return info;
    }

    public boolean is(HostInfo other) {
        return hostInfo().equals(other);
    }

    /** How responses name the serving instance. */
    public String name() {
        HostInfo info = hostInfo();
        return info.host() + ":" + info.port();
    }
}
