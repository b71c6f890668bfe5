package org.hlspipeline.queryapi.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.hlspipeline.queryapi.config.HlsProperties;
import org.springframework.stereotype.Component;

/**
 * The write tokens (HLS_WRITE_TOKENS, HLS_WRITE_TOKENS_FILE), for every server of the app that takes writes: the
 * API and the schema registry. Without tokens a server may listen on loopback only, so that an instance is never
 * open to the network by accident.
 */
@Component
public final class WriteTokens {

    private final List<byte[]> tokens;

    public WriteTokens(HlsProperties properties) {
        this.tokens = load(properties.security());
    }

    public boolean required() {
        return !tokens.isEmpty();
    }

    /**
     * Whether an {@code Authorization} header carries a token: {@code Bearer <token>}, or Basic auth with the token
     * as the password (what schema-registry clients send from their {@code basic.auth.user.info}).
     */
    public boolean accepts(String authorization) {
        if (authorization == null) {
            return false;
        }
        String presented;
        if (authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            presented = authorization.substring(7).trim();
        } else if (authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            String userInfo;
            try {
                userInfo = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                        StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return false;
            }
            presented = userInfo.substring(userInfo.indexOf(':') + 1);
        } else {
            return false;
        }
        byte[] bytes = presented.getBytes(StandardCharsets.UTF_8);
        boolean match = false;
        for (byte[] token : tokens) {
            // Constant-time comparison: response timing must not reveal how much of a token was right.
            match |= MessageDigest.isEqual(token, bytes);
        }
        return match;
    }

    /** Refuses to start a server that binds beyond loopback while no token is configured. */
    public void requireTokensUnlessLoopback(String address, String what) {
        if (!required() && !isLoopback(address)) {
            throw new IllegalStateException(what + " binds " + address + " but no write tokens are configured: "
                    + "set HLS_WRITE_TOKENS or HLS_WRITE_TOKENS_FILE, or bind 127.0.0.1");
        }
    }

    private static boolean isLoopback(String address) {
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static List<byte[]> load(HlsProperties.Security security) {
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
}
