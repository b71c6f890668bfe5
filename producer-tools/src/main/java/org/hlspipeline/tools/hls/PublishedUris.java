package org.hlspipeline.tools.hls;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The URI a segment is published with, so that a player reading the pipeline's playlist (served from another
 * place than the transcoder's) can fetch it:
 * <ul>
 *   <li>an absolute URI in the playlist is kept as written;</li>
 *   <li>with {@code --base-url} (the URL of the folder holding the playlist given), a relative one is resolved
 *       against it;</li>
 *   <li>else, when the playlist was read from an http(s) URL, against that URL;</li>
 *   <li>else it stays relative, to the folder of the playlist given: as written for a media playlist, and with the
 *       variant's folder in front for a master playlist's variants ({@code 720p/seg1.ts}).</li>
 * </ul>
 */
public final class PublishedUris {

    private final URI base;

    private PublishedUris(URI base) {
        this.base = base;
    }

    /**
     * @param input   the playlist the user named
     * @param baseUrl {@code --base-url}, or null
     * @throws IllegalArgumentException when {@code baseUrl} is not an absolute http(s) URL
     */
    public static PublishedUris of(PlaylistLocation input, String baseUrl) {
        if (baseUrl != null) {
            return new PublishedUris(baseUrl(baseUrl));
        }
        return new PublishedUris(input.isUrl() ? withPath(input.url()) : null);
    }

    /** A folder URL: absolute http(s), ending with a slash (added if missing). */
    public static URI baseUrl(String text) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("--base-url '" + text + "' is not a valid URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new IllegalArgumentException("--base-url must be an absolute http(s) URL with a host, was '"
                    + text + "'");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("--base-url must be a folder URL without query or fragment, was '"
                    + text + "'");
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (!path.endsWith("/")) {
            path = path + "/";
        }
        return URI.create(uri.getScheme() + "://" + uri.getRawAuthority() + path);
    }

    private static URI withPath(URI url) {
        if (url.getRawPath() == null || url.getRawPath().isEmpty()) {
            return URI.create(url.getScheme() + "://" + url.getRawAuthority() + "/");
        }
        return url;
    }

    /**
     * @param playlistReference the media playlist's URI as the master playlist writes it, or null when the
     *                          playlist given is the media playlist
     * @param segmentUri        the segment's URI as the media playlist writes it
     * @throws IllegalArgumentException when a URI is not a valid URI reference and has to be resolved
     */
    public String of(String playlistReference, String segmentUri) {
        URI segment = parse(segmentUri);
        if (segment.isAbsolute()) {
            return segmentUri;
        }
        URI relative = segment;
        if (playlistReference != null) {
            URI playlist = parse(playlistReference);
            relative = playlist.resolve(segment);
            if (relative.isAbsolute()) {
                return relative.toString();
            }
        } else if (base == null) {
            return segmentUri;
        }
        return base == null ? relative.toString() : base.resolve(relative).toString();
    }

    /**
     * Whether a key URI is published as written: a DRM system's ({@code skd://…}, {@code data:…}) names no file
     * to resolve; a key server's (http, https or relative) is resolved like a segment's.
     */
    public static boolean keyPassesAsWritten(String keyUri) {
        return keyUri.matches("[A-Za-z][A-Za-z0-9+.-]*:.*") && !keyUri.regionMatches(true, 0, "http:", 0, 5)
                && !keyUri.regionMatches(true, 0, "https:", 0, 6);
    }

    private static URI parse(String text) {
        try {
            return new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + text + "' is not a valid URI reference (" + e.getReason() + ")");
        }
    }
}
