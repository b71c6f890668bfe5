package org.hlspipeline.processor.signing;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;

import org.hlspipeline.processor.hls.AlternativeRendition;
import org.hlspipeline.processor.hls.MasterPlaylist;
import org.hlspipeline.processor.hls.Variant;

/**
 * A master playlist answered to a signed request, with the URIs of its variants (I-frame ones too) and of its
 * groups' members ({@code EXT-X-MEDIA URI=}) signed with the same expiry, so that a player can follow them. A
 * relative URI is resolved against the master's path to be signed and stays relative, the signature appended to
 * its query. Absolute URIs point elsewhere and session keys to key servers: neither is the app's to sign.
 */
public final class SignedMaster {

    private SignedMaster() {
    }

    /**
     * @param masterPath the raw path the master was requested at, which its relative URIs resolve against
     * @param expires    the expiry of the master's own signature
     */
    public static MasterPlaylist sign(MasterPlaylist master, String masterPath, long expires, UrlSigner signer) {
        List<Variant> variants = master.variants().stream()
                .map(v -> new Variant(signed(v.uri(), masterPath, expires, signer), v.description()))
                .toList();
        List<AlternativeRendition> alternatives = master.alternatives().stream()
                .map(a -> new AlternativeRendition(signed(a.uri(), masterPath, expires, signer), a.description()))
                .toList();
        return new MasterPlaylist(variants, alternatives, master.sessionKeys());
    }

    /** {@code uri} with {@code expires} and {@code signature} appended, or unchanged when it is not relative. */
    static String signed(String uri, String masterPath, long expires, UrlSigner signer) {
        URI parsed;
        try {
            parsed = new URI(uri);
        } catch (URISyntaxException e) {
            // The model only holds URIs safe as playlist lines; one Java cannot parse is left as it is.
            return uri;
        }
        if (parsed.isAbsolute() || parsed.getRawAuthority() != null) {
            return uri;
        }
        String path = URI.create(masterPath).resolve(parsed).getRawPath();
        return signer.signed(parsed, path, expires);
    }
}
