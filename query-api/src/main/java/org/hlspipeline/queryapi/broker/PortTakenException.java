package org.hlspipeline.queryapi.broker;

/** A listener could not bind its port; {@code EmbeddedKafkaBroker.start} retries when that port was picked by us. */
final class PortTakenException extends RuntimeException {

    private final int port;

    PortTakenException(int port, Throwable cause) {
        super("port " + port + " is taken", cause);
        this.port = port;
    }

    int port() {
        return port;
    }
}
