package org.hlspipeline.queryapi.query;

/** No instance can answer for the key right now (starting, rebalancing with no fresh standby, owner down). */
public class StoreUnavailableException extends RuntimeException {

    public StoreUnavailableException(String message) {
        super(message);
    }

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
