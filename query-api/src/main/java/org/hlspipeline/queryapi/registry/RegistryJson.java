package org.hlspipeline.queryapi.registry;

import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The registry API's wire: its media type, request bodies read whatever content type the client sends (clients
 * differ), answers and errors as Confluent's registry writes them ({@code {"error_code": …, "message": …}}).
 * Requests wait on the schemas topic, so they run on the bounded elastic scheduler, never on the event loop.
 */
final class RegistryJson {

    static final MediaType MEDIA_TYPE = MediaType.parseMediaType("application/vnd.schemaregistry.v1+json");
    private static final Logger log = LoggerFactory.getLogger(RegistryJson.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private RegistryJson() {
    }

    /** An answer serialized as JSON. */
    static Mono<ServerResponse> ok(Callable<Object> answer) {
        return answer(() -> JSON.writeValueAsString(answer.call()));
    }

    /** An answer that is already JSON text (a schema, as {@code /schema} endpoints give it). */
    static Mono<ServerResponse> raw(Callable<String> answer) {
        return answer(answer);
    }

    /** An answer computed from the request's JSON body. */
    static Mono<ServerResponse> body(ServerRequest request, Function<JsonNode, Object> answer) {
        return request.bodyToMono(String.class).defaultIfEmpty("").flatMap(text -> ok(() -> answer.apply(tree(text))));
    }

    /** The Avro schema text of a registration, lookup or compatibility request. */
    static String schemaOf(JsonNode body) {
        String type = body.path("schemaType").asString("AVRO");
        if (!type.equals("AVRO")) {
            throw RegistryError.unsupportedSchemaType(type);
        }
        if (body.path("references").isArray() && !body.path("references").isEmpty()) {
            throw RegistryError.invalidSchema("schema references are not supported here");
        }
        JsonNode schema = body.path("schema");
        if (!schema.isString()) {
            throw RegistryError.invalidSchema("the body has no \"schema\" string");
        }
        return schema.asString();
    }

    private static JsonNode tree(String text) {
        try {
            JsonNode node = JSON.readTree(text.isBlank() ? "{}" : text);
            if (!node.isObject()) {
                throw RegistryError.badRequest("the body is not a JSON object");
            }
            return node;
        } catch (JacksonException e) {
            throw RegistryError.badRequest("the body is not JSON: " + e.getOriginalMessage());
        }
    }

    private static Mono<ServerResponse> answer(Callable<String> json) {
        return Mono.fromCallable(json).subscribeOn(Schedulers.boundedElastic())
                .flatMap(text -> ServerResponse.ok().contentType(MEDIA_TYPE).bodyValue(text))
                .onErrorResume(e -> {
                    if (e instanceof RegistryError refused) {
                        return error(refused);
                    }
                    log.error("Schema registry request failed", e);
                    return error(RegistryError.storeUnavailable(e.getClass().getSimpleName()));
                });
    }

    static Mono<ServerResponse> error(RegistryError error) {
        return ServerResponse.status(HttpStatus.valueOf(error.httpStatus())).contentType(MEDIA_TYPE)
                .bodyValue(JSON.writeValueAsString(Map.of("error_code", error.errorCode(),
                        "message", error.getMessage())));
    }
}
