package org.hlspipeline.queryapi.http;

import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.util.AttributeKey;
import reactor.netty.Connection;

/**
 * Counts every response that leaves the server, in the Netty pipeline right after the HTTP codec: those Spring
 * writes (2xx to 5xx, problems from the controller advice and from filters) and those Reactor Netty writes itself
 * for a request it could not read (400, 414, 431), which never reach a filter. Each counts once in
 * {@code hls_requests_total{route,status}}, and 4xx and 5xx in {@code hls_errors_total} too. The route is the
 * pattern that matched, never the raw path, so the tags stay few whatever strangers send: {@value #UNKNOWN} for
 * every request no route matched (see docs/operations.md, HTTP limits).
 */
@ChannelHandler.Sharable
final class AnsweredRequests extends ChannelOutboundHandlerAdapter {

    static final String UNKNOWN = "UNKNOWN";

    /** HTTP/1.1 answers one request at a time per connection, so the route of the one in hand fits the channel. */
    private static final AttributeKey<String> ROUTE = AttributeKey.valueOf("hls.route");

    private final MeterRegistry registry;
    private final Counter errors;

    AnsweredRequests(MeterRegistry registry) {
        this.registry = registry;
        this.errors = Counter.builder("hls.errors").description("HTTP responses with status 4xx or 5xx")
                .register(registry);
    }

    /** Notes the route that answers the exchange, for the response about to be written on its connection. */
    static void route(ServerWebExchange exchange, String route) {
        if (ServerHttpRequestDecorator.getNativeRequest(exchange.getRequest()) instanceof Connection connection) {
            connection.channel().attr(ROUTE).set(route);
        }
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
        if (msg instanceof HttpResponse response && response.status().code() >= 200) {
            String route = ctx.channel().attr(ROUTE).getAndSet(null);
            int status = response.status().code();
            Counter.builder("hls.requests").description("Answered HTTP requests, by route and status")
                    .tag("route", route == null ? UNKNOWN : route).tag("status", Integer.toString(status))
                    .register(registry).increment();
            if (status >= 400) {
                errors.increment();
            }
        }
        super.write(ctx, msg, promise);
    }
}
