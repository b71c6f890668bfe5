package org.hlspipeline.schemas.registry;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Client for the subset of the Confluent Schema Registry REST API the serde needs:
 * {@code POST /subjects/{subject}/versions} and {@code GET /schemas/ids/{id}}.
 *
 * <p>That subset is what Confluent Schema Registry, Apicurio's {@code ccompat} API, Karapace and Redpanda all
 * implement alike. The register body carries only {@code "schema"}: {@code "schemaType"} defaults to AVRO
 * everywhere, and leaving it out keeps registries that predate it (Confluent before 5.5) working.
 *
 * <p>Both directions are cached for the life of the client: ids never change meaning in a registry, so after the
 * first record of each schema the serde never waits on HTTP again.
 */
public final class RestSchemaRegistryClient implements SchemaRegistry {

    public static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    // Registries that only speak plain JSON (some ccompat proxies) still find an acceptable type.
    private static final String ACCEPT =
            "application/vnd.schemaregistry.v1+json, application/vnd.schemaregistry+json; q=0.9, application/json; q=0.5";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_BODY_IN_MESSAGE = 300;

    private final SchemaRegistryConfig config;
    private final String authorization;
    private final HttpClient http;
    private final ConcurrentMap<SubjectSchema, Integer> idsBySubjectSchema = new ConcurrentHashMap<>();
    private final ConcurrentMap<Integer, Schema> schemasById = new ConcurrentHashMap<>();

    private record SubjectSchema(String subject, Schema schema) {
    }

    public RestSchemaRegistryClient(SchemaRegistryConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        if (!config.hasUrls()) {
            throw new IllegalArgumentException("a schema registry client needs at least one URL in "
                    + SchemaRegistryConfig.URL);
        }
        this.authorization = config.basicAuthUserInfo() == null ? null
                : "Basic " + Base64.getEncoder().encodeToString(
                        config.basicAuthUserInfo().getBytes(StandardCharsets.UTF_8));
        HttpClient.Builder builder = HttpClient.newBuilder()
                .connectTimeout(config.timeout())
                // Plain HTTP/1.1: an h2c upgrade attempt on a POST confuses some registries and proxies.
                .version(HttpClient.Version.HTTP_1_1);
        SSLContext ssl = sslContext(config);
        if (ssl != null) {
            builder.sslContext(ssl);
        }
        this.http = builder.build();
    }

    @Override
    public int register(String subject, Schema schema) {
        Objects.requireNonNull(schema, "schema");
        if (subject == null || subject.isEmpty()) {
            throw new IllegalArgumentException("subject must not be empty");
        }
        SubjectSchema key = new SubjectSchema(subject, schema);
        Integer cached = idsBySubjectSchema.get(key);
        if (cached != null) {
            return cached;
        }
        String action = "register schema " + schema.getFullName() + " under subject " + subject;
        String body;
        try {
            body = JSON.writeValueAsString(Map.of("schema", schema.toString()));
        } catch (JacksonException e) {
            throw new SchemaRegistryException("could not " + action + ": " + e.getOriginalMessage(), e);
        }
        JsonNode answer = send("/subjects/" + encodePathSegment(subject) + "/versions", body, action);
        JsonNode id = answer.get("id");
        if (id == null || !id.isIntegralNumber() || !id.canConvertToInt()) {
            throw new SchemaRegistryException("could not " + action + ": the registry answered without an integer id: "
                    + truncate(answer.toString()));
        }
        int registered = id.intValue();
        idsBySubjectSchema.putIfAbsent(key, registered);
        // Whatever text the registry stored under this id has our parsing form, so our copy decodes its records.
        schemasById.putIfAbsent(registered, schema);
        return registered;
    }

    @Override
    public Schema schemaById(int id) {
        Schema cached = schemasById.get(id);
        if (cached != null) {
            return cached;
        }
        String action = "fetch schema id " + id;
        JsonNode answer = send("/schemas/ids/" + id, null, action);
        String type = answer.path("schemaType").asString("AVRO");
        if (!"AVRO".equalsIgnoreCase(type)) {
            throw new SchemaRegistryException("schema id " + id + " is a " + type + " schema, not Avro");
        }
        JsonNode text = answer.get("schema");
        if (text == null || !text.isString()) {
            throw new SchemaRegistryException("could not " + action + ": the registry answered without a schema: "
                    + truncate(answer.toString()));
        }
        Schema schema;
        try {
            schema = new Schema.Parser().parse(text.stringValue());
        } catch (AvroRuntimeException e) {
            throw new SchemaRegistryException("schema id " + id + " from the registry is not a valid Avro schema: "
                    + e.getMessage(), e);
        }
        Schema raced = schemasById.putIfAbsent(id, schema);
        return raced != null ? raced : schema;
    }

    @Override
    public String toString() {
        return "RestSchemaRegistryClient" + config.urls();
    }

    /** Percent-encodes one path segment: URLEncoder does form encoding, where a space would become '+'. */
    static String encodePathSegment(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /**
     * Tries each URL in order. Unreachable instances and 5xx answers move on to the next URL (another instance may
     * be the leader or be up); a 4xx answer is the registry's verdict and is final.
     */
    private JsonNode send(String path, String jsonBody, String action) {
        List<SchemaRegistryException> failures = new ArrayList<>();
        for (String base : config.urls()) {
            URI uri = URI.create(base + path);
            HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                    .timeout(config.timeout())
                    .header("Accept", ACCEPT);
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            if (jsonBody != null) {
                request.header("Content-Type", CONTENT_TYPE)
                        .POST(HttpRequest.BodyPublishers.ofString(jsonBody, StandardCharsets.UTF_8));
            } else {
                request.GET();
            }
            HttpResponse<String> response;
            try {
                response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (HttpTimeoutException e) {
                failures.add(new SchemaRegistryException("could not " + action + ": " + uri + " did not answer within "
                        + config.timeout().toMillis() + " ms", e));
                continue;
            } catch (IOException e) {
                failures.add(new SchemaRegistryException("could not " + action + ": " + uri + " is unreachable ("
                        + e + ")", e));
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SchemaRegistryException("interrupted while trying to " + action, e);
            }
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return parse(response.body(), uri, action);
            }
            SchemaRegistryException refusal = refusal(response, uri, action);
            if (status < 500) {
                failures.forEach(refusal::addSuppressed);
                throw refusal;
            }
            failures.add(refusal);
        }
        SchemaRegistryException last = failures.remove(failures.size() - 1);
        failures.forEach(last::addSuppressed);
        throw last;
    }

    private static JsonNode parse(String body, URI uri, String action) {
        try {
            JsonNode node = JSON.readTree(body);
            if (node == null || !node.isObject()) {
                throw new SchemaRegistryException("could not " + action + ": " + uri
                        + " answered something other than a JSON object: " + truncate(body));
            }
            return node;
        } catch (JacksonException e) {
            throw new SchemaRegistryException("could not " + action + ": " + uri + " answered invalid JSON: "
                    + truncate(body), e);
        }
    }

    private static SchemaRegistryException refusal(HttpResponse<String> response, URI uri, String action) {
        int status = response.statusCode();
        String body = response.body() == null ? "" : response.body();
        int errorCode = SchemaRegistryException.NONE;
        String detail = truncate(body);
        try {
            JsonNode error = JSON.readTree(body);
            if (error != null && error.isObject()) {
                if (error.path("error_code").canConvertToInt()) {
                    errorCode = error.path("error_code").intValue();
                }
                if (error.path("message").isString()) {
                    detail = error.path("message").stringValue();
                }
            }
        } catch (JacksonException notJson) {
            // Proxies and load balancers answer in HTML or plain text; the raw body is the best detail we have.
        }
        String code = errorCode == SchemaRegistryException.NONE ? "" : ", error_code " + errorCode;
        return new SchemaRegistryException("could not " + action + ": " + uri + " answered HTTP " + status + code
                + (detail.isEmpty() ? "" : ": " + detail), status, errorCode, null);
    }

    private static String truncate(String text) {
        return text.length() <= MAX_BODY_IN_MESSAGE ? text : text.substring(0, MAX_BODY_IN_MESSAGE) + "...";
    }

    private static SSLContext sslContext(SchemaRegistryConfig config) {
        if (config.truststoreLocation() == null && config.keystoreLocation() == null) {
            return null;
        }
        try {
            TrustManager[] trust = null;
            if (config.truststoreLocation() != null) {
                TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                factory.init(load("truststore", config.truststoreLocation(), config.truststoreType(),
                        config.truststorePassword()));
                trust = factory.getTrustManagers();
            }
            KeyManager[] keys = null;
            if (config.keystoreLocation() != null) {
                KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                factory.init(load("keystore", config.keystoreLocation(), config.keystoreType(),
                        config.keystorePassword()),
                        config.keystorePassword() == null ? new char[0] : config.keystorePassword().toCharArray());
                keys = factory.getKeyManagers();
            }
            SSLContext context = SSLContext.getInstance("TLS");
            // Null managers fall back to the JDK defaults, so a keystore alone still trusts public CAs.
            context.init(keys, trust, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new SchemaRegistryException("cannot set up TLS for the schema registry: " + e.getMessage(), e);
        }
    }

    private static KeyStore load(String what, String location, String type, String password) {
        String storeType = type == null ? KeyStore.getDefaultType() : type;
        try (InputStream in = Files.newInputStream(Path.of(location))) {
            KeyStore store = KeyStore.getInstance(storeType);
            store.load(in, chars(password));
            return store;
        } catch (IOException | GeneralSecurityException e) {
            throw new SchemaRegistryException("cannot load schema registry " + what + " " + location + " (type "
                    + storeType + "): " + e.getMessage(), e);
        }
    }

    private static char[] chars(String password) {
        return password == null ? null : password.toCharArray();
    }
}
