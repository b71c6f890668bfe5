package org.hlspipeline.queryapi.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Playlist bytes as served, with a strong ETag taken from the bytes themselves: every instance computes the same
 * tag for the same playlist, so caches and players can revalidate against any of them.
 */
public record RenderedPlaylist(byte[] bytes, String etag) {

    public static RenderedPlaylist of(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return new RenderedPlaylist(bytes, etagOf(bytes));
    }

    private static String etagOf(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return "\"" + HexFormat.of().formatHex(digest, 0, 12) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
