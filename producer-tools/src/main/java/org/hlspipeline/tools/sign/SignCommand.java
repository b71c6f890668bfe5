package org.hlspipeline.tools.sign;

import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

import org.hlspipeline.processor.signing.UrlSigner;
import org.hlspipeline.tools.cli.ExitCodes;
import org.hlspipeline.tools.cli.VersionProvider;
import org.hlspipeline.tools.publish.ToolContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "sign", sortOptions = false, mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Print signed read URLs for an app run with HLS_SIGNED_URL_KEYS, one per line: each path (or URL) "
                    + "with ?expires=<epoch seconds>&signature=<HMAC-SHA256, base64url> appended. The path is "
                    + "signed as written, in its percent-encoded form, as a client sends it; a query already on "
                    + "it is kept and not signed.",
            "",
            "Sign a master playlist: the app signs the variant URIs it lists with the same expiry. Expiry is "
                    + "checked against the app's clock. Reads nothing from Kafka and sends nothing."
        },
        footer = {
            "",
            "Environment: HLS_SIGNED_URL_KEYS (without --key, its first key signs, as the app's does).",
            "",
            "Example:",
            "  producer-tools sign --key \"$KEY\" --expires-in 3600 /streams/x/master.m3u8"
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the signed URLs were printed",
            "2:invalid command line: no key, a key too short, or a path that is not absolute"
        })
public final class SignCommand implements Callable<Integer> {

    static final String KEYS_VARIABLE = "HLS_SIGNED_URL_KEYS";

    @Spec
    CommandSpec spec;

    @Option(names = "--key", paramLabel = "<key>", order = 1,
            description = "The key to sign with (at least " + UrlSigner.MIN_KEY_LENGTH + " characters). "
                    + "Default: the first of " + KEYS_VARIABLE + ", which keeps the key out of the process list.")
    String key;

    @Option(names = "--expires-in", paramLabel = "<seconds>", order = 2, defaultValue = "3600",
            description = "How long the URLs are good for, from now, in seconds. Default: ${DEFAULT-VALUE}.")
    long expiresIn;

    @Option(names = "--expires", paramLabel = "<epoch seconds>", order = 3,
            description = "An absolute expiry instead of --expires-in, in seconds since 1970-01-01T00:00:00Z.")
    Long expires;

    @Parameters(paramLabel = "<path>", arity = "1..*",
            description = "Paths as the app serves them (/streams/x/master.m3u8), or absolute http(s) URLs.")
    List<String> paths;

    @Override
    public Integer call() {
        UrlSigner signer;
        try {
            signer = new UrlSigner(List.of(signingKey()), Clock.systemUTC());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (expires == null && expiresIn <= 0) {
            throw new ParameterException(spec.commandLine(), "--expires-in must be greater than 0");
        }
        long until = expires != null ? expires : Math.addExact(signer.nowSeconds(), expiresIn);
        if (until < 0) {
            throw new ParameterException(spec.commandLine(), "--expires must not be negative");
        }
        PrintWriter out = spec.commandLine().getOut();
        for (String path : paths) {
            out.println(sign(signer, path, until));
        }
        out.flush();
        return ExitCodes.OK;
    }

    private String signingKey() {
        if (key != null) {
            return key;
        }
        String keys = ToolContext.of(spec).environment().get(KEYS_VARIABLE);
        String first = keys == null ? "" : Arrays.stream(keys.split(",")).map(String::trim)
                .filter(k -> !k.isEmpty()).findFirst().orElse("");
        if (first.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "give --key, or set " + KEYS_VARIABLE);
        }
        return first;
    }

    /** The path or URL with the signature of its raw path appended, after any query it has. */
    private String sign(UrlSigner signer, String pathOrUrl, long until) {
        URI uri;
        try {
            uri = new URI(pathOrUrl);
        } catch (URISyntaxException e) {
            throw new ParameterException(spec.commandLine(), "not a URL path: " + pathOrUrl + " ("
                    + e.getReason() + "; percent-encode it as a client would send it)");
        }
        boolean web = uri.isAbsolute() && ("http".equalsIgnoreCase(uri.getScheme())
                || "https".equalsIgnoreCase(uri.getScheme()));
        String rawPath = uri.getRawPath();
        if ((uri.isAbsolute() && !web) || rawPath == null || !rawPath.startsWith("/")
                || uri.getRawFragment() != null) {
            throw new ParameterException(spec.commandLine(), "give an absolute path such as "
                    + "/streams/x/master.m3u8, or an http(s) URL, without a fragment: " + pathOrUrl);
        }
        return signer.signed(uri, rawPath, until);
    }
}
