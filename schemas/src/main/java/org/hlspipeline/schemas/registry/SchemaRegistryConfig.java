package org.hlspipeline.schemas.registry;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.kafka.common.config.types.Password;

/**
 * How to reach a Confluent-compatible schema registry.
 *
 * <p>Passwords and user-info are secrets: {@link #toString()} redacts them, so this record can be logged.
 *
 * @param urls               base URLs tried in order until one answers; none means "no registry" (embedded mode)
 * @param basicAuthUserInfo  {@code user:password} for HTTP basic auth, or null
 * @param truststoreLocation truststore file for TLS, or null for the JDK's default trust
 * @param truststorePassword truststore password, or null
 * @param truststoreType     {@code JKS}, {@code PKCS12}, ..., or null for the JDK default
 * @param keystoreLocation   keystore file holding a client certificate for mutual TLS, or null
 * @param keystorePassword   keystore (and key) password, or null
 * @param keystoreType       keystore type, or null for the JDK default
 * @param timeout            connect and request timeout
 */
public record SchemaRegistryConfig(
        List<String> urls,
        String basicAuthUserInfo,
        String truststoreLocation,
        String truststorePassword,
        String truststoreType,
        String keystoreLocation,
        String keystorePassword,
        String keystoreType,
        Duration timeout) {

    public static final String URL = "schema.registry.url";
    public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";
    /** Prefixed spelling some clients use for the same setting. */
    public static final String PREFIXED_BASIC_AUTH_USER_INFO = "schema.registry.basic.auth.user.info";
    public static final String TRUSTSTORE_LOCATION = "schema.registry.ssl.truststore.location";
    public static final String TRUSTSTORE_PASSWORD = "schema.registry.ssl.truststore.password";
    public static final String TRUSTSTORE_TYPE = "schema.registry.ssl.truststore.type";
    public static final String KEYSTORE_LOCATION = "schema.registry.ssl.keystore.location";
    public static final String KEYSTORE_PASSWORD = "schema.registry.ssl.keystore.password";
    public static final String KEYSTORE_TYPE = "schema.registry.ssl.keystore.type";
    /** Confluent's name for the read timeout; we use one timeout for connect and request. */
    public static final String TIMEOUT_MS = "http.read.timeout.ms";

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private static final String REDACTED = "[hidden]";

    public SchemaRegistryConfig {
        urls = List.copyOf(Objects.requireNonNull(urls, "urls"));
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("schema registry timeout must be positive, was " + timeout);
        }
    }

    /** A registry at one or more comma-separated URLs, with no auth and no custom TLS. */
    public static SchemaRegistryConfig ofUrls(String commaSeparatedUrls) {
        return fromProperties(Map.of(URL, commaSeparatedUrls));
    }

    /**
     * Reads the Confluent serde's property names, so the same producer/consumer properties configure both.
     * Values may be strings, lists (for the URL) or Kafka {@link Password}s.
     *
     * <p>User-info embedded in a URL ({@code https://user:pass@host}) is used for basic auth when
     * {@code basic.auth.user.info} is not set, and is stripped from the URL so it never reaches a log line.
     */
    public static SchemaRegistryConfig fromProperties(Map<String, ?> props) {
        String userInfo = firstNonBlank(string(props.get(BASIC_AUTH_USER_INFO)),
                string(props.get(PREFIXED_BASIC_AUTH_USER_INFO)));
        List<String> urls = new ArrayList<>();
        for (String raw : splitUrls(props.get(URL))) {
            URI uri = parseUrl(raw);
            if (uri.getUserInfo() != null) {
                userInfo = userInfo != null ? userInfo : uri.getUserInfo();
                uri = withoutUserInfo(uri);
            }
            urls.add(stripTrailingSlashes(uri.toString()));
        }
        String timeoutMs = string(props.get(TIMEOUT_MS));
        Duration timeout;
        try {
            timeout = timeoutMs == null ? DEFAULT_TIMEOUT : Duration.ofMillis(Long.parseLong(timeoutMs.trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(TIMEOUT_MS + " must be a number of milliseconds, was " + timeoutMs, e);
        }
        return new SchemaRegistryConfig(
                urls,
                userInfo,
                string(props.get(TRUSTSTORE_LOCATION)),
                string(props.get(TRUSTSTORE_PASSWORD)),
                string(props.get(TRUSTSTORE_TYPE)),
                string(props.get(KEYSTORE_LOCATION)),
                string(props.get(KEYSTORE_PASSWORD)),
                string(props.get(KEYSTORE_TYPE)),
                timeout);
    }

    /** True when there is a registry to talk to; false selects the embedded-mode bundled ids. */
    public boolean hasUrls() {
        return !urls.isEmpty();
    }

    @Override
    public String toString() {
        return "SchemaRegistryConfig[urls=" + urls
                + ", basicAuthUserInfo=" + redact(basicAuthUserInfo)
                + ", truststoreLocation=" + truststoreLocation
                + ", truststorePassword=" + redact(truststorePassword)
                + ", truststoreType=" + truststoreType
                + ", keystoreLocation=" + keystoreLocation
                + ", keystorePassword=" + redact(keystorePassword)
                + ", keystoreType=" + keystoreType
                + ", timeout=" + timeout + "]";
    }

    private static String redact(String secret) {
        return secret == null ? null : REDACTED;
    }

    private static List<String> splitUrls(Object value) {
        List<String> parts = new ArrayList<>();
        if (value instanceof Collection<?> many) {
            for (Object one : many) {
                parts.addAll(splitUrls(one));
            }
            return parts;
        }
        String text = string(value);
        if (text == null) {
            return parts;
        }
        for (String part : text.split(",")) {
            if (!part.isBlank()) {
                parts.add(part.trim());
            }
        }
        return parts;
    }

    private static URI parseUrl(String raw) {
        try {
            URI uri = new URI(raw);
            if (uri.getScheme() == null || uri.getHost() == null
                    || !(uri.getScheme().equalsIgnoreCase("http") || uri.getScheme().equalsIgnoreCase("https"))) {
                throw new IllegalArgumentException(URL + " must be http(s)://host[:port][/path], was "
                        + describeWithoutSecrets(raw));
            }
            return uri;
        } catch (URISyntaxException e) {
            // The message of URISyntaxException echoes the input, which may hold a password.
            throw new IllegalArgumentException(URL + " is not a valid URL: " + describeWithoutSecrets(raw));
        }
    }

    private static String describeWithoutSecrets(String raw) {
        int at = raw.lastIndexOf('@');
        int scheme = raw.indexOf("://");
        return at > scheme && scheme >= 0 ? raw.substring(0, scheme + 3) + REDACTED + raw.substring(at) : raw;
    }

    private static URI withoutUserInfo(URI uri) {
        try {
            return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), uri.getQuery(),
                    uri.getFragment());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(URL + " is not a valid URL: " + uri.getScheme() + "://" + REDACTED
                    + "@" + uri.getHost(), e);
        }
    }

    private static String stripTrailingSlashes(String url) {
        String result = url;
        while (result.endsWith("/")) {
            result = result.substring(0, result.length() - 1);
        }
        return result;
    }

    private static String string(Object value) {
        if (value == null) {
            return null;
        }
        String text = value instanceof Password password ? password.value() : value.toString();
        return text.isBlank() ? null : text;
    }

    private static String firstNonBlank(String first, String second) {
        return first != null ? first : second;
    }
}
