package org.hlspipeline.processor.signing;

/**
 * What {@link UrlSigner#verify} found.
 *
 * @param outcome whether the URL is signed, and if not why
 * @param expires the URL's expiry in epoch seconds when it was signed (valid or expired), else -1
 * @param detail  what a client is told when the URL is refused; null when valid. Never names a key.
 */
public record Verification(Outcome outcome, long expires, String detail) {

    public enum Outcome {
        /** Signed with one of the keys and not expired. */
        VALID,
        /** No expires or no signature parameter. */
        MISSING,
        /** A parameter given twice, expires not digits, or the signature not base64url of 32 bytes. */
        MALFORMED,
        /** Well formed, but no key signed this path and expiry. */
        WRONG,
        /** Genuinely signed, but past its expiry. */
        EXPIRED
    }

    public boolean valid() {
        return outcome == Outcome.VALID;
    }

    static Verification valid(long expires) {
        return new Verification(Outcome.VALID, expires, null);
    }

    static Verification missing(String detail) {
        return new Verification(Outcome.MISSING, -1, detail);
    }

    static Verification malformed(String detail) {
        return new Verification(Outcome.MALFORMED, -1, detail);
    }

    static Verification wrong(String detail) {
        return new Verification(Outcome.WRONG, -1, detail);
    }

    static Verification expired(long expires, String detail) {
        return new Verification(Outcome.EXPIRED, expires, detail);
    }
}
