package org.hlspipeline.queryapi.http;

import java.time.Duration;

import org.hlspipeline.queryapi.query.QueryHeaders;
import org.hlspipeline.queryapi.query.Served;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.server.ServerWebExchange;

/**
 * How every playlist leaves: HLS content type, the content's ETag with {@code If-None-Match} → 304, a max-age of
 * about half a target duration while live (a player reloads about once per target duration, RFC 8216 6.3.4) and
 * long once ended. CORS headers come from {@link ReadCorsFilter}, for errors too.
 */
public final class PlaylistResponses {

    public static final MediaType HLS = MediaType.parseMediaType("application/vnd.apple.mpegurl");
    static final Duration ENDED_MAX_AGE = Duration.ofHours(1);

    private PlaylistResponses() {
    }

    public static ResponseEntity<byte[]> ok(ServerWebExchange exchange, RenderedPlaylist playlist,
                                            CacheControl cacheControl, Served<?> served) {
        HttpHeaders headers = new HttpHeaders();
        headers.setETag(playlist.etag());
        headers.setCacheControl(cacheControl);
        headers.set(QueryHeaders.SERVED_BY, served.instance());
        headers.set(QueryHeaders.SERVED_ROLE, served.role().header());
        if (matches(exchange.getRequest().getHeaders().get(HttpHeaders.IF_NONE_MATCH), playlist.etag())) {
            return new ResponseEntity<>(headers, HttpStatus.NOT_MODIFIED);
        }
        headers.setContentType(HLS);
        return new ResponseEntity<>(playlist.bytes(), headers, HttpStatus.OK);
    }

    /**
     * RFC 9110 13.1.2: If-None-Match compares weakly, so a W/ prefix (added by gzip-ing proxies) still matches.
     * Read from the raw header values, not {@code HttpHeaders.getIfNoneMatch()}, which throws on a malformed
     * value (a 500, found by HttpFuzzIT): a value that is not a list of entity tags simply matches nothing.
     */
    static boolean matches(java.util.List<String> ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String value : ifNoneMatch) {
            for (String candidate : value.split(",")) {
                String tag = candidate.trim();
                if (tag.equals("*") || tag.equals(etag) || (tag.startsWith("W/") && tag.substring(2).equals(etag))) {
                    return true;
                }
            }
        }
        return false;
    }

    public static CacheControl live(int targetDurationSeconds) {
        return CacheControl.maxAge(Duration.ofMillis(Math.max(1000, targetDurationSeconds * 500L))).cachePublic();
    }

    public static CacheControl ended() {
        return CacheControl.maxAge(ENDED_MAX_AGE).cachePublic();
    }
}
