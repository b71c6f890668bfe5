package org.hlspipeline.processor.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.hlspipeline.processor.signing.Verification.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UrlSignerTest {

    private static final String KEY = "first-key-0123456789";
    private static final String OLD_KEY = "older-key-0123456789";
    private static final String PATH = "/streams/x/master.m3u8";
    private static final long EXPIRES = 1_700_000_000L;
    /** HMAC-SHA256 of "/streams/x/master.m3u8?expires=1700000000" under KEY, by openssl dgst, base64url. */
    private static final String KNOWN_SIGNATURE = "8fbBl8W70UoAu_uj1JCYv7HZT3AioTT3xe0vws427hE";

    private static UrlSigner at(long epochSecond, String... keys) {
        return new UrlSigner(List.of(keys), Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC));
    }

    private static String query(String url) {
        return url.substring(url.indexOf('?') + 1);
    }

    @Test
    void signsAsTheSpecificationSays() {
        assertThat(at(0, KEY).sign(PATH, EXPIRES))
                .isEqualTo(PATH + "?expires=1700000000&signature=" + KNOWN_SIGNATURE);
    }

    @Test
    void aSignedPathVerifiesUntilAndIncludingItsExpiry() {
        String url = at(0, KEY).sign(PATH, EXPIRES);
        assertThat(at(EXPIRES - 3600, KEY).verify(PATH, query(url))).isEqualTo(new Verification(Outcome.VALID,
                EXPIRES, null));
        assertThat(at(EXPIRES, KEY).verify(PATH, query(url)).valid()).isTrue();
        Verification late = at(EXPIRES + 1, KEY).verify(PATH, query(url));
        assertThat(late.outcome()).isEqualTo(Outcome.EXPIRED);
        assertThat(late.expires()).isEqualTo(EXPIRES);
        assertThat(late.detail()).contains("expired at 1700000000", "it is now 1700000001");
    }

    @Test
    void otherParametersAreAllowedAnywhereAndNotSigned() {
        String signed = query(at(0, KEY).sign(PATH, EXPIRES));
        assertThat(at(EXPIRES, KEY).verify(PATH, "_HLS_msn=5&" + signed + "&x=1").valid()).isTrue();
        String[] parts = signed.split("&");
        assertThat(at(EXPIRES, KEY).verify(PATH, parts[1] + "&a&" + parts[0]).valid()).isTrue();
    }

    @Test
    void anyKeyVerifiesAndTheFirstSigns() {
        UrlSigner rotated = at(EXPIRES, KEY, OLD_KEY);
        String byOld = at(0, OLD_KEY).sign(PATH, EXPIRES);
        String byNew = rotated.sign(PATH, EXPIRES);
        assertThat(byNew).isEqualTo(at(0, KEY).sign(PATH, EXPIRES));
        assertThat(rotated.verify(PATH, query(byOld)).valid()).isTrue();
        assertThat(rotated.verify(PATH, query(byNew)).valid()).isTrue();
        // Once the old key is dropped, what it signed no longer verifies.
        assertThat(at(EXPIRES, KEY).verify(PATH, query(byOld)).outcome()).isEqualTo(Outcome.WRONG);
    }

    @Test
    void aTamperedPathOrExpiryIsWrong() {
        String signed = query(at(0, KEY).sign(PATH, EXPIRES));
        UrlSigner verifier = at(EXPIRES - 10, KEY);
        assertThat(verifier.verify("/streams/y/master.m3u8", signed).outcome()).isEqualTo(Outcome.WRONG);
        assertThat(verifier.verify("/streams/x/renditions/720p/playlist.m3u8", signed).outcome())
                .isEqualTo(Outcome.WRONG);
        // The raw form is what is signed: an encoded spelling of the same path is another path.
        assertThat(verifier.verify("/streams/%78/master.m3u8", signed).outcome()).isEqualTo(Outcome.WRONG);
        String later = signed.replace("expires=1700000000", "expires=1800000000");
        assertThat(verifier.verify(PATH, later).outcome()).isEqualTo(Outcome.WRONG);
        // A tampered expiry that is also past says WRONG, not EXPIRED: only genuine URLs expire.
        String earlier = signed.replace("expires=1700000000", "expires=1600000000");
        assertThat(verifier.verify(PATH, earlier).outcome()).isEqualTo(Outcome.WRONG);
        String flipped = signed.substring(0, signed.length() - 2)
                + (signed.charAt(signed.length() - 2) == 'A' ? 'B' : 'A') + signed.charAt(signed.length() - 1);
        assertThat(verifier.verify(PATH, flipped).outcome()).isEqualTo(Outcome.WRONG);
    }

    @Test
    void aMissingParameterIsMissing() {
        UrlSigner verifier = at(0, KEY);
        assertThat(verifier.verify(PATH, null).outcome()).isEqualTo(Outcome.MISSING);
        assertThat(verifier.verify(PATH, "").outcome()).isEqualTo(Outcome.MISSING);
        assertThat(verifier.verify(PATH, "a=b").detail()).contains("not signed");
        assertThat(verifier.verify(PATH, "expires=1").detail()).contains("no signature");
        assertThat(verifier.verify(PATH, "signature=" + KNOWN_SIGNATURE).detail()).contains("no expires");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "expires=&signature=" + KNOWN_SIGNATURE,
            "expires=-1&signature=" + KNOWN_SIGNATURE,
            "expires=+1700000000&signature=" + KNOWN_SIGNATURE,
            "expires=1e9&signature=" + KNOWN_SIGNATURE,
            "expires=1234567890123456789&signature=" + KNOWN_SIGNATURE,
            "expires=1700000000&expires=1700000000&signature=" + KNOWN_SIGNATURE,
            "expires=1700000000&signature=" + KNOWN_SIGNATURE + "&signature=" + KNOWN_SIGNATURE,
            "expires=1700000000&signature=",
            "expires=1700000000&signature=" + KNOWN_SIGNATURE + "=",
            "expires=1700000000&signature=8fbBl8W70UoAu+uj1JCYv7HZT3AioTT3xe0vws427hE",
            "expires=1700000000&signature=8fbBl8W70UoAu/uj1JCYv7HZT3AioTT3xe0vws427hE",
            "expires=1700000000&signature=8fbBl8W70UoAu%5Fuj1JCYv7HZT3AioTT3xe0vws427hE",
            "expires=1700000000&signature=8fbBl8W70UoAu_uj1JCYv7HZT3AioTT3xe0vws427h",
            "expires=1700000000&signature=8fbBl8W70UoAu_uj1JCYv7HZT3AioTT3xe0vws427hEA"})
    void badSyntaxIsMalformed(String query) {
        assertThat(at(0, KEY).verify(PATH, query).outcome()).isEqualTo(Outcome.MALFORMED);
    }

    @Test
    void keysAreCheckedWhenTheSignerIsMade() {
        assertThatThrownBy(() -> at(0)).hasMessageContaining("no signed-URL key");
        assertThatThrownBy(() -> at(0, " ", "")).hasMessageContaining("no signed-URL key");
        assertThatThrownBy(() -> at(0, KEY, "short")).hasMessage(
                "signed-URL key 2 is 5 characters long; keys need at least 16");
        // Surrounding blanks (from "a, b" in the setting) are not part of a key.
        assertThat(at(0, " " + KEY + " ").sign(PATH, EXPIRES)).endsWith(KNOWN_SIGNATURE);
    }

    @Test
    void signaturesAreComparedInConstantTime() {
        JavaClass signer = new ClassFileImporter().importClass(UrlSigner.class);
        List<JavaMethodCall> calls = signer.getMethodCallsFromSelf().stream().toList();
        assertThat(calls).anyMatch(call -> call.getTargetOwner().isEquivalentTo(MessageDigest.class)
                && call.getName().equals("isEqual"));
        // Arrays.equals stops at the first differing byte, which timing would show; mismatch and compare too.
        assertThat(calls).noneMatch(call -> call.getTargetOwner().isEquivalentTo(Arrays.class)
                && List.of("equals", "mismatch", "compare").contains(call.getName()));
        // Nor is the encoded signature compared as text: the signer never encodes what it verifies against.
        assertThat(calls).noneMatch(call -> call.getOrigin().getName().equals("verify")
                && call.getName().startsWith("encode"));
    }
}
