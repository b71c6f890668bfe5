package org.hlspipeline.processor.signing;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and verifies read URLs: {@code <path>?expires=<epoch seconds>&signature=<s>}, where {@code s} is the
 * HMAC-SHA256 of {@code "<path>?expires=<e>"} under a key, base64url without padding. The path is the raw
 * (percent-encoded) path as a client sends it; other query parameters are not signed.
 *
 * <p>Several keys allow rotation: the first signs, any verifies. Every key is tried on every verification and
 * compared with {@link MessageDigest#isEqual}, so the time taken reveals neither which key matched nor how much of
 * a signature was right. A URL is good up to and including the second {@code expires}, on this signer's clock.
 */
public final class UrlSigner {

    public static final String EXPIRES = "expires";
    public static final String SIGNATURE = "signature";

    /**
     * Shorter keys could be found from one signed URL by trying them all offline; 16 characters of a random
     * alphabet are beyond that.
     */
    public static final int MIN_KEY_LENGTH = 16;

    private static final String HMAC = "HmacSHA256";
    private static final int SIGNATURE_BYTES = 32;
    /** 32 bytes in base64url without padding. */
    private static final int SIGNATURE_CHARS = 43;
    /** Up to 18 digits always fit a long. */
    private static final int MAX_EXPIRES_DIGITS = 18;

    private final List<SecretKeySpec> keys;
    private final Clock clock;

    /**
     * @param keys secrets in order, the first signs; blank entries are dropped (a trailing comma in the setting)
     * @throws IllegalArgumentException without a key, or with one shorter than {@value #MIN_KEY_LENGTH}
     */
    public UrlSigner(List<String> keys, Clock clock) {
        List<SecretKeySpec> specs = new ArrayList<>();
        for (String key : keys) {
            String trimmed = key.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            if (trimmed.length() < MIN_KEY_LENGTH) {
                throw new IllegalArgumentException("signed-URL key " + (specs.size() + 1) + " is "
                        + trimmed.length() + " characters long; keys need at least " + MIN_KEY_LENGTH);
            }
            specs.add(new SecretKeySpec(trimmed.getBytes(StandardCharsets.UTF_8), HMAC));
        }
        if (specs.isEmpty()) {
            throw new IllegalArgumentException("no signed-URL key given");
        }
        this.keys = List.copyOf(specs);
        this.clock = clock;
    }

    /** {@code path?expires=<expires>&signature=<s>}, signed with the first key. */
    public String sign(String path, long expires) {
        return path + "?" + signedQuery(path, expires);
    }

    /** The query parameters that sign {@code path} until {@code expires}: {@code expires=<e>&signature=<s>}. */
    public String signedQuery(String path, long expires) {
        if (expires < 0) {
            throw new IllegalArgumentException("expires must not be negative: " + expires);
        }
        String signature = Base64.getUrlEncoder().withoutPadding().encodeToString(mac(keys.get(0), path, expires));
        return EXPIRES + "=" + expires + "&" + SIGNATURE + "=" + signature;
    }

    /**
     * {@code uri} as written, with the signature of {@code path} until {@code expires} appended after any query it
     * has. {@code path} is the uri's own raw path, or for a relative one the path it resolves to.
     */
    public String signed(URI uri, String path, long expires) {
        return uri + (uri.getRawQuery() == null ? "?" : "&") + signedQuery(path, expires);
    }

    /** Now on this signer's clock, in epoch seconds: what {@code expires} is compared with. */
    public long nowSeconds() {
        return clock.instant().getEpochSecond();
    }

    /**
     * Whether {@code rawQuery} signs {@code rawPath} now.
     *
     * @param rawPath  the request path as sent (percent-encoded), without the query
     * @param rawQuery the request's query as sent, or null when there is none
     */
    public Verification verify(String rawPath, String rawQuery) {
        String expiresText = null;
        String signatureText = null;
        int expiresCount = 0;
        int signatureCount = 0;
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String parameter : rawQuery.split("&", -1)) {
                int equals = parameter.indexOf('=');
                String name = equals < 0 ? parameter : parameter.substring(0, equals);
                String value = equals < 0 ? "" : parameter.substring(equals + 1);
                if (name.equals(EXPIRES)) {
                    expiresCount++;
                    expiresText = value;
                } else if (name.equals(SIGNATURE)) {
                    signatureCount++;
                    signatureText = value;
                }
            }
        }
        if (expiresCount == 0 && signatureCount == 0) {
            return Verification.missing("the URL is not signed: it needs ?expires=<epoch seconds>&signature=<…>");
        }
        if (expiresCount == 0) {
            return Verification.missing("the URL has a signature but no expires parameter");
        }
        if (signatureCount == 0) {
            return Verification.missing("the URL has expires but no signature parameter");
        }
        if (expiresCount > 1 || signatureCount > 1) {
            return Verification.malformed("expires and signature must be given once each");
        }
        if (!digits(expiresText)) {
            return Verification.malformed("expires must be epoch seconds (1 to " + MAX_EXPIRES_DIGITS + " digits)");
        }
        byte[] presented = decode(signatureText);
        if (presented == null) {
            return Verification.malformed("signature must be " + SIGNATURE_CHARS
                    + " characters of base64url without padding");
        }
        long expires = Long.parseLong(expiresText);
        boolean match = false;
        for (SecretKeySpec key : keys) {
            // Constant time, and every key tried: timing must reveal neither the key nor how much was right.
            match |= MessageDigest.isEqual(mac(key, rawPath, expires), presented);
        }
        if (!match) {
            return Verification.wrong("the signature does not match this path and expires");
        }
        // Checked after the signature, so that "expired" is only ever said of a URL that was genuinely signed.
        long now = nowSeconds();
        if (now > expires) {
            return Verification.expired(expires, "the URL expired at " + expires + " (epoch seconds); it is now "
                    + now + " on this server's clock");
        }
        return Verification.valid(expires);
    }

    private static boolean digits(String text) {
        if (text.isEmpty() || text.length() > MAX_EXPIRES_DIGITS) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** The signature's bytes, or null unless it is exactly 43 characters of the base64url alphabet. */
    private static byte[] decode(String text) {
        if (text.length() != SIGNATURE_CHARS) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean alphabet = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_';
            if (!alphabet) {
                return null;
            }
        }
        byte[] bytes = Base64.getUrlDecoder().decode(text);
        return bytes.length == SIGNATURE_BYTES ? bytes : null;
    }

    private static byte[] mac(SecretKeySpec key, String path, long expires) {
        try {
            // A Mac is not thread-safe and costs little to make; one per call keeps the signer shareable.
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            return mac.doFinal((path + "?" + EXPIRES + "=" + expires).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            // Every Java runtime ships HmacSHA256 (a required algorithm of javax.crypto.Mac).
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
