package org.hlspipeline.queryapi.http;

import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import org.springframework.web.util.DisconnectedClientHelper;

import reactor.core.publisher.Hooks;
import reactor.core.publisher.Mono;

/**
 * A client that closes its connection early (a player that gives up, a tool that is killed, a half-close) is
 * normal traffic, not a fault of the server: it is logged at DEBUG, without a stack trace, so that strangers
 * cannot fill the log with ERRORs (see docs/operations.md, HTTP limits and logging). Spring's
 * {@link DisconnectedClientHelper} knows Reactor Netty's {@code AbortedException} and the "connection reset by
 * peer" and "broken pipe" messages; an error on a response already sent can only be a lost connection too.
 *
 * <p>As a {@link WebExceptionHandler} ahead of Spring Boot's (order -1) it also takes the errors that leave the
 * handler chain once the response is committed: Reactor Netty answers 400 itself to a request whose chunked body
 * breaks off, and the handler's own answer then fails with "Status and headers already sent". Boot's handler passes
 * such an error on, and Spring logged it at ERROR with its stack trace (HttpFuzzIT, ClientDisconnectIT).
 */
@Component
@Order(-2)
class DisconnectedClients implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(DisconnectedClients.class);
    /** Reactor's hooks are global and add up, so one hook serves every instance in the JVM. */
    private static final AtomicBoolean HOOKED = new AtomicBoolean();

    DisconnectedClients() {
        // A connection reset while a request body is read is signalled twice; the second signal reaches
        // Reactor's dropped-error hook, which would log it at ERROR.
        if (HOOKED.compareAndSet(false, true)) {
            Hooks.onErrorDropped(e -> {
                if (DisconnectedClientHelper.isClientDisconnectedException(e)) {
                    log.debug("Client gone, dropped signal: {}", e.toString());
                } else {
                    log.error("Error dropped by an operator", e);
                }
            });
        }
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable e) {
        if (gone(e, exchange)) {
            logGone(e, exchange);
            return Mono.empty();
        }
        return Mono.error(e);
    }

    /** Whether {@code e} means the client has gone away or the response can no longer be changed. */
    static boolean gone(Throwable e, ServerWebExchange exchange) {
        return DisconnectedClientHelper.isClientDisconnectedException(e) || exchange.getResponse().isCommitted();
    }

    static void logGone(Throwable e, ServerWebExchange exchange) {
        log.debug("Client gone while {} {} was served: {}", exchange.getRequest().getMethod(),
                exchange.getRequest().getPath(), e.toString());
    }
}
