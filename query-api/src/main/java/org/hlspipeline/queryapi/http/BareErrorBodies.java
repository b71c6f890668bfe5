package org.hlspipeline.queryapi.http;

import java.nio.charset.StandardCharsets;

import org.springframework.http.HttpStatus;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;

/**
 * Reactor Netty answers a request it cannot read (a malformed request line or header, a request line or headers
 * past their limits) itself, with an empty 400, 414 or 431, before Spring sees it. This gives those answers the
 * problem body every other error has (see docs/operations.md, HTTP limits). Spring's own answers always carry a
 * content type, so only Netty's are touched.
 */
@ChannelHandler.Sharable
final class BareErrorBodies extends ChannelOutboundHandlerAdapter {

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
        if (msg instanceof FullHttpResponse response && response.status().code() >= 400
                && !response.content().isReadable() && !response.headers().contains(HttpHeaderNames.CONTENT_TYPE)) {
            byte[] body = problem(response.status().code());
            FullHttpResponse filled = response.replace(Unpooled.wrappedBuffer(body));
            response.release();
            filled.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/problem+json")
                    .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
            super.write(ctx, filled, promise);
            return;
        }
        super.write(ctx, msg, promise);
    }

    static byte[] problem(int status) {
        String type;
        String detail;
        switch (status) {
            case 414 -> {
                type = "uri-too-long";
                detail = "The request line is longer than the server reads (HLS_MAX_REQUEST_LINE)";
            }
            case 431 -> {
                type = "headers-too-large";
                detail = "The request headers are larger than the server reads (HLS_MAX_HEADER_SIZE)";
            }
            default -> {
                type = "invalid-request";
                detail = "The request is not valid HTTP/1.1";
            }
        }
        HttpStatus known = HttpStatus.resolve(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        return ("{\"type\":\"/problems/" + type + "\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"" + detail + "\"}").getBytes(StandardCharsets.US_ASCII);
    }
}
