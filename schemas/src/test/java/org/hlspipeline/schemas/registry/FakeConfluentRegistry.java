package org.hlspipeline.schemas.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;

/**
 * A local HTTP endpoint answering the two Confluent Schema Registry calls the client makes, the way Confluent's API
 * reference describes them, and recording every request for the test to inspect.
 */
public final class FakeConfluentRegistry implements AutoCloseable {

    public record Request(String method, String rawPath, Headers headers, String body) {
        public String header(String name) {
            return headers.getFirst(name);
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern REGISTER = Pattern.compile("^/subjects/([^/]+)/versions$");
    private static final Pattern BY_ID = Pattern.compile("^/schemas/ids/(\\d+)$");

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<Integer, String> schemasById = new ConcurrentHashMap<>();
    private final AtomicInteger nextId = new AtomicInteger(7);
    private final CountDownLatch released = new CountDownLatch(1);
    private volatile String requiredAuthorization;
    private volatile int failStatus;
    private volatile String failBody;
    private volatile boolean hang;

    private FakeConfluentRegistry(HttpServer server) {
        this.server = server;
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public static FakeConfluentRegistry start() throws IOException {
        return new FakeConfluentRegistry(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0));
    }

    /** HTTPS that also demands a client certificate trusted by {@code ssl}'s trust managers. */
    public static FakeConfluentRegistry startMutualTls(SSLContext ssl) throws IOException {
        HttpsServer https = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        https.setHttpsConfigurator(new HttpsConfigurator(ssl) {
            @Override
            public void configure(HttpsParameters params) {
                SSLParameters parameters = getSSLContext().getDefaultSSLParameters();
                parameters.setNeedClientAuth(true);
                params.setSSLParameters(parameters);
            }
        });
        return new FakeConfluentRegistry(https);
    }

    public String url() {
        String scheme = server instanceof HttpsServer ? "https" : "http";
        return scheme + "://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<Request> requests() {
        return requests;
    }

    public FakeConfluentRegistry requireBasicAuth(String userInfo) {
        requiredAuthorization = "Basic " + java.util.Base64.getEncoder()
                .encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /** Answers every request with this status and body. */
    public FakeConfluentRegistry failWith(int status, String body) {
        failStatus = status;
        failBody = body;
        return this;
    }

    /** Holds every request without answering until {@link #close()}. */
    public FakeConfluentRegistry hang() {
        hang = true;
        return this;
    }

    public FakeConfluentRegistry putSchema(int id, String schema) {
        schemasById.put(id, schema);
        return this;
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    exchange.getRequestHeaders(), body);
            requests.add(request);
            if (hang) {
                released.await(30, TimeUnit.SECONDS);
                return;
            }
            if (failStatus != 0) {
                answer(exchange, failStatus, failBody);
                return;
            }
            if (requiredAuthorization != null && !requiredAuthorization.equals(request.header("Authorization"))) {
                answer(exchange, 401, "{\"error_code\":401,\"message\":\"Unauthorized\"}");
                return;
            }
            Matcher register = REGISTER.matcher(request.rawPath());
            Matcher byId = BY_ID.matcher(request.rawPath());
            if (request.method().equals("POST") && register.matches()) {
                String schema = JSON.readTree(body).path("schema").asString();
                answer(exchange, 200, "{\"id\":" + idFor(schema) + "}");
            } else if (request.method().equals("GET") && byId.matches()) {
                String schema = schemasById.get(Integer.parseInt(byId.group(1)));
                if (schema == null) {
                    answer(exchange, 404, "{\"error_code\":40403,\"message\":\"Schema not found\"}");
                } else {
                    answer(exchange, 200, JSON.writeValueAsString(Map.of("schema", schema)));
                }
            } else {
                answer(exchange, 404, "{\"error_code\":404,\"message\":\"HTTP 404 Not Found\"}");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized int idFor(String schema) throws IOException {
        JsonNode wanted = JSON.readTree(schema);
        for (Map.Entry<Integer, String> entry : schemasById.entrySet()) {
            if (Objects.equals(JSON.readTree(entry.getValue()), wanted)) {
                return entry.getKey();
            }
        }
        int id = nextId.getAndIncrement();
        schemasById.put(id, schema);
        return id;
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", RestSchemaRegistryClient.CONTENT_TYPE);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
