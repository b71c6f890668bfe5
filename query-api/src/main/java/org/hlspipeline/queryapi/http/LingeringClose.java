package org.hlspipeline.queryapi.http;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.channel.socket.DuplexChannel;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.ReferenceCountUtil;

/**
 * Closes a connection the way RFC 9112 §9.6 asks of a server that closes while the client may still be sending:
 * first only the sending half, after the answer, then the whole socket once the client has closed its half or
 * {@link #LINGER} has passed. Closing at once, with unread request bytes in the kernel's buffer, makes the kernel
 * send a reset, and a client that is still sending (a request line past its limit, a body nobody reads) then
 * loses the 414, 431, 413 or 404 it was sent. What arrives meanwhile is dropped before the HTTP codec sees it
 * (see docs/operations.md, HTTP limits).
 */
@ChannelHandler.Sharable
final class LingeringClose extends ChannelOutboundHandlerAdapter {

    /** Long enough for a client on a slow link to finish a request of the sizes the limits allow. */
    static final Duration LINGER = Duration.ofSeconds(2);

    private static final String DISCARD = "hls.lingerDiscard";

    @Override
    public void close(ChannelHandlerContext ctx, ChannelPromise promise) {
        Channel channel = ctx.channel();
        if (!(channel instanceof DuplexChannel duplex) || !duplex.isActive() || duplex.isOutputShutdown()
                || duplex.isInputShutdown() || channel.pipeline().get(SslHandler.class) != null
                || channel.pipeline().get(DISCARD) != null) {
            // TLS ends with its own close_notify; a socket already half closed has nothing to linger for.
            ctx.close(promise);
            return;
        }
        channel.pipeline().addFirst(DISCARD, new DiscardInbound());
        channel.config().setAutoRead(true);
        channel.closeFuture().addListener(closed -> promise.trySuccess());
        duplex.shutdownOutput().addListener(shut -> {
            if (!shut.isSuccess()) {
                ctx.close();
            }
        });
        channel.eventLoop().schedule(() -> ctx.close(), LINGER.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Drops the rest of a request the server has stopped reading, and closes once the client has closed. */
    private static final class DiscardInbound extends ChannelInboundHandlerAdapter {

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ReferenceCountUtil.release(msg);
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
            if (event instanceof ChannelInputShutdownEvent) {
                ctx.close();
            } else {
                ctx.fireUserEventTriggered(event);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}
