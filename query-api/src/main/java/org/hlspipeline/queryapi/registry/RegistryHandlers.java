package org.hlspipeline.queryapi.registry;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hlspipeline.queryapi.registry.SchemaLogRecord.SchemaVersion;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

import reactor.core.publisher.Mono;

/**
 * Confluent's Schema Registry REST API, the part serializers, deserializers and operators use, answered from the
 * schemas topic. Requests are pure {@link RegistryRequests}; this class reads their inputs and writes their
 * answers in that API's JSON. See docs/schema-registry.md for the table of endpoints.
 */
final class RegistryHandlers {

    private final SchemaLog log;

    RegistryHandlers(SchemaLog log) {
        this.log = log;
    }

    Mono<ServerResponse> subjects(ServerRequest request) {
        return RegistryJson.ok(() -> log.caughtUp().subjects(deleted(request)));
    }

    Mono<ServerResponse> versions(ServerRequest request) {
        String subject = request.pathVariable("subject");
        return RegistryJson.ok(() -> {
            List<SchemaVersion> versions = log.caughtUp().versions(subject, deleted(request));
            if (versions.isEmpty()) {
                throw RegistryError.subjectNotFound(subject);
            }
            return versions.stream().map(SchemaVersion::version).toList();
        });
    }

    Mono<ServerResponse> version(ServerRequest request) {
        return RegistryJson.ok(() -> describe(RegistryRequests.version(log.caughtUp(),
                request.pathVariable("subject"), request.pathVariable("version"), deleted(request))));
    }

    Mono<ServerResponse> versionSchema(ServerRequest request) {
        return RegistryJson.raw(() -> RegistryRequests.version(log.caughtUp(), request.pathVariable("subject"),
                request.pathVariable("version"), deleted(request)).schema());
    }

    Mono<ServerResponse> register(ServerRequest request) {
        String subject = request.pathVariable("subject");
        return RegistryJson.body(request, body -> Map.of("id", log.write(state -> RegistryRequests.register(state,
                subject, RegistryJson.schemaOf(body))).id()));
    }

    Mono<ServerResponse> lookup(ServerRequest request) {
        String subject = request.pathVariable("subject");
        return RegistryJson.body(request, body -> describe(RegistryRequests.lookup(log.caughtUp(), subject,
                RegistryJson.schemaOf(body))));
    }

    Mono<ServerResponse> schemaById(ServerRequest request) {
        return RegistryJson.ok(() -> Map.of("schema", schemaText(request)));
    }

    Mono<ServerResponse> rawSchemaById(ServerRequest request) {
        return RegistryJson.raw(() -> schemaText(request));
    }

    Mono<ServerResponse> subjectsById(ServerRequest request) {
        return RegistryJson.ok(() -> uses(request).stream().map(SchemaVersion::subject).distinct().sorted()
                .toList());
    }

    Mono<ServerResponse> versionsById(ServerRequest request) {
        return RegistryJson.ok(() -> uses(request).stream()
                .map(v -> Map.of("subject", v.subject(), "version", v.version())).toList());
    }

    Mono<ServerResponse> globalLevel(ServerRequest request) {
        return RegistryJson.ok(() -> Map.of("compatibilityLevel", log.caughtUp().effectiveLevel(null).name()));
    }

    Mono<ServerResponse> subjectLevel(ServerRequest request) {
        String subject = request.pathVariable("subject");
        boolean defaultToGlobal = request.queryParam("defaultToGlobal").map(Boolean::parseBoolean).orElse(false);
        return RegistryJson.ok(() -> {
            RegisteredSchemas state = log.caughtUp();
            Compatibility level = state.level(subject).orElseGet(() -> {
                if (!defaultToGlobal) {
                    throw RegistryError.subjectLevelNotSet(subject);
                }
                return state.effectiveLevel(null);
            });
            return Map.of("compatibilityLevel", level.name());
        });
    }

    Mono<ServerResponse> setGlobalLevel(ServerRequest request) {
        return setLevel(request, null);
    }

    Mono<ServerResponse> setSubjectLevel(ServerRequest request) {
        return setLevel(request, request.pathVariable("subject"));
    }

    Mono<ServerResponse> compatibility(ServerRequest request) {
        String subject = request.pathVariable("subject");
        String version = request.pathVariable("version");
        boolean verbose = request.queryParam("verbose").map(Boolean::parseBoolean).orElse(false);
        return RegistryJson.body(request, body -> {
            List<String> problems = RegistryRequests.compatibilityProblems(log.caughtUp(), subject, version,
                    RegistryJson.schemaOf(body));
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("is_compatible", problems.isEmpty());
            if (verbose) {
                answer.put("messages", problems);
            }
            return answer;
        });
    }

    Mono<ServerResponse> deleteSubject(ServerRequest request) {
        String subject = request.pathVariable("subject");
        boolean permanent = permanent(request);
        return RegistryJson.ok(() -> log.write(state -> RegistryRequests.deleteSubject(state, subject, permanent)));
    }

    Mono<ServerResponse> deleteVersion(ServerRequest request) {
        String subject = request.pathVariable("subject");
        String version = request.pathVariable("version");
        boolean permanent = permanent(request);
        return RegistryJson.ok(() -> log.write(state -> RegistryRequests.deleteVersion(state, subject, version,
                permanent)));
    }

    private Mono<ServerResponse> setLevel(ServerRequest request, String subject) {
        return RegistryJson.body(request, body -> {
            String level = body.path("compatibility").asString(body.path("compatibilityLevel").asString(null));
            Compatibility set = log.write(state -> RegistryRequests.setLevel(subject, level));
            return Map.of("compatibility", set.name());
        });
    }

    private String schemaText(ServerRequest request) {
        int id = id(request);
        return log.caughtUp().schema(id).orElseThrow(() -> RegistryError.schemaNotFound("id " + id));
    }

    private List<SchemaVersion> uses(ServerRequest request) {
        int id = id(request);
        RegisteredSchemas state = log.caughtUp();
        if (state.schema(id).isEmpty()) {
            throw RegistryError.schemaNotFound("id " + id);
        }
        return state.usesOf(id);
    }

    private static int id(ServerRequest request) {
        String id = request.pathVariable("id");
        try {
            return Integer.parseInt(id);
        } catch (NumberFormatException e) {
            throw RegistryError.schemaNotFound("id " + id);
        }
    }

    private static Map<String, Object> describe(SchemaVersion version) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("subject", version.subject());
        answer.put("version", version.version());
        answer.put("id", version.id());
        answer.put("schema", version.schema());
        return answer;
    }

    private static boolean deleted(ServerRequest request) {
        return request.queryParam("deleted").map(Boolean::parseBoolean).orElse(false);
    }

    private static boolean permanent(ServerRequest request) {
        return request.queryParam("permanent").map(Boolean::parseBoolean).orElse(false);
    }
}
