package org.hlspipeline.queryapi.broker;

import static org.hlspipeline.queryapi.broker.BrokerSettings.DEFAULT_HOST;
import static org.hlspipeline.queryapi.broker.BrokerSettings.PORT_ENV;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** The host and ports of the embedded broker's listeners: resolving the host, and checking or picking free ports. */
final class BrokerPorts {

    /** The client and controller ports chosen for one start attempt. */
    record Chosen(int port, int controllerPort) {
    }

    private BrokerPorts() {
    }

    /** Ports to use: the configured ones, checked to be free, or free ones picked together when 0. */
    static Chosen choosePorts(BrokerSettings settings) {
        InetAddress address = bindAddress(settings.host());
        int port = settings.port();
        int controllerPort = settings.controllerPort();
        if (port != 0) {
            requireFree(address, port, settings, false);
        }
        if (controllerPort != 0) {
            requireFree(address, controllerPort, settings, true);
        }
        // Hold every probe socket open until all ports are chosen so the two picks cannot collide.
        ServerSocket brokerProbe = null;
        ServerSocket controllerProbe = null;
        try {
            if (port == 0) {
                brokerProbe = new ServerSocket(0, 1, address);
                port = brokerProbe.getLocalPort();
            }
            if (controllerPort == 0) {
                do {
                    if (controllerProbe != null) {
                        controllerProbe.close();
                    }
                    controllerProbe = new ServerSocket(0, 1, address);
                    controllerPort = controllerProbe.getLocalPort();
                } while (controllerPort == port);
            }
        } catch (IOException e) {
            throw new BrokerStartupException("Cannot find a free port on " + settings.host() + ": " + e, e);
        } finally {
            closeQuietly(brokerProbe);
            closeQuietly(controllerProbe);
        }
        return new Chosen(port, controllerPort);
    }

    static String portTakenMessage(BrokerSettings settings, int port, boolean controller) {
        if (controller) {
            return "Cannot start the embedded Kafka broker: controller port " + port + " on " + settings.host()
                    + " is already in use. Choose another controller port, or 0 for a free one.";
        }
        return "Cannot start the embedded Kafka broker: port " + port + " on " + settings.host()
                + " is already in use (is another instance or a Kafka broker running?). Set " + PORT_ENV
                + " to a free port, or set KAFKA_BOOTSTRAP_SERVERS to use that broker instead.";
    }

    /** A wildcard bind address cannot be advertised to clients; advertise loopback instead. */
    static String advertisedHost(String host) {
        return bindAddress(host).isAnyLocalAddress() ? DEFAULT_HOST : host;
    }

    private static void requireFree(InetAddress address, int port, BrokerSettings settings, boolean controller) {
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(address, port), 1);
        } catch (IOException e) {
            throw new BrokerStartupException(portTakenMessage(settings, port, controller), e);
        }
    }

    private static InetAddress bindAddress(String host) {
        try {
            return InetAddress.getByName(host);
        } catch (IOException e) {
            throw new BrokerStartupException("Cannot resolve the embedded Kafka broker host '" + host + "': " + e, e);
        }
    }

    private static void closeQuietly(ServerSocket socket) {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // probe socket; nothing to do
            }
        }
    }
}
