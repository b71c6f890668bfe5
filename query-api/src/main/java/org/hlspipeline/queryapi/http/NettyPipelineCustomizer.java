package org.hlspipeline.queryapi.http;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;

/**
 * Puts the app's own handlers into every connection's pipeline, right after the HTTP codec, where they see every
 * response, those Reactor Netty writes for requests it could not read included: {@link AnsweredRequests} counts
 * them, {@link BareErrorBodies} gives Netty's empty error answers a problem body, and {@link LingeringClose} keeps
 * a closing connection readable until its answer has arrived.
 */
@Component
class NettyPipelineCustomizer implements NettyServerCustomizer {

    private final AnsweredRequests answered;
    private final BareErrorBodies bodies = new BareErrorBodies();
    private final LingeringClose lingeringClose = new LingeringClose();

    NettyPipelineCustomizer(MeterRegistry registry) {
        this.answered = new AnsweredRequests(registry);
    }

    @Override
    public HttpServer apply(HttpServer server) {
        return server.doOnChannelInit((observer, channel, remote) -> {
            if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
                channel.pipeline().addAfter(NettyPipeline.HttpCodec, "hls.lingeringClose", lingeringClose)
                        .addAfter(NettyPipeline.HttpCodec, "hls.bareErrorBodies", bodies)
                        .addAfter(NettyPipeline.HttpCodec, "hls.answeredRequests", answered);
            }
        });
    }
}
