package org.hlspipeline.queryapi.broker;

/**
 * The embedded broker could not start. The message says why in words an operator can act on
 * (for example which port is taken and which environment variable moves it).
 */
public class BrokerStartupException extends RuntimeException {

    public BrokerStartupException(String message) {
        super(message);
    }

    public BrokerStartupException(String message, Throwable cause) {
        super(message, cause);
    }
}
