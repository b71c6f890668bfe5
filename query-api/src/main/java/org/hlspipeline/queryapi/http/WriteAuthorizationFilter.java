package org.hlspipeline.queryapi.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

import org.hlspipeline.queryapi.config.HlsProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * Writes need {@code Authorization: Bearer <token>} when tokens are configured. Without tokens, writes are
 * accepted only when the HTTP server listens on loopback (the embedded default); any other binding without
 * tokens refuses to start, so an instance is never open to the network by accident.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class WriteAuthorizationFilter implements WebFilter {

    private final List<byte[]> tokens;

    WriteAuthorizationFilter(HlsProperties properties, Environment environment) {
        this.tokens = loadTokens(properties.security());
        String bind = environment.getProperty("server.address", "127.0.0.1");
        if (tokens.isEmpty() && !isLoopback(bind)) {
            throw new IllegalStateException("The HTTP server binds " + bind + " but no write tokens are configured: "
                    + "set HLS_WRITE_TOKENS or HLS_WRITE_TOKENS_FILE, or bind 127.0.0.1");
        }
    }

    private static List<byte[]> loadTokens(HlsProperties.Security security) {
        List<byte[]> loaded = new ArrayList<>();
        security.writeTokens().stream().map(String::trim).filter(t -> !t.isEmpty())
                .forEach(t -> loaded.add(t.getBytes(StandardCharsets.UTF_8)));
        if (security.writeTokensFile() != null) {
            try {
                Files.readAllLines(security.writeTokensFile()).stream().map(String::trim)
                        .filter(t -> !t.isEmpty() && !t.startsWith("#"))
                        .forEach(t -> loaded.add(t.getBytes(StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read HLS_WRITE_TOKENS_FILE " + security.writeTokensFile(), e);
            }
        }
        return List.copyOf(loaded);
    }

    private static boolean isLoopback(String address) {
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        HttpMethod method = exchange.getRequest().getMethod();
        boolean write = method == HttpMethod.POST || method == HttpMethod.PUT || method == HttpMethod.DELETE;
        if (!write || tokens.isEmpty() || authorized(exchange.getRequest().getHeaders().getFirst(
                HttpHeaders.AUTHORIZATION))) {
            return chain.filter(exchange);
        }
        // Filters run outside the controller advice, so the problem is written here.
        return ProblemResponses.write(exchange, Problems.unauthorized("Writes need Authorization: Bearer <token>"));
    }

    private boolean authorized(String header) {
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        byte[] presented = header.substring(7).trim().getBytes(StandardCharsets.UTF_8);
        boolean match = false;
        for (byte[] token : tokens) {
            // Constant-time comparison: response timing must not reveal how much of a token was right.
            match |= MessageDigest.isEqual(token, presented);
        }
        return match;
    }
}
