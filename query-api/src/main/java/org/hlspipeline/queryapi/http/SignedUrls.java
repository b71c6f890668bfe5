package org.hlspipeline.queryapi.http;

import java.net.URI;
import java.time.Clock;
import java.util.List;

import org.hlspipeline.processor.hls.MasterPlaylist;
import org.hlspipeline.processor.signing.SignedMaster;
import org.hlspipeline.processor.signing.UrlSigner;
import org.hlspipeline.processor.signing.Verification;
import org.hlspipeline.queryapi.config.HlsProperties;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Signed read URLs (HLS_SIGNED_URL_KEYS; docs/operations.md, Signed read URLs). With keys, the playlists of
 * streams and channels and the IPTV channel list are read through {@link SignedReadFilter}; a signed read's
 * master playlist and channel list answer URLs signed with the same expiry, so that players can follow them.
 * Without keys nothing changes: every method hands its input back.
 */
@Component
public final class SignedUrls {

    /** The accepted request's expiry (a Long), set by {@link SignedReadFilter}. */
    static final String EXPIRES_ATTRIBUTE = SignedUrls.class.getName() + ".expires";

    /** Null when the feature is off. */
    private final UrlSigner signer;

    public SignedUrls(HlsProperties properties) {
        List<String> keys = properties.security().signedUrlKeys();
        this.signer = keys.stream().allMatch(String::isBlank) ? null : new UrlSigner(keys, Clock.systemUTC());
    }

    public boolean enabled() {
        return signer != null;
    }

    /**
     * Whether a read of {@code path} needs a signature: the media and master playlists of streams and channels and
     * the IPTV channel list, which lists master playlists. The guide (/epg.xml), the JSON API, health, metrics,
     * the viewer's files, {@code /media/} and the instance-to-instance {@code /internal/} hop do not.
     */
    static boolean covers(String path) {
        return (path.startsWith("/streams/") || path.startsWith("/channels/")) && path.endsWith(".m3u8")
                || path.equals("/channels.m3u");
    }

    Verification verify(ServerHttpRequest request) {
        return signer.verify(request.getPath().value(), request.getURI().getRawQuery());
    }

    /** The master as answered: its URIs signed with the request's expiry when the request was signed. */
    public MasterPlaylist master(ServerWebExchange exchange, MasterPlaylist master) {
        Long expires = exchange.getAttribute(EXPIRES_ATTRIBUTE);
        if (signer == null || expires == null) {
            return master;
        }
        return SignedMaster.sign(master, exchange.getRequest().getPath().value(), expires, signer);
    }

    /** An absolute URL of this server, signed with the request's expiry when the request was signed. */
    public String url(ServerWebExchange exchange, String absoluteUrl) {
        Long expires = exchange.getAttribute(EXPIRES_ATTRIBUTE);
        if (signer == null || expires == null) {
            return absoluteUrl;
        }
        URI uri = URI.create(absoluteUrl);
        return signer.signed(uri, uri.getRawPath(), expires);
    }
}
