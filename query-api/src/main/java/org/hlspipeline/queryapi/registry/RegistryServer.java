package org.hlspipeline.queryapi.registry;

import static org.springframework.web.reactive.function.server.RequestPredicates.DELETE;
import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RequestPredicates.POST;
import static org.springframework.web.reactive.function.server.RequestPredicates.PUT;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

import java.time.Duration;

import org.hlspipeline.queryapi.http.WriteTokens;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.ReactorHttpHandlerAdapter;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * The registry's own HTTP server, on its own port (8081, Confluent's default) so that clients configured for a
 * Schema Registry find it where they expect one. The app's API stays on its port; this one serves only the
 * registry's paths and answers any other with the registry's 404.
 */
final class RegistryServer implements AutoCloseable {

    private final DisposableServer server;

    private RegistryServer(DisposableServer server) {
        this.server = server;
    }

    static RegistryServer start(String address, int port, RegistryHandlers handlers, WriteTokens tokens) {
        HttpHandler handler = RouterFunctions.toHttpHandler(routes(handlers, tokens));
        return new RegistryServer(HttpServer.create().host(address).port(port)
                .handle(new ReactorHttpHandlerAdapter(handler)).bindNow(Duration.ofSeconds(30)));
    }

    static RouterFunction<ServerResponse> routes(RegistryHandlers h, WriteTokens tokens) {
        // What changes the registry needs a write token when tokens are configured; lookups and compatibility
        // checks are POSTs that read, and stay open like every GET.
        RouterFunction<ServerResponse> writes = route(POST("/subjects/{subject}/versions"), h::register)
                .andRoute(DELETE("/subjects/{subject}"), h::deleteSubject)
                .andRoute(DELETE("/subjects/{subject}/versions/{version}"), h::deleteVersion)
                .andRoute(PUT("/config"), h::setGlobalLevel)
                .andRoute(PUT("/config/{subject}"), h::setSubjectLevel)
                .filter((request, next) -> !tokens.required()
                        || tokens.accepts(request.headers().firstHeader(HttpHeaders.AUTHORIZATION))
                        ? next.handle(request) : RegistryJson.error(RegistryError.unauthorized()));
        return writes
                .andRoute(GET("/subjects"), h::subjects)
                .andRoute(GET("/subjects/{subject}/versions"), h::versions)
                .andRoute(GET("/subjects/{subject}/versions/{version}"), h::version)
                .andRoute(GET("/subjects/{subject}/versions/{version}/schema"), h::versionSchema)
                .andRoute(POST("/subjects/{subject}"), h::lookup)
                .andRoute(GET("/schemas/ids/{id}"), h::schemaById)
                .andRoute(GET("/schemas/ids/{id}/schema"), h::rawSchemaById)
                .andRoute(GET("/schemas/ids/{id}/subjects"), h::subjectsById)
                .andRoute(GET("/schemas/ids/{id}/versions"), h::versionsById)
                .andRoute(GET("/config"), h::globalLevel)
                .andRoute(GET("/config/{subject}"), h::subjectLevel)
                .andRoute(POST("/compatibility/subjects/{subject}/versions/{version}"), h::compatibility)
                .andRoute(request -> true, request -> RegistryJson.error(RegistryError.notFound(
                        request.method() + " " + request.path())));
    }

    int port() {
        return server.port();
    }

    @Override
    public void close() {
        server.disposeNow(Duration.ofSeconds(5));
    }
}
